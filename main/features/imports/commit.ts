import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../../shared/domain/imports.js';
import { todayIso } from '../../../shared/domain/dates.js';
import { AppError } from '../../../shared/errors.js';
import { backupNamed } from '../../db/backup.js';
import { idSource, insertRows } from '../../db/engine/bulk.js';
import { readsBesideWriter } from '../../db/engine/concurrency.js';
import type { OpenDatabase } from '../../db/open.js';
import { ReadWorker } from '../../excel/import/in-worker.js';
import { audit } from '../audit/audit.service.js';
import { mapFreeTextValues } from '../participants/participant-model.sql.js';
import { communeIndex, communeNames, type CommuneOf } from './communes-of.js';
import { enrol } from './enrol.js';
import { fillExisting, participantColumns } from './fill-existing.js';
import { saveMapping } from './mappings.js';
import { BATCH, Matcher } from './matcher.js';
import { analyse, cancelled, readContext, type ImportOptions, type ReadContext } from './reading.js';
import { RowQueue } from './row-queue.js';
import { applyDecisions, checkChoices, createChosenCommunes, mergeDecisions, rememberChoices, rememberedDecisions, targetText } from './value-choices.js';
import { recognises, unknownValueWarnings } from './value-report.js';

const insertColumns = [
  'last_name', 'first_name', 'birth_date', 'birth_year', 'gender', 'nationality', 'commune_id', 'commune_text', 'residence_status',
  'arrival_in_saxony', 'german_level', 'phone', 'email', 'case_number', 'name_key', 'case_number_key', 'search_text', 'notes', 'import_batch_id',
] as const;
/** the columns of a JSON row after the id (the batch id is the same for all and bound once) */
const rowColumns = insertColumns.slice(0, -1) as Exclude<(typeof insertColumns)[number], 'import_batch_id'>[];

export interface CommitHooks {
  progress?: (phase: string, done: number, total: number) => void;
  signal?: AbortSignal;
  /** off only in tests that count backups; the CLI and the app always back up first */
  backup?: boolean;
}

/** The rows matched with a person in Lotse (the first 200), for the result. */
function matchesOf(matcher: Matcher): ImportResult['matches'] {
  const out: ImportResult['matches'] = [];
  for (const e of matcher.entries) {
    if (out.length >= 200) break;
    if (e.match?.id != null) out.push({ ...e.match, row: e.row, id: e.match.id });
  }
  return out;
}

/**
 * Imports a file as one import batch in one transaction: new people inserted, people already in Lotse matched
 * and only their empty fields filled, optional enrollment. Either all accepted rows land or none.
 *
 * The work overlaps: this thread reads and checks the file from the start; SQLite writes the pre-import backup
 * on one worker thread (through a connection of its own, as a snapshot of the last commit) and, on another, looks
 * up and inserts the rows read so far, batch by batch — so parsing, backing up and inserting run side by side. The
 * commit waits for the backup. Matching happens while the write transaction holds the write lock, so the rows
 * always match the state they are written into. A file-level error found late (a corrupt end of the file, no data rows) rolls
 * everything back.
 */
