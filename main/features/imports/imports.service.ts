import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { todayIso } from '../../../shared/domain/common.js';
import type { EligibilityGroup } from '../../../shared/domain/eligibility.js';
import type {
  CanonicalParticipant,
  ImportBatch,
  ImportField,
  ImportMapping,
  ImportPreview,
  ImportResult,
  RowWarning,
  ValueChoice,
} from '../../../shared/domain/imports.js';
import { AppError } from '../../../shared/errors.js';
import { evaluateEligibility } from '../../../shared/rules/eligibility.js';
import { caseNumberKey, nameKey, normaliseName, searchText } from '../../../shared/rules/names.js';
import { backupNamed } from '../../db/backup.js';
import { fillRows, idSource, insertRows } from '../../db/engine/bulk.js';
import { readsBesideWriter } from '../../db/engine/concurrency.js';
import { valuesOf } from '../../db/engine/sql-parts.js';
import type { OpenDatabase } from '../../db/open.js';
import type { Database, ParticipantsTable } from '../../db/schema.js';
import type { Analysis } from '../../excel/import/analyse.js';
import { ReadWorker } from '../../excel/import/in-worker.js';
import { layoutKey, senderKey, type SavedMappings } from '../../excel/import/saved-mapping.js';
import type { ParsedRow } from '../../excel/import/table.js';
import { getImportLimits } from '../settings/settings.service.js';
import { writeRejectedWorkbook } from '../../excel/import/rejected.js';
import { headerKey } from '../../excel/import/table.js';
import { audit } from '../audit/audit.service.js';
import { reanchorPerson } from '../enrollments/anchor.service.js';
import { eligibilityPeople } from '../participants/eligibility-person.js';
import { mapFreeTextValues } from '../participants/participant-model.sql.js';
import { applyDecisions, checkChoices, createChosenCommunes, mergeDecisions, rememberChoices, rememberedDecisions, targetText } from './value-choices.js';
import { recognises, rememberedOf, unknownValueWarnings, valueReport } from './value-report.js';
import { getSetting, setSetting } from '../settings/settings.service.js';

type Db = Kysely<Database>;

const MAPPINGS_KEY = 'imports.mappings';

async function saveMapping(db: Db, sender: string | null | undefined, headers: string[], mapping: ImportMapping): Promise<void> {
  const all = await getSetting<SavedMappings>(db, MAPPINGS_KEY, {});
  // an ignored column is saved too (null), so a later file can tell it from a column never seen
  const byHeader: Record<string, ImportField | null> = {};
  mapping.forEach((f, i) => {
    const key = headerKey(headers[i] ?? '');
    if (key) byHeader[key] = f ?? null;
  });
  all[layoutKey(headers)] = byHeader;
  if (sender?.trim()) all[senderKey(sender)] = byHeader;
  await setSetting(db, MAPPINGS_KEY, all);
}

export interface ImportOptions {
  sheet?: string | null;
  mapping?: ImportMapping | null;
  sender?: string | null;
  programId?: number | null;
  today?: string;
  /** decisions for values the catalogues do not know (commit only); the sender's remembered ones fill in */
  values?: ValueChoice[];
}

/** One person the file contributes, after in-file duplicates collapsed into their first row. */
interface Entry {
  row: number;
  record: CanonicalParticipant;
  existingId: number | null;
  /** the id this import gave a new person, once inserted */
  id: number | null;
  /** a later row of the file filled empty fields after the person was inserted */
  refilled: boolean;
}

const SAMPLE = 20;
type Outcome = { row: number; entry: Entry; outcome: 'new' | 'matched' | 'duplicate' };

/** The duplicate rule, with an empty birth date as part of the key so a re-import of dateless rows adds nobody. */
function matchKey(last: string | null, first: string | null, birth: string | null): string {
  return `${normaliseName(last)}|${normaliseName(first)}|${birth ?? ''}`;
}

const fillable: (keyof CanonicalParticipant)[] = [
  'birthDate', 'gender', 'nationality', 'commune', 'residenceStatus', 'arrivalDate', 'germanLevel', 'phone', 'email', 'caseNumber',
];

/** Fills the target's empty fields from the source; true if anything changed. */
function fillEmpty(target: CanonicalParticipant, source: CanonicalParticipant): boolean {
  let changed = false;
  for (const f of fillable) {
    if (target[f] === null && source[f] !== null) {
      (target as Record<string, unknown>)[f] = source[f];
      changed = true;
    }
  }
  return changed;
}

