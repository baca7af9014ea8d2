import type { Handlers } from '../../api/router.js';
import {
  archiveOrganisation,
  createOrganisation,
  getOrganisation,
  listOrganisations,
  organisationHistory,
  updateOrganisation,
} from './organisations.service.js';

export const organisationsHandlers = {
  'organisations.list': async (input, ctx) => listOrganisations(ctx.reader, input),
  'organisations.get': async ({ id }, ctx) => getOrganisation(ctx.reader, id),
  'organisations.create': async (input, ctx) => createOrganisation(ctx.db, input),
  'organisations.update': async ({ id, data }, ctx) => updateOrganisation(ctx.db, id, data),
  'organisations.archive': async ({ id, archived }, ctx) => archiveOrganisation(ctx.db, id, archived),
  'organisations.history': async ({ id }, ctx) => organisationHistory(ctx.reader, id),
} satisfies Partial<Handlers>;
