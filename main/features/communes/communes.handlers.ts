import type { Handlers } from '../../api/router.js';
import { createCommune, listCommunes, updateCommune } from './communes.service.js';

export const communesHandlers = {
  'communes.list': async (_input, ctx) => listCommunes(ctx.reader),
  'communes.create': async (input, ctx) => createCommune(ctx.db, input),
  'communes.update': async ({ id, data }, ctx) => updateCommune(ctx.db, id, data),
} satisfies Partial<Handlers>;