/** What reading a file needs from the database, fetched before the backup and the import's writes begin. */
interface ReadContext {
  limits: Awaited<ReturnType<typeof getImportLimits>>;
  saved: SavedMappings;
}

async function readContext(db: Db): Promise<ReadContext> {
  return { limits: await getImportLimits(db), saved: await getSetting<SavedMappings>(db, MAPPINGS_KEY, {}) };
}

type MappingSource = 'proposed' | 'saved' | 'user';

interface ReadHooks {
  onRows?: (rowsRead: number) => void;
  /** each batch of good rows as soon as it is parsed (an import); without it the analysis holds them all */
  onAccepted?: (rows: ParsedRow[]) => void;
  signal?: AbortSignal;
  /** a reading thread started ahead (see ReadWorker); otherwise one is started here */
  worker?: ReadWorker;
}

/**
 * Reads and validates the file on a reading thread of its own (a hostile file can only end that thread); touches
 * no database.
 */
async function analyse(ctx: ReadContext, file: string, opts: ImportOptions, hooks: ReadHooks = {}): Promise<{ analysis: Analysis; mappingSource: MappingSource }> {
  const worker = hooks.worker ?? new ReadWorker();
  const { analysis, savedUsed } = await worker.run(
    {
      file,
      sheet: opts.sheet,
      mapping: opts.mapping,
      today: opts.today ?? todayIso(),
      limits: ctx.limits,
      saved: { all: ctx.saved, sender: opts.sender ?? null },
      stream: hooks.onAccepted !== undefined,
    },
    hooks,
  );
  return { analysis, mappingSource: opts.mapping ? 'user' : savedUsed ? 'saved' : 'proposed' };
}

interface DbPerson {
  id: number;
  last_name: string;
  first_name: string;
  birth_date: string | null;
  name_key: string | null;
  case_number_key: string | null;
  anonymised_at: string | null;
}

/**
 * The duplicate rule (DOMAIN.md) applied row by row, in file order: in-file duplicates collapse into their first
 * row (filling its empty fields), the rest are matched against the people in Lotse. Those are looked up batch by
 * batch through the indexes by the rows' own keys — never by loading everyone.
 */
class Matcher {
  entries: Entry[] = [];
  /** what became of the first rows (the preview's sample); the rest is only counted */
  outcomes: Outcome[] = [];
  warnings: RowWarning[] = [];
  duplicatesInFile = 0;
  /** case-number keys of the file that a record in Lotse already holds (anonymised ones included) */
  caseKeysInDb = new Set<string>();
  private dbByName = new Map<string, number>();
  private dbByCase = new Map<string, number>();
  private fileByName = new Map<string, Entry>();
  private fileByCase = new Map<string, Entry>();
  private datelessLoaded = false;

  /** `ownBatch`: the batch being written, whose people are in the file already and no match in Lotse */
  constructor(private readonly ownBatch: number | null = null) {}

  /** Adds the next rows of the file; returns the new people among them. */
  async add(db: Db, rows: ParsedRow[]): Promise<Entry[]> {
    // each row's keys once: normalising names is the costly part of matching a big list
    const keys = rows.map((p) => ({
      ck: caseNumberKey(p.record.caseNumber),
      nk: matchKey(p.record.lastName, p.record.firstName, p.record.birthDate),
      dated: p.record.birthDate !== null,
    }));
    await this.lookUp(db, keys);
    const fresh: Entry[] = [];
    rows.forEach((parsed, i) => {
      for (const w of parsed.warnings) this.warnings.push(w);
      const r = parsed.record;
      const { ck, nk } = keys[i]!;
      const dup = (ck ? this.fileByCase.get(ck) : undefined) ?? this.fileByName.get(nk);
      if (dup) {
        this.duplicatesInFile++;
        if (fillEmpty(dup.record, r)) {
          if (dup.id !== null) dup.refilled = true;
          // a filled birth date or case number gives the person another key later rows can meet
          this.register(dup, matchKey(dup.record.lastName, dup.record.firstName, dup.record.birthDate), caseNumberKey(dup.record.caseNumber));
        }
        if (this.outcomes.length < SAMPLE) this.outcomes.push({ row: parsed.row, entry: dup, outcome: 'duplicate' });
        return;
      }
      const existingId = (ck ? this.dbByCase.get(ck) : undefined) ?? this.dbByName.get(nk) ?? null;
      // the entry owns the parsed record from here on (later duplicate rows fill its empty fields)
      const entry: Entry = { row: parsed.row, record: r, existingId, id: null, refilled: false };
      this.entries.push(entry);
      this.register(entry, nk, ck);
      if (this.outcomes.length < SAMPLE) this.outcomes.push({ row: parsed.row, entry, outcome: existingId === null ? 'new' : 'matched' });
      if (existingId === null) fresh.push(entry);
    });
    return fresh;
  }

