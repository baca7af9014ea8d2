import fs from 'node:fs';
import type { Handlers } from '../../api/router.js';
import type { AppContext } from '../../api/context.js';
import { renderAccessExportPdf } from '../../pdf/access-export.js';
import { anonymiseParticipants, listPastRetention } from './anonymise.service.js';
import { collectAccessData, recordAccessExport } from './access-export.service.js';
import {
  consentReview,
  getConsent,
  listProgramPrivacy,
  recordConsent,
  updateProgramPrivacy,
  withdrawConsent,
} from './privacy.service.js';
import { todayIso } from '../../../shared/domain/dates.js';

/** Writes the JSON and PDF of an access request as temp files and hands out handles; then logs the export. */
export async function accessExport(ctx: AppContext, participantId: number) {
  // the writer, in one transaction: a consistent snapshot (the reader cannot open an IMMEDIATE transaction)
  const data = await collectAccessData(ctx.db, participantId);
  const stamp = todayIso();
  const base = `Auskunft_TN-${participantId}_${stamp}`;
  const jsonPath = ctx.files.tempPath(`${base}.json`);
  fs.writeFileSync(jsonPath, `${JSON.stringify(data, null, 2)}\n`);
  const pdfPath = ctx.files.tempPath(`${base}.pdf`);
  fs.writeFileSync(pdfPath, await renderAccessExportPdf(data));
  const tables = Object.fromEntries(Object.entries(data.tables).map(([t, rows]) => [t, rows.length]));
  await recordAccessExport(ctx.db, participantId, tables);
  return {
    json: { handle: ctx.files.register({ path: jsonPath, name: `${base}.json`, temporary: true }), name: `${base}.json` },
    pdf: { handle: ctx.files.register({ path: pdfPath, name: `${base}.pdf`, temporary: true }), name: `${base}.pdf` },
    tables,
  };
}

export const privacyHandlers = {
  'privacy.programs': async (_input, ctx) => listProgramPrivacy(ctx.reader),
  'privacy.updateProgram': async ({ programId, data }, ctx) => updateProgramPrivacy(ctx.db, programId, data),
  'privacy.pastRetention': async ({ today }, ctx) => listPastRetention(ctx.reader, today ?? todayIso()),
  'privacy.anonymise': async (input, ctx) => {
    if ('participantId' in input) {
      return anonymiseParticipants(ctx.db, [input.participantId], { dryRun: input.dryRun, reason: input.reason });
    }
    const past = await listPastRetention(ctx.db);
    return anonymiseParticipants(
      ctx.db,
      past.map((p) => p.participantId),
      { dryRun: input.dryRun, reason: 'retention' },
    );
  },
  'privacy.consentReview': async ({ limit }, ctx) => consentReview(ctx.reader, limit),
  'privacy.consent': async ({ participantId }, ctx) => getConsent(ctx.reader, participantId),
  'privacy.recordConsent': async (input, ctx) => recordConsent(ctx.db, input),
  'privacy.withdrawConsent': async ({ participantId, date }, ctx) => withdrawConsent(ctx.db, participantId, date),
  'privacy.accessExport': async ({ participantId }, ctx) => accessExport(ctx, participantId),
} satisfies Partial<Handlers>;
