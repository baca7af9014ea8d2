import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import { ags, commune, communeInput } from '../domain/communes.js';

export const communesContract = {
  /** All communes, sorted by district and name. */
  'communes.list': procedure({ input: z.object({}).default({}), output: z.array(commune) }),
  /** Create a commune; name + district and the AGS must be unique. */
  'communes.create': procedure({ input: communeInput, output: commune }),
  /**
   * Take communes from the catalogue of Saxony's municipalities (shared/rules/saxony-communes.ts) by their keys:
   * name and district come from the catalogue; a key already present, or a commune of the same name and district
   * without a key (which gets the key), is not created twice. Returns every picked commune.
   */
  'communes.addFromCatalog': procedure({
    input: z.object({ ags: z.array(ags).min(1).max(500) }),
    output: z.object({ communes: z.array(commune), created: z.number().int() }),
  }),
  /** Update a commune's name, district or AGS. */
  'communes.update': procedure({ input: z.object({ id, data: communeInput }), output: commune }),
};