  counts(analysis: Analysis) {
    const imported = this.entries.filter((e) => e.existingId === null).length;
    return {
      rowsTotal: analysis.table.rowsTotal,
      imported,
      existingMatched: this.entries.length - imported,
      duplicatesInFile: this.duplicatesInFile,
      rejectedCount: analysis.table.rejected.length,
      warningCount: this.warnings.length,
    };
  }

  private register(e: Entry, nk: string, ck: string | null): void {
    if (!this.fileByName.has(nk)) this.fileByName.set(nk, e);
    if (ck && !this.fileByCase.has(ck)) this.fileByCase.set(ck, e);
  }

  /** The people in Lotse these rows could match; the stored people without a birth date once, if a row has none. */
  private async lookUp(db: Db, keys: { ck: string | null; nk: string; dated: boolean }[]): Promise<void> {
    const caseKeys: string[] = [];
    const nameKeys: string[] = [];
    let dateless = false;
    for (const k of keys) {
      if (k.ck) caseKeys.push(k.ck);
      // with a birth date the match key is exactly the stored name_key
      if (k.dated) nameKeys.push(k.nk);
      else dateless = true;
    }
    const loadDateless = dateless && !this.datelessLoaded;
    this.datelessLoaded ||= dateless;
    const cols = sql.raw('id, last_name, first_name, birth_date, name_key, case_number_key, anonymised_at');
    const notOwn = this.ownBatch === null ? sql`` : sql`AND import_batch_id IS DISTINCT FROM ${this.ownBatch}`;
    const found = await sql<DbPerson>`
      SELECT ${cols} FROM participants WHERE case_number_key IN ${valuesOf(db, caseKeys)} ${notOwn}
      UNION ALL SELECT ${cols} FROM participants WHERE name_key IN ${valuesOf(db, nameKeys)} ${notOwn}
      ${loadDateless ? sql`UNION ALL SELECT ${cols} FROM participants WHERE birth_date IS NULL ${notOwn}` : sql``}`.execute(db);
    // lowest id first, as the rule's "first match wins" needs a fixed order; sorted here, the few hits are cheap
    found.rows.sort((a, b) => a.id - b.id);
    for (const p of found.rows) {
      // anonymised people are nobody's match any more, but a case number they still hold stays taken
      if (p.case_number_key) this.caseKeysInDb.add(p.case_number_key);
      if (p.anonymised_at !== null) continue;
      // the stored name_key is exactly matchKey when a birth date exists
      const k = p.name_key ?? matchKey(p.last_name, p.first_name, p.birth_date);
      if (!this.dbByName.has(k)) this.dbByName.set(k, p.id);
      if (p.case_number_key && !this.dbByCase.has(p.case_number_key)) this.dbByCase.set(p.case_number_key, p.id);
    }
  }
}

export interface PreviewHooks {
  /** aborting ends the reading at once */
  signal?: AbortSignal;
  /** rows read so far; throwing stops the read */
  onRows?: (rowsRead: number) => void;
}

/** Reads the file and shows what a commit would do; writes nothing. */
export async function previewImport(db: Db, file: string, fileName: string, opts: ImportOptions, hooks: PreviewHooks = {}): Promise<ImportPreview> {
  const signal = hooks.signal;
  const { analysis, mappingSource } = await analyse(await readContext(db), file, opts, hooks);
  const matcher = new Matcher();
  // in batches, as the import matches them, so a cancel also stops the matching of a long list
  const accepted = analysis.table.accepted;
  for (let i = 0; i < accepted.length; i += BATCH) {
    if (signal?.aborted) throw cancelled();
    await matcher.add(db, accepted.slice(i, i + BATCH));
  }
  return {
    fileName,
    sheets: analysis.sheets,
    sheet: analysis.sheet,
    headerRow: analysis.layout.headerRow,
    headers: analysis.layout.headers,
    mapping: analysis.mapping,
    mappingSource,
    counts: matcher.counts(analysis),
    sample: matcher.outcomes.map((o) => ({ row: o.row, outcome: o.outcome, ...o.entry.record })),
    rejected: analysis.table.rejected,
    warnings: matcher.warnings,
    values: valueReport(analysis.table.accepted, await communeIndex(db), rememberedOf(await rememberedDecisions(db, opts.sender), targetText(await communeNames(db)))),
  };
}

