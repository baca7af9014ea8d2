import type { Handlers } from '../../api/router.js';
import {
  exportParticipantList,
  getParticipantListColumns,
  participantListCount,
  saveParticipantListColumns,
} from './participant-list.service.js';
import { checkFigures } from './checks.service.js';
import { exportReport, getReportTexts, saveReportTexts } from './reports.service.js';

export const reportsHandlers = {
  'reports.texts': async (frame, ctx) => getReportTexts(ctx.reader, frame),
  'reports.saveTexts': async ({ frame, texts }, ctx) => saveReportTexts(ctx.db, frame, texts),
  'reports.check': async (q, ctx) => ({ findings: await checkFigures(ctx.reader, q) }),
  'reports.export': async (frame, ctx, meta) => {
    ctx.progress(meta.jobId, 'figures', 0, 2);
    const file = ctx.files.tempPath('report.xlsx');
    const name = await exportReport(ctx.reader, frame, file);
    ctx.progress(meta.jobId, 'written', 2, 2);
    return { handle: ctx.files.register({ path: file, name, temporary: true }), name };
  },
  'reports.participantListCount': async (filter, ctx) => participantListCount(ctx.reader, filter),
  'reports.participantListColumns': async (_input, ctx) => ({ columns: await getParticipantListColumns(ctx.reader) }),
  'reports.saveParticipantListColumns': async ({ columns }, ctx) => ({ columns: await saveParticipantListColumns(ctx.db, columns) }),
  'reports.participantListExport': async (input, ctx, meta) => {
    ctx.progress(meta.jobId, 'rows', 0, 2);
    const file = ctx.files.tempPath('teilnehmendenliste.xlsx');
    const { name, count } = await exportParticipantList(ctx.reader, ctx.db, input, file);
    ctx.progress(meta.jobId, 'written', 2, 2);
    return { handle: ctx.files.register({ path: file, name, temporary: true }), name, count };
  },
} satisfies Partial<Handlers>;
