import type { Handlers } from '../../api/router.js';
import { commitImport, listBatches, previewImport, previewRows, rejectedWorkbook, undoBatch, undoImpact } from './imports.service.js';

export const importsHandlers = {
  // a preview of a big or hostile file can take a while: with a jobId it is cancelled like an import
  'imports.preview': async ({ handle, ...opts }, ctx, meta) => {
    const file = ctx.files.readable(handle);
    return previewImport(ctx.reader, file.path, file.name, opts, {
      signal: ctx.jobSignal(meta.jobId),
      onRows: (n) => ctx.progress(meta.jobId, 'lesen', n, 0),
    });
  },
  'imports.previewRows': async ({ handle, offset, limit, ...opts }, ctx, meta) => {
    const file = ctx.files.readable(handle);
    return previewRows(ctx.reader, file.path, opts, { offset, limit }, {
      signal: ctx.jobSignal(meta.jobId),
      onRows: (n) => ctx.progress(meta.jobId, 'lesen', n, 0),
    });
  },
  'imports.commit': async ({ handle, ...opts }, ctx, meta) => {
    const file = ctx.files.readable(handle);
    ctx.progress(meta.jobId, 'lesen', 0, 1);
    return commitImport(ctx.open, file.path, file.name, opts, {
      signal: ctx.jobSignal(meta.jobId),
      progress: (phase, done, total) => ctx.progress(meta.jobId, phase, done, total),
    });
  },
  'imports.rejectedFile': async ({ handle, ...opts }, ctx, meta) => {
    const file = ctx.files.readable(handle);
    const name = `${file.name.replace(/\.[^.]+$/, '')}-abgelehnt.xlsx`;
    const target = ctx.files.tempPath(name);
    const rows = await rejectedWorkbook(ctx.reader, file.path, target, opts, ctx.jobSignal(meta.jobId));
    return { handle: ctx.files.register({ path: target, name, temporary: true }), name, rows };
  },
  'imports.batches': async (_input, ctx) => listBatches(ctx.reader),
  'imports.undoImpact': async ({ batchId }, ctx) => undoImpact(ctx.reader, batchId),
  'imports.undo': async ({ batchId }, ctx) => undoBatch(ctx.db, batchId),
} satisfies Partial<Handlers>;