async function communeNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('communes').select(['id', 'name']).execute();
  return new Map(rows.map((c) => [c.id, c.name] as const));
}

/** Commune by name as written in the file (umlauts and case either way); each distinct spelling normalised once. */
type CommuneOf = (name: string | null) => { id: number; name: string } | undefined;

async function communeIndex(db: Db): Promise<CommuneOf> {
  const rows = await db.selectFrom('communes').select(['id', 'name']).orderBy('id').execute();
  const idx = new Map<string, { id: number; name: string }>();
  for (const c of rows) {
    const k = normaliseName(c.name);
    if (!idx.has(k)) idx.set(k, c);
  }
  const seen = new Map<string, { id: number; name: string } | undefined>();
  return (name) => {
    if (!name) return undefined;
    if (!seen.has(name)) seen.set(name, idx.get(normaliseName(name)));
    return seen.get(name);
  };
}

function participantColumns(r: CanonicalParticipant, communeOf: CommuneOf) {
  const commune = communeOf(r.commune);
  return {
    last_name: r.lastName,
    first_name: r.firstName,
    birth_date: r.birthDate,
    birth_year: r.birthDate ? Number(r.birthDate.slice(0, 4)) : null,
    gender: r.gender,
    nationality: r.nationality,
    commune_id: commune?.id ?? null,
    commune_text: commune ? null : r.commune,
    residence_status: r.residenceStatus,
    arrival_in_saxony: r.arrivalDate,
    german_level: r.germanLevel,
    phone: r.phone,
    email: r.email,
    case_number: r.caseNumber,
    name_key: nameKey(r.lastName, r.firstName, r.birthDate),
    case_number_key: caseNumberKey(r.caseNumber),
    search_text: searchText(r.lastName, r.firstName, r.caseNumber),
  };
}

const insertColumns = [
  'last_name', 'first_name', 'birth_date', 'birth_year', 'gender', 'nationality', 'commune_id', 'commune_text', 'residence_status',
  'arrival_in_saxony', 'german_level', 'phone', 'email', 'case_number', 'name_key', 'case_number_key', 'search_text', 'import_batch_id',
] as const;
/** the columns of a JSON row after the id (the batch id is the same for all and bound once) */
const rowColumns = insertColumns.slice(0, -1) as Exclude<(typeof insertColumns)[number], 'import_batch_id'>[];

export interface CommitHooks {
  progress?: (phase: string, done: number, total: number) => void;
  signal?: AbortSignal;
  /** off only in tests that count backups; the CLI and the app always back up first */
  backup?: boolean;
}

const cancelled = () => new AppError('cancelled', 'Vorgang abgebrochen; es wurde nichts gespeichert.', 'Cancelled; nothing was saved.');

/**
 * Accepted rows handed from the reading side to the writing side in batches. The reader never waits for the
 * writer; the writer waits only when it has caught up with the reader.
 */
class RowQueue {
  private batches: ParsedRow[][] = [];
  private current: ParsedRow[] = [];
  private done = false;
  private error: unknown = null;
  private wake: (() => void) | null = null;

  constructor(private readonly size: number) {}

  push(row: ParsedRow): void {
    this.current.push(row);
    if (this.current.length >= this.size) {
      this.batches.push(this.current);
      this.current = [];
      this.signal();
    }
  }

  end(): void {
    if (this.current.length > 0) this.batches.push(this.current);
    this.current = [];
    this.done = true;
    this.signal();
  }

  fail(err: unknown): void {
    this.error = err;
    this.done = true;
    this.signal();
  }

