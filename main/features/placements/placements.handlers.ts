import type { Handlers } from '../../api/router.js';
import { statementFileName, writeAghStatement } from '../../excel/export/agh-statement.js';
import { hoursWeek, saveHours } from './hours.service.js';
import {
  activatePlacement,
  board,
  closePlacement,
  createPlacement,
  getPlacement,
  listCandidates,
  placementsOfParticipant,
  updatePlacement,
} from './placements.service.js';
import { monthlyStatement } from './statement.service.js';

export const placementsHandlers = {
  'placements.candidates': async ({ programId }, ctx) => listCandidates(ctx.reader, programId),
  'placements.board': async ({ programId, includeClosed }, ctx) => board(ctx.reader, programId, includeClosed),
  'placements.get': async ({ id }, ctx) => getPlacement(ctx.reader, id),
  'placements.forParticipant': async ({ participantId }, ctx) => placementsOfParticipant(ctx.reader, participantId),
  'placements.create': async (input, ctx) => createPlacement(ctx.db, input),
  'placements.update': async (input, ctx) => updatePlacement(ctx.db, input),
  'placements.activate': async (input, ctx) => activatePlacement(ctx.db, input),
  'placements.close': async (input, ctx) => closePlacement(ctx.db, input),
  'placements.hoursWeek': async ({ programId, communeId, weekStart }, ctx) => hoursWeek(ctx.reader, programId, communeId, weekStart),
  'placements.saveHours': async ({ entries }, ctx) => saveHours(ctx.db, entries),
  'placements.statement': async ({ programId, communeId, month }, ctx) => monthlyStatement(ctx.reader, programId, communeId, month),
  'placements.exportStatement': async ({ programId, communeId, month }, ctx) => {
    const s = await monthlyStatement(ctx.reader, programId, communeId, month);
    const name = statementFileName(s);
    const file = ctx.files.tempPath(name);
    await writeAghStatement(s, file);
    return { handle: ctx.files.register({ path: file, name, temporary: true }), name };
  },
} satisfies Partial<Handlers>;