export async function commitImport(open: OpenDatabase, file: string, fileName: string, opts: ImportOptions, hooks: CommitHooks = {}): Promise<ImportResult> {
  const db = open.db;
  const today = opts.today ?? todayIso();
  let program: { id: number; eligibility_rule: string } | undefined;
  if (opts.programId) {
    program = await db.selectFrom('programs').select(['id', 'eligibility_rule']).where('id', '=', opts.programId).executeTakeFirst();
    if (!program) throw new AppError('not_found', 'Das Programm gibt es nicht.', 'Program not found.');
  }
  // the reading thread starts now, so its start-up overlaps the preparation below
  const worker = new ReadWorker();
  let ctx: ReadContext;
  let communeOf: CommuneOf;
  let remembered: Awaited<ReturnType<typeof rememberedDecisions>>;
  try {
    ctx = await readContext(db);
    communeOf = await communeIndex(db);
    remembered = await rememberedDecisions(db, opts.sender);
    // a choice naming nothing is refused before the backup and any write
    checkChoices(opts.values ?? [], targetText(await communeNames(db)));
  } catch (err) {
    worker.stop();
    throw err;
  }
  // on a team server the import's single transaction is the safety net; the server's own backups do the rest
  const backup = (hooks.backup ?? true) && open.engine === 'sqlite' ? backupNamed(open, 'vor-import') : Promise.resolve(null);
  // a failure is reported where it is awaited below; until then it must not count as unhandled
  backup.catch(() => undefined);

  let stopped: unknown = null;
  const stopCheck = () => {
    if (stopped !== null) throw stopped;
    if (hooks.signal?.aborted) throw cancelled();
  };
  const queue = new RowQueue(BATCH);
  let rowsRead = 0;
  let inserted = 0;
  let backedUp = false;
  // started once the writing side is ready for rows (so its first round trips do not wait behind the reader)
  let reading: ReturnType<typeof analyse> | null = null;
  const startReading = () => {
    reading = analyse(ctx, file, { ...opts, today }, {
      worker,
      // a cancel ends the reading thread at once, wherever it is in the file
      signal: hooks.signal,
      onRows: (n) => {
        stopCheck();
        rowsRead = n;
        // while nothing is written yet, the rows read so far; afterwards, written of read so far (the total is
        // unknown until the end of the file)
        if (inserted === 0) hooks.progress?.('lesen', n, 0);
        else hooks.progress?.('speichern', inserted, n);
      },
      onAccepted: (rows) => {
        stopCheck();
        for (const row of rows) queue.push(row);
      },
    }).then(
      (read) => {
        queue.end();
        return read;
      },
      (err: unknown) => {
        queue.fail(err);
        throw err;
      },
    );
    reading.catch(() => undefined);
    return reading;
  };

  const backupDone = backup.then(() => {
    backedUp = true;
  });
  backupDone.catch(() => undefined);
  let committed = false;
  try {
    // In WAL mode the backup's single read transaction is a snapshot that the import's uncommitted writes cannot
    // touch, so writing may start at once and only the commit waits for the backup. Any other journal mode: wait.
    const wal = await readsBesideWriter(db);
    if (!wal) {
      startReading();
      await backupDone;
    }
    const result = await db.transaction().execute(async (trx) => {
      // counts, sheet and mapping are known once the whole file is read; set at the end of the transaction
      const batchId = (
        await trx
          .insertInto('import_batches')
          .values({
            file_name: fileName,
            sender: opts.sender?.trim() || null,
            rows_total: 0,
            imported: 0,
            existing_matched: 0,
            duplicates_in_file: 0,
            rejected: 0,
            mapping: '{}',
            report: '{}',
            program_id: program?.id ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      // the transaction holds the write lock (BEGIN IMMEDIATE), so ids handed out here stay free; giving them
      // explicitly lets a later duplicate row of the file fill in the person it belongs to
      const newIds = await idSource(trx, 'participants');
      // communes chosen to be created exist before the first row needs them, inside this transaction
      const choices = await createChosenCommunes(trx, opts.values ?? []);
      if (choices.some((c, i) => c !== opts.values![i])) communeOf = await communeIndex(trx);
      const decisions = mergeDecisions(remembered, choices);
      const decidedText = targetText(await communeNames(trx));
      const known = recognises(communeOf);
      const matcher = new Matcher(batchId);
      const taken = matcher.caseKeysInDb;
      const read = reading ?? startReading();
      // the insert of one batch runs on SQLite's thread while this thread matches and prepares the next
      let writing: Promise<void> = Promise.resolve();
      try {
        for (let rows = await queue.next(); rows; rows = await queue.next()) {
          stopCheck();
          for (const r of rows) applyDecisions(r.record, decisions, decidedText, known);
          // in WAL mode the lookups run on the read-only connection, beside the inserts on the writer: while this
          // transaction holds the write lock nobody can commit, so the reader sees exactly the state the rows are
          // written into (minus this import's own uncommitted rows, which the matcher excludes anyway)
          const fresh = await matcher.add(wal ? open.reader : trx, rows);
          if (fresh.length === 0) continue;
          const ids = await newIds(fresh.length);
          const values = fresh.map((e, i) => {
            e.id = ids[i]!;
            const cols = participantColumns(e.record, communeOf);
            // a key still held by an anonymised record would break the unique index; the number itself is kept
            if (cols.case_number_key && taken.has(cols.case_number_key)) cols.case_number_key = null;
            if (cols.case_number_key) taken.add(cols.case_number_key);
            const row: unknown[] = [e.id];
            for (const col of rowColumns) row.push(cols[col]);
            return row;
          });
          await writing;
          const count = fresh.length;
          // one JSON parameter per batch (db/engine/bulk.ts), far cheaper than binding 19 values a row
          writing = insertRows(trx, 'participants', ['id', ...rowColumns], values, { import_batch_id: batchId })
            .then(() => {
              inserted += count;
              hooks.progress?.('speichern', inserted, Math.max(rowsRead, inserted));
            });
          // its failure surfaces at the next await of `writing`; until then it must not count as unhandled
          writing.catch(() => undefined);
        }
      } catch (err) {
        // an insert still running must finish before the rollback is sent, or it could land outside the transaction
        await writing.catch(() => undefined);
        throw err;
      }
      await writing;
      const { analysis } = await read;
      stopCheck();

      // new people a later duplicate row completed, then the people matched in Lotse (only their empty fields)
      const refilled = matcher.entries.filter((e) => e.refilled).map((e) => ({ id: e.id!, record: e.record }));
      await fillExisting(trx, refilled, communeOf, taken);
      const matched = matcher.entries.filter((e) => e.existingId !== null);
      const filled = await fillExisting(trx, matched.map((e) => ({ id: e.existingId!, record: e.record })), communeOf, taken);
      // statuses and nationalities to the catalogues (issue 14); what they do not name stays for a decision
      await mapFreeTextValues(trx, [...new Set(matcher.entries.map((e) => e.id ?? e.existingId!))]);
      // what is still unknown after the decisions is stored as text and becomes a warning of its rows
      const unknown = unknownValueWarnings(matcher.entries, communeOf);
      matcher.warnings.push(...unknown.warnings);
      const c = matcher.counts(analysis);
      hooks.progress?.('speichern', c.imported, c.rowsTotal);

      let enrolled = 0;
      if (program) {
        const ids = matcher.entries.map((e) => e.id ?? e.existingId!);
        enrolled = await enrol(trx, program, [...new Set(ids)], batchId, today);
      }

      await trx
        .updateTable('import_batches')
        .set({
          sheet: analysis.kind === 'csv' ? null : analysis.sheet,
          rows_total: c.rowsTotal,
          imported: c.imported,
          existing_matched: c.existingMatched,
          duplicates_in_file: c.duplicatesInFile,
          rejected: c.rejectedCount,
          mapping: JSON.stringify({ headers: analysis.layout.headers, mapping: analysis.mapping }),
          report: JSON.stringify({ rejected: analysis.table.rejected, warnings: matcher.warnings, unknownValues: unknown.unknownValues, filled, enrolled }),
        })
        .where('id', '=', batchId)
        .execute();
      await audit(trx, {
        action: 'import',
        entity: 'import_batch',
        entityId: batchId,
        peopleCount: c.imported,
        details: `Import ${path.basename(fileName)}: ${c.imported} neu, ${c.existingMatched} vorhanden, ${c.duplicatesInFile} doppelt, ${c.rejectedCount} abgelehnt`,
      });
      await saveMapping(trx, opts.sender, analysis.layout.headers, analysis.mapping);
      await rememberChoices(trx, opts.sender, choices);
      // the commit makes the import visible; the copy of the state before it must be complete first
      if (!backedUp) hooks.progress?.('sichern', 0, 0);
      await backupDone;
      return {
        batchId,
        rowsTotal: c.rowsTotal,
        imported: c.imported,
        existingMatched: c.existingMatched,
        duplicatesInFile: c.duplicatesInFile,
        rejected: analysis.table.rejected,
        warnings: matcher.warnings,
        enrolled,
        unknownValues: unknown.unknownValues,
        matches: matchesOf(matcher),
      };
    });
    committed = true;
    return result;
  } catch (err) {
    // stop the reading side and let it settle before anything else happens
    stopped = err;
    worker.stop();
    await (reading as Promise<unknown> | null)?.catch(() => undefined);
    // nothing was written: a copy of the unchanged database would only fill the disk
    const copy = await backup.catch(() => null);
    if (copy && !committed) fs.rmSync(copy, { force: true });
    throw err;
  }
}