  async next(): Promise<ParsedRow[] | null> {
    for (;;) {
      if (this.error !== null) throw this.error;
      const batch = this.batches.shift();
      if (batch) return batch;
      if (this.done) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

const BATCH = 2000;

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

type ParticipantRow = Selectable<ParticipantsTable>;

/** The columns an import may fill on a matched person; in this order in the JSON rows of fillExisting. */
const fillColumns = [
  'birth_date', 'birth_year', 'name_key', 'gender', 'nationality', 'commune_id', 'commune_text', 'residence_status',
  'arrival_in_saxony', 'german_level', 'phone', 'email', 'case_number', 'case_number_key', 'search_text',
] as const;

/**
 * Fills only the fields that are empty in Lotse; never overwrites. Decides per person here, then writes all
 * changes in one statement (a value of null in the JSON means "leave as it is"). Returns what was filled.
 */
async function fillExisting(
  trx: Transaction<Database>,
  people: { id: number; record: CanonicalParticipant }[],
  communeOf: CommuneOf,
  usedCaseKeys: Set<string>,
): Promise<{ id: number; fields: string[] }[]> {
  const filled: { id: number; fields: string[] }[] = [];
  const updates: unknown[][] = [];
  for (let i = 0; i < people.length; i += 2000) {
    const chunk = people.slice(i, i + 2000);
    const current = await trx
      .selectFrom('participants')
      .selectAll()
      .where('id', 'in', valuesOf(trx, chunk.map((e) => e.id)))
      .execute();
    const byId = new Map(current.map((r) => [r.id, r]));
    for (const e of chunk) {
      const row = byId.get(e.id);
      if (!row) continue;
      const set = fillFor(row, e.record, communeOf, usedCaseKeys);
      if (!set) continue;
      filled.push({ id: row.id, fields: set.fields });
      updates.push([row.id, ...fillColumns.map((col) => set.values[col] ?? null)]);
    }
  }
  if (updates.length === 0) return filled;
  const now = new Date().toISOString();
  for (let i = 0; i < updates.length; i += 2000) {
    await fillRows(trx, 'participants', fillColumns, updates.slice(i, i + 2000), now);
  }
  return filled;
}

function fillFor(
  row: ParticipantRow,
  r: CanonicalParticipant,
  communeOf: CommuneOf,
  usedCaseKeys: Set<string>,
): { fields: string[]; values: Partial<Record<(typeof fillColumns)[number], string | number>> } | null {
  const cols = participantColumns(r, communeOf);
  const set: Partial<Record<(typeof fillColumns)[number], string | number>> = {};
  const take = (col: (typeof fillColumns)[number] & keyof ParticipantRow) => {
    const v = cols[col];
    if (row[col] === null && v !== null) set[col] = v;
  };
  take('birth_date');
  take('gender');
  take('nationality');
  if (row.commune_id === null && row.commune_text === null) {
    take('commune_id');
    take('commune_text');
  }
  take('residence_status');
  take('arrival_in_saxony');
  take('german_level');
  take('phone');
  take('email');
  if (row.case_number === null && cols.case_number && cols.case_number_key && !usedCaseKeys.has(cols.case_number_key)) {
    set.case_number = cols.case_number;
    set.case_number_key = cols.case_number_key;
    usedCaseKeys.add(cols.case_number_key);
  }
  const fields = Object.keys(set);
  if (fields.length === 0) return null;
  if (set.birth_date) {
    set.birth_year = Number(String(set.birth_date).slice(0, 4));
    const key = nameKey(row.last_name, row.first_name, String(set.birth_date));
    if (key) set.name_key = key;
  }
  set.search_text = searchText(row.last_name, row.first_name, (set.case_number as string | undefined) ?? row.case_number);
  return { fields, values: set };
}

async function enrol(trx: Transaction<Database>, program: { id: number; eligibility_rule: string }, ids: number[], batchId: number, today: string): Promise<number> {
  const rule = JSON.parse(program.eligibility_rule) as EligibilityGroup;
  const communeNames = new Map(
    (await trx.selectFrom('communes').select(['id', 'name']).execute()).map((c) => [c.id, c.name] as const),
  );
  let n = 0;
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400);
    const already = new Set(
      (await trx.selectFrom('enrollments').select('participant_id').where('program_id', '=', program.id).where('participant_id', 'in', chunk).execute()).map(
        (r) => r.participant_id,
      ),
    );
    const people = await eligibilityPeople(trx, chunk.filter((id) => !already.has(id)));
    if (people.size === 0) continue;
    const rows = [...people].map(([personId, person]) => {
      const res = evaluateEligibility(rule, person, today, (id) => communeNames.get(id));
      return {
        participant_id: personId,
        program_id: program.id,
        status: 'interessiert' as const,
        eligible: res.eligible ? 1 : 0,
        eligibility_reason: res.summary,
        // an interested person is recorded even if not (yet) eligible; the note says why that is allowed
        override_reason: res.eligible ? null : 'Beim Import als interessiert erfasst; Voraussetzungen vor Aufnahme prüfen',
        import_batch_id: batchId,
      };
    });
    await trx.insertInto('enrollments').values(rows).execute();
    n += rows.length;
  }
  return n;
}

/** Undoes a batch: deletes the people it created (and enrollments it made); matched people stay as they are. */
export async function undoBatch(db: Db, batchId: number): Promise<ImportBatch> {
  await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!batch) throw new AppError('not_found', 'Diesen Import gibt es nicht.', 'Import batch not found.');
    if (batch.status === 'undone') throw new AppError('conflict', 'Dieser Import wurde bereits rückgängig gemacht.', 'Already undone.');
    // only started enrollments can hold records; those of people who stay are re-anchored after the delete
    const started = await trx
      .selectFrom('enrollments')
      .select(['participant_id', 'program_id'])
      .where('import_batch_id', '=', batchId)
      .where('start_date', 'is not', null)
      .where('status', '<>', 'interessiert')
      .execute();
    await trx.deleteFrom('enrollments').where('import_batch_id', '=', batchId).execute();
    const removed = await trx.deleteFrom('participants').where('import_batch_id', '=', batchId).executeTakeFirst();
    for (const e of started) await reanchorPerson(trx, e.participant_id, e.program_id);
    const now = new Date().toISOString();
    await trx.updateTable('import_batches').set({ status: 'undone', undone_at: now, updated_at: now }).where('id', '=', batchId).execute();
    await audit(trx, {
      action: 'import_undo',
      entity: 'import_batch',
      entityId: batchId,
      peopleCount: Number(removed.numDeletedRows),
      details: `Import ${batch.file_name} rückgängig gemacht`,
    });
  });
  return getBatch(db, batchId);
}

