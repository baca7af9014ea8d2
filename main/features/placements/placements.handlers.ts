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
import { getAghSettings, saveAghSettings } from './agh-settings.service.js';
import { addExtraCost, extraCostsOf, removeExtraCost } from './extra-costs.service.js';
import { monthlyStatement } from './statement.service.js';
import { establishStatement, payStatement, reopenStatement } from './statement-state.service.js';
import { payoutReceiptsName, renderPayoutReceipts } from '../../pdf/agh-payout-receipts.js';
import { renderAghStatement, statementPdfName } from '../../pdf/agh-statement.js';
import fs from 'node:fs';

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
  'placements.exportStatementPdf': async ({ programId, communeId, month }, ctx) => {
    const s = await monthlyStatement(ctx.reader, programId, communeId, month);
    const name = statementPdfName(s);
    const file = ctx.files.tempPath(name);
    fs.writeFileSync(file, await renderAghStatement(s));
    return { handle: ctx.files.register({ path: file, name, temporary: true }), name };
  },
  'placements.exportPayoutReceipts': async ({ programId, communeId, month }, ctx) => {
    const s = await monthlyStatement(ctx.reader, programId, communeId, month);
    const name = payoutReceiptsName(s);
    const file = ctx.files.tempPath(name);
    fs.writeFileSync(file, await renderPayoutReceipts(s));
    return { handle: ctx.files.register({ path: file, name, temporary: true }), name };
  },
  'placements.establishStatement': async (input, ctx) => establishStatement(ctx.db, input),
  'placements.reopenStatement': async (input, ctx) => reopenStatement(ctx.db, input),
  'placements.payStatement': async (input, ctx) => payStatement(ctx.db, input),
  'placements.aghSettings': async ({ programId }, ctx) => getAghSettings(ctx.reader, programId),
  'placements.saveAghSettings': async (input, ctx) => saveAghSettings(ctx.db, input),
  'placements.extraCosts': async ({ placementId }, ctx) => extraCostsOf(ctx.reader, placementId),
  'placements.addExtraCost': async (input, ctx) => addExtraCost(ctx.db, input),
  'placements.removeExtraCost': async ({ id }, ctx) => {
    await removeExtraCost(ctx.db, id);
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
