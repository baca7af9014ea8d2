import type { Handlers } from '../../api/router.js';
import { addCommunesFromCatalog, createCommune, listCommunes, updateCommune } from './communes.service.js';

export const communesHandlers = {
  'communes.list': async (_input, ctx) => listCommunes(ctx.reader),
  'communes.create': async (input, ctx) => createCommune(ctx.db, input),
  'communes.addFromCatalog': async ({ ags }, ctx) => addCommunesFromCatalog(ctx.db, ags),
  'communes.update': async ({ id, data }, ctx) => updateCommune(ctx.db, id, data),
} satisfies Partial<Handlers>;
