import { z } from 'zod';
import { procedure } from './define.js';
import { id, searchText } from '../domain/common.js';
import { organisation, organisationHistory, organisationInput, organisationKind } from '../domain/organisations.js';

export const organisationsContract = {
  /** Companies and partners, optionally of one kind, searched by name, sector, city, contact or partner type. */
  'organisations.list': procedure({
    input: z
      .object({
        kind: organisationKind.optional(),
        query: searchText(200).default(''),
        includeArchived: z.boolean().default(false),
      })
      .default({ query: '', includeArchived: false }),
    output: z.array(organisation),
  }),
  /** One organisation; `not_found` if it does not exist. */
  'organisations.get': procedure({ input: z.object({ id }), output: organisation }),
  /** Create a company or partner. */
  'organisations.create': procedure({ input: organisationInput, output: organisation }),
  /** Replace an organisation's fields. */
  'organisations.update': procedure({ input: z.object({ id, data: organisationInput }), output: organisation }),
  /** Hide (archive) or restore an organisation; its history stays. */
  'organisations.archive': procedure({ input: z.object({ id, archived: z.boolean() }), output: organisation }),
  /** A company's history: fairs, contacts, applications, hires (outcomes with it) and excursions to it. */
  'organisations.history': procedure({ input: z.object({ id }), output: organisationHistory }),
};
