import type { Kysely } from 'kysely';
import type { ImportPreview, ImportPreviewRows } from '../../../shared/domain/imports.js';
import type { Database } from '../../db/schema.js';
import { writeRejectedWorkbook } from '../../excel/import/rejected.js';
import { communeIndex, communeNames } from './communes-of.js';
import type { Analysis } from '../../excel/import/analyse.js';
import { BATCH, Matcher, type RowWindow } from './matcher.js';
import { analyse, cancelled, readContext, type ImportOptions } from './reading.js';
import { rememberedDecisions, targetText } from './value-choices.js';
import { rememberedOf, valueReport } from './value-report.js';

/**
 * The import feature's entry: preview and rejected-rows file here; the commit, undo, the batch list and the
 * helpers of other features' commands in their own modules, re-exported for the handlers and the CLI.
 */
export { getBatch, listBatches } from './batches.js';
export { canonicalParticipants, programIdByName } from './cli-helpers.js';
export { commitImport, type CommitHooks } from './commit.js';
export type { ImportOptions } from './reading.js';
export { undoBatch, undoImpact } from './undo.js';

type Db = Kysely<Database>;

export interface PreviewHooks {
  /** aborting ends the reading at once */
  signal?: AbortSignal;
  /** rows read so far; throwing stops the read */
  onRows?: (rowsRead: number) => void;
}

/** The accepted rows matched in file order (as the import matches them), keeping the outcomes of `window`. */
async function matchAll(db: Db, analysis: Analysis, window: RowWindow | undefined, signal: AbortSignal | undefined): Promise<Matcher> {
  const matcher = new Matcher(null, window);
  // in batches, as the import matches them, so a cancel also stops the matching of a long list
  const accepted = analysis.table.accepted;
  for (let i = 0; i < accepted.length; i += BATCH) {
    if (signal?.aborted) throw cancelled();
    await matcher.add(db, accepted.slice(i, i + BATCH));
  }
  return matcher;
}

/** Reads the file and shows what a commit would do; writes nothing. */
export async function previewImport(db: Db, file: string, fileName: string, opts: ImportOptions, hooks: PreviewHooks = {}): Promise<ImportPreview> {
  const { analysis, mappingSource } = await analyse(await readContext(db), file, opts, hooks);
  const matcher = await matchAll(db, analysis, undefined, hooks.signal);
  return {
    fileName,
    sheets: analysis.sheets,
    sheet: analysis.sheet,
    headerRow: analysis.layout.headerRow,
    headers: analysis.layout.headers,
    mapping: analysis.mapping,
    mappingSource,
    counts: matcher.counts(analysis),
    sample: matcher.previewRows(),
    rejected: analysis.table.rejected,
    warnings: matcher.warnings,
    values: valueReport(analysis.table.accepted, await communeIndex(db), rememberedOf(await rememberedDecisions(db, opts.sender), targetText(await communeNames(db)))),
  };
}

/**
 * A page of the preview's rows. The file is read and matched again, whole, because a row's outcome depends on the
 * rows before it (in-file duplicates) — stateless, so it works the same on a team server with many users.
 */
export async function previewRows(db: Db, file: string, opts: ImportOptions, window: RowWindow, hooks: PreviewHooks = {}): Promise<ImportPreviewRows> {
  const { analysis } = await analyse(await readContext(db), file, opts, hooks);
  const matcher = await matchAll(db, analysis, window, hooks.signal);
  return { rows: matcher.previewRows(), total: matcher.seen };
}

/** Writes the rejected rows of a file (with reasons) to a workbook at `target`. */
export async function rejectedWorkbook(db: Db, file: string, target: string, opts: ImportOptions, signal?: AbortSignal): Promise<number> {
  const { analysis } = await analyse(await readContext(db), file, opts, { signal });
  await writeRejectedWorkbook(target, analysis.layout.headers, analysis.table.rejectedRaw);
  return analysis.table.rejectedRaw.length;
}