function toBatch(r: BatchRow): ImportBatch {
  return {
    id: r.id,
    fileName: r.file_name,
    sender: r.sender,
    sheet: r.sheet,
    status: r.status,
    rowsTotal: r.rows_total,
    imported: r.imported,
    existingMatched: r.existing_matched,
    duplicatesInFile: r.duplicates_in_file,
    rejected: r.rejected,
    programId: r.program_id,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
  };
}

interface BatchRow {
  id: number;
  file_name: string;
  sender: string | null;
  sheet: string | null;
  status: 'committed' | 'undone';
  rows_total: number;
  imported: number;
  existing_matched: number;
  duplicates_in_file: number;
  rejected: number;
  program_id: number | null;
  created_at: string;
  undone_at: string | null;
}

export async function getBatch(db: Db, id: number): Promise<ImportBatch> {
  const r = await db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found', 'Diesen Import gibt es nicht.', 'Import batch not found.');
  return toBatch(r);
}

export async function listBatches(db: Db): Promise<ImportBatch[]> {
  const rows = await db.selectFrom('import_batches').selectAll().orderBy('id', 'desc').limit(200).execute();
  return rows.map(toBatch);
}

/** Writes the rejected rows of a file (with reasons) to a workbook at `target`. */
export async function rejectedWorkbook(db: Db, file: string, target: string, opts: ImportOptions, signal?: AbortSignal): Promise<number> {
  const { analysis } = await analyse(await readContext(db), file, opts, { signal });
  await writeRejectedWorkbook(target, analysis.layout.headers, analysis.table.rejectedRaw);
  return analysis.table.rejectedRaw.length;
}

/** All participants as canonical records (what `lotse participants --json` prints), commune by name when linked. */
export async function canonicalParticipants(db: Db): Promise<CanonicalParticipant[]> {
  const rows = await db
    .selectFrom('participants')
    .leftJoin('communes', 'communes.id', 'participants.commune_id')
    .select([
      'participants.last_name', 'participants.first_name', 'participants.birth_date', 'participants.gender',
      'participants.nationality', 'communes.name as commune_name', 'participants.commune_text', 'participants.residence_status',
      'participants.arrival_in_saxony', 'participants.german_level', 'participants.phone', 'participants.email', 'participants.case_number',
    ])
    .orderBy('participants.id')
    .execute();
  return rows.map((r) => ({
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    gender: r.gender,
    nationality: r.nationality,
    commune: r.commune_name ?? r.commune_text,
    residenceStatus: r.residence_status,
    arrivalDate: r.arrival_in_saxony,
    germanLevel: r.german_level,
    phone: r.phone,
    email: r.email,
    caseNumber: r.case_number,
  }));
}

/** Program id by name (case-insensitive), for `lotse import --program NAME`. */
export async function programIdByName(db: Db, name: string): Promise<number> {
  const rows = await db.selectFrom('programs').select(['id', 'name']).execute();
  const hit = rows.find((r) => r.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (!hit) throw new AppError('not_found', `Das Programm „${name}“ gibt es nicht.`, `Program "${name}" not found.`);
  return hit.id;
}
