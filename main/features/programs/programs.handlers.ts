import type { Handlers } from '../../api/router.js';
import { archiveProgram, createProgram, getProgram, listPrograms, updateProgram } from './programs.service.js';

export const programsHandlers = {
  'programs.list': async ({ includeArchived }, ctx) => listPrograms(ctx.reader, includeArchived),
  'programs.get': async ({ id }, ctx) => getProgram(ctx.reader, id),
  'programs.create': async (input, ctx) => createProgram(ctx.db, input),
  'programs.update': async ({ id, data }, ctx) => updateProgram(ctx.db, id, data),
  'programs.archive': async ({ id, archived }, ctx) => archiveProgram(ctx.db, id, archived),
} satisfies Partial<Handlers>;
