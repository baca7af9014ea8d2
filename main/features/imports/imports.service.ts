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
} from '../../../shared/domain/imports.js';
import { AppError } from '../../../shared/errors.js';
import { evaluateEligibility } from '../../../shared/rules/eligibility.js';
import { caseNumberKey, nameKey, normaliseName, searchText } from '../../../shared/rules/names.js';
import { backupNamed } from '../../db/backup.js';
import type { OpenDatabase } from '../../db/open.js';
import type { Database, ParticipantsTable } from '../../db/schema.js';
import { analyseFile, type Analysis } from '../../excel/import/analyse.js';
import type { ParsedRow } from '../../excel/import/table.js';
import { getImportLimits } from '../settings/settings.service.js';
import { writeRejectedWorkbook } from '../../excel/import/rejected.js';
import { headerKey } from '../../excel/import/table.js';
import { audit } from '../audit/audit.service.js';
import { getSetting, setSetting } from '../settings/settings.service.js';

type Db = Kysely<Database>;

/** Saved mappings: per sender (lower case) and per header layout, each header key → field. */
const MAPPINGS_KEY = 'imports.mappings';
type SavedMappings = Record<string, Record<string, ImportField>>;

const layoutKey = (headers: string[]) => `layout:${headers.map(headerKey).join('|')}`;
const senderKey = (sender: string) => `sender:${sender.trim().toLowerCase()}`;

function applySaved(saved: Record<string, ImportField> | undefined, headers: string[]): ImportMapping | null {
  if (!saved) return null;
  const mapping = headers.map((h) => saved[headerKey(h)] ?? null);
  return mapping.some((f) => f !== null) ? mapping : null;
}

async function loadSavedMapping(db: Db, sender: string | null | undefined): Promise<(headers: string[]) => ImportMapping | null> {
  const all = await getSetting<SavedMappings>(db, MAPPINGS_KEY, {});
  return (headers) => (sender ? applySaved(all[senderKey(sender)], headers) : null) ?? applySaved(all[layoutKey(headers)], headers);
}

async function saveMapping(db: Db, sender: string | null | undefined, headers: string[], mapping: ImportMapping): Promise<void> {
  const all = await getSetting<SavedMappings>(db, MAPPINGS_KEY, {});
  const byHeader: Record<string, ImportField> = {};
  mapping.forEach((f, i) => {
    const key = headerKey(headers[i] ?? '');
    if (f && key) byHeader[key] = f;
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
}

/** One person the file contributes, after in-file duplicates collapsed into their first row. */
interface Entry {
  row: number;
  record: CanonicalParticipant;
  existingId: number | null;
}

interface Plan {
  analysis: Analysis;
  mappingSource: 'proposed' | 'saved' | 'user';
  entries: Entry[];
  outcomes: { row: number; entry: Entry; outcome: 'new' | 'matched' | 'duplicate' }[];
  warnings: RowWarning[];
  duplicatesInFile: number;
  /** the file's case-number keys that some record in Lotse already holds (anonymised ones included) */
  caseKeysInDb: Set<string>;
}

/** The duplicate rule, with an empty birth date as part of the key so a re-import of dateless rows adds nobody. */
function matchKey(last: string | null, first: string | null, birth: string | null): string {
  return `${normaliseName(last)}|${normaliseName(first)}|${birth ?? ''}`;
}

const fillable: (keyof CanonicalParticipant)[] = [
  'birthDate', 'gender', 'nationality', 'commune', 'residenceStatus', 'arrivalDate', 'germanLevel', 'phone', 'email', 'caseNumber',
];

function fillEmpty(target: CanonicalParticipant, source: CanonicalParticipant): void {
  for (const f of fillable) {
    if (target[f] === null && source[f] !== null) (target as Record<string, unknown>)[f] = source[f];
  }
}

/** What reading a file needs from the database, fetched before the backup occupies the writing connection. */
interface ReadContext {
  limits: Awaited<ReturnType<typeof getImportLimits>>;
  saved: (headers: string[]) => ImportMapping | null;
}

async function readContext(db: Db, opts: ImportOptions): Promise<ReadContext> {
  return { limits: await getImportLimits(db), saved: await loadSavedMapping(db, opts.sender) };
}

/** Reads and validates the file; touches no database. */
async function analyse(ctx: ReadContext, file: string, opts: ImportOptions, onRows?: (rowsRead: number) => void) {
  let savedUsed = false;
  const analysis = await analyseFile(file, {
    limits: ctx.limits,
    sheet: opts.sheet,
    mapping: opts.mapping,
    today: opts.today ?? todayIso(),
    onRows,
    savedMapping: (h) => {
      const m = ctx.saved(h);
      savedUsed = m !== null;
      return m;
    },
  });
  const mappingSource: Plan['mappingSource'] = opts.mapping ? 'user' : savedUsed ? 'saved' : 'proposed';
  return { analysis, mappingSource };
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
 * The people in Lotse the file's rows could match: looked up by the file's own keys through the indexes (not by
 * loading everyone), plus — only when the file has rows without a birth date — the few stored people without one.
 */
async function candidates(db: Db, rows: ParsedRow[]): Promise<DbPerson[]> {
  const caseKeys = new Set<string>();
  const nameKeys = new Set<string>();
  let dateless = false;
  for (const r of rows) {
    const ck = caseNumberKey(r.record.caseNumber);
    if (ck) caseKeys.add(ck);
    const nk = nameKey(r.record.lastName, r.record.firstName, r.record.birthDate);
    if (nk) nameKeys.add(nk);
    else dateless = true;
  }
  const cols = sql.raw('id, last_name, first_name, birth_date, name_key, case_number_key, anonymised_at');
  const found = await sql<DbPerson>`
    SELECT ${cols} FROM participants WHERE case_number_key IN (SELECT value FROM json_each(${JSON.stringify([...caseKeys])}))
    UNION SELECT ${cols} FROM participants WHERE name_key IN (SELECT value FROM json_each(${JSON.stringify([...nameKeys])}))
    ${dateless ? sql`UNION SELECT ${cols} FROM participants WHERE birth_date IS NULL` : sql``}
    ORDER BY id`.execute(db);
  return found.rows;
}

/** Collapses in-file duplicates and matches the rest against the people in Lotse (the duplicate rule). */
async function match(db: Db, analysis: Analysis, mappingSource: Plan['mappingSource']): Promise<Plan> {
  const accepted = analysis.table.accepted;
  const dbByName = new Map<string, number>();
  const dbByCase = new Map<string, number>();
  const caseKeysInDb = new Set<string>();
  for (const p of await candidates(db, accepted)) {
    // anonymised people are nobody's match any more, but a case number they still hold stays taken
    if (p.case_number_key) caseKeysInDb.add(p.case_number_key);
    if (p.anonymised_at !== null) continue;
    // the stored name_key is exactly matchKey when a birth date exists
    const k = p.name_key ?? matchKey(p.last_name, p.first_name, p.birth_date);
    if (!dbByName.has(k)) dbByName.set(k, p.id);
    if (p.case_number_key && !dbByCase.has(p.case_number_key)) dbByCase.set(p.case_number_key, p.id);
  }

  const fileByName = new Map<string, Entry>();
  const fileByCase = new Map<string, Entry>();
  const entries: Entry[] = [];
  const outcomes: Plan['outcomes'] = [];
  const warnings: RowWarning[] = [];
  let duplicatesInFile = 0;
  const register = (e: Entry) => {
    const nk = matchKey(e.record.lastName, e.record.firstName, e.record.birthDate);
    if (!fileByName.has(nk)) fileByName.set(nk, e);
    const ck = caseNumberKey(e.record.caseNumber);
    if (ck && !fileByCase.has(ck)) fileByCase.set(ck, e);
  };
  for (const parsed of accepted) {
    for (const w of parsed.warnings) warnings.push(w);
    const r = parsed.record;
    const ck = caseNumberKey(r.caseNumber);
    const nk = matchKey(r.lastName, r.firstName, r.birthDate);
    const dup = (ck ? fileByCase.get(ck) : undefined) ?? fileByName.get(nk);
    if (dup) {
      duplicatesInFile++;
      fillEmpty(dup.record, r);
      register(dup);
      outcomes.push({ row: parsed.row, entry: dup, outcome: 'duplicate' });
      continue;
    }
    const existingId = (ck ? dbByCase.get(ck) : undefined) ?? dbByName.get(nk) ?? null;
    const entry: Entry = { row: parsed.row, record: { ...r }, existingId };
    entries.push(entry);
    register(entry);
    outcomes.push({ row: parsed.row, entry, outcome: existingId === null ? 'new' : 'matched' });
  }
  return { analysis, mappingSource, entries, outcomes, warnings, duplicatesInFile, caseKeysInDb };
}

async function plan(db: Db, file: string, opts: ImportOptions): Promise<Plan> {
  const { analysis, mappingSource } = await analyse(await readContext(db, opts), file, opts);
  return match(db, analysis, mappingSource);
}

function counts(p: Plan) {
  const imported = p.entries.filter((e) => e.existingId === null).length;
  return {
    rowsTotal: p.analysis.table.rowsTotal,
    imported,
    existingMatched: p.entries.length - imported,
    duplicatesInFile: p.duplicatesInFile,
    rejectedCount: p.analysis.table.rejected.length,
    warningCount: p.warnings.length,
  };
}

/** Reads the file and shows what a commit would do; writes nothing. */
export async function previewImport(db: Db, file: string, fileName: string, opts: ImportOptions): Promise<ImportPreview> {
  const p = await plan(db, file, opts);
  return {
    fileName,
    sheets: p.analysis.sheets,
    sheet: p.analysis.sheet,
    headerRow: p.analysis.layout.headerRow,
    headers: p.analysis.layout.headers,
    mapping: p.analysis.mapping,
    mappingSource: p.mappingSource,
    counts: counts(p),
    sample: p.outcomes.slice(0, 20).map((o) => ({ row: o.row, outcome: o.outcome, ...o.entry.record })),
    rejected: p.analysis.table.rejected,
    warnings: p.warnings,
  };
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
const insertSelect = insertColumns.slice(0, -1).map((_c, i) => `value ->> ${i}`).join(', ');

export interface CommitHooks {
  progress?: (phase: string, done: number, total: number) => void;
  signal?: AbortSignal;
  /** off only in tests that count backups; the CLI and the app always back up first */
  backup?: boolean;
}

const cancelled = () => new AppError('cancelled', 'Vorgang abgebrochen; es wurde nichts gespeichert.', 'Cancelled; nothing was saved.');

/** Commit-ready rows of the new people: JSON arrays in insertColumns order (without the batch id), in chunks. */
function insertChunks(p: Plan, communeOf: CommuneOf): { chunks: string[]; fresh: number } {
  const usedCaseKeys = new Set(p.caseKeysInDb);
  const chunks: string[] = [];
  let rows: unknown[][] = [];
  let fresh = 0;
  for (const e of p.entries) {
    if (e.existingId !== null) continue;
    fresh++;
    const cols = participantColumns(e.record, communeOf);
    // a key still held by an anonymised record would break the unique index; the number itself is kept
    if (cols.case_number_key && usedCaseKeys.has(cols.case_number_key)) cols.case_number_key = null;
    if (cols.case_number_key) usedCaseKeys.add(cols.case_number_key);
    rows.push(insertColumns.slice(0, -1).map((col) => cols[col as keyof typeof cols]));
    // big chunks travel as one JSON parameter: SQLite unpacks them itself, far cheaper than binding 18 values a row
    if (rows.length === 2000) {
      chunks.push(JSON.stringify(rows));
      rows = [];
    }
  }
  if (rows.length > 0) chunks.push(JSON.stringify(rows));
  return { chunks, fresh };
}

/** The case keys the new people take, so filling a matched person's empty case number never collides with them. */
function takenCaseKeys(p: Plan): Set<string> {
  const used = new Set(p.caseKeysInDb);
  for (const e of p.entries) {
    if (e.existingId !== null) continue;
    const ck = caseNumberKey(e.record.caseNumber);
    if (ck) used.add(ck);
  }
  return used;
}

async function dataVersion(reader: Db): Promise<number> {
  const r = await sql<{ data_version: number }>`PRAGMA data_version`.execute(reader);
  return r.rows[0]!.data_version;
}

/**
 * Imports a file as one import batch in one transaction: new people inserted, people already in Lotse matched
 * and only their empty fields filled, optional enrolment. Either all accepted rows land or none.
 *
 * Order of work, chosen so the slow parts overlap: the pre-import backup (SQLite copying the whole database on a
 * worker thread, through a connection of its own) runs while this thread reads and checks the file, matches its
 * rows against the people in Lotse on the read-only connection and prepares the rows to insert. The write
 * transaction then only writes. If anything was committed between the matching and the start of the write
 * transaction (SQLite's data_version tells), the matching is redone inside the transaction, so the rows always
 * match the state they are written into.
 */
export async function commitImport(open: OpenDatabase, file: string, fileName: string, opts: ImportOptions, hooks: CommitHooks = {}): Promise<ImportResult> {
  const db = open.db;
  const today = opts.today ?? todayIso();
  let program: { id: number; eligibility_rule: string } | undefined;
  if (opts.programId) {
    program = await db.selectFrom('programs').select(['id', 'eligibility_rule']).where('id', '=', opts.programId).executeTakeFirst();
    if (!program) throw new AppError('not_found', 'Das Programm gibt es nicht.', 'Program not found.');
  }
  const ctx = await readContext(db, opts);
  const communeOf = await communeIndex(db);
  const backup = hooks.backup ?? true ? backupNamed(open, 'vor-import') : Promise.resolve(null);
  // its failure is reported where it is awaited below; until then it must not count as unhandled
  backup.catch(() => undefined);
  let p: Plan;
  let version: number;
  let prepared: ReturnType<typeof insertChunks>;
  try {
    const read = await analyse(ctx, file, { ...opts, today }, (n) => {
      if (hooks.signal?.aborted) throw cancelled();
      // the total is unknown while streaming; the reading phase reports rows read so far
      hooks.progress?.('lesen', n, 0);
    });
    version = await dataVersion(open.reader);
    p = await match(open.reader, read.analysis, read.mappingSource);
    prepared = insertChunks(p, communeOf);
  } catch (err) {
    // nothing will be written: a copy of the unchanged database would only fill the disk
    const copy = await backup.catch(() => null);
    if (copy) fs.rmSync(copy, { force: true });
    throw err;
  }
  hooks.progress?.('sichern', 0, 0);
  await backup;
  if (hooks.signal?.aborted) throw cancelled();

  const result = await db.transaction().execute(async (trx) => {
    // the transaction holds the write lock (BEGIN IMMEDIATE): nobody can commit from here on
    if ((await dataVersion(open.reader)) !== version) {
      p = await match(trx, p.analysis, p.mappingSource);
      prepared = insertChunks(p, communeOf);
    }
    const c = counts(p);
    const batch = await trx
      .insertInto('import_batches')
      .values({
        file_name: fileName,
        sender: opts.sender?.trim() || null,
        sheet: p.analysis.kind === 'csv' ? null : p.analysis.sheet,
        rows_total: c.rowsTotal,
        imported: c.imported,
        existing_matched: c.existingMatched,
        duplicates_in_file: c.duplicatesInFile,
        rejected: c.rejectedCount,
        mapping: JSON.stringify({ headers: p.analysis.layout.headers, mapping: p.analysis.mapping }),
        report: '{}',
        program_id: program?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchId = batch.id;

    const total = p.entries.length;
    let done = 0;
    for (const chunk of prepared.chunks) {
      if (hooks.signal?.aborted) throw cancelled();
      // JSONB: each row's array is parsed once, not once per column
      await sql`INSERT INTO participants (${sql.raw(insertColumns.join(', '))})
        SELECT ${sql.raw(insertSelect)}, ${batchId} FROM jsonb_each(jsonb(${chunk}))`.execute(trx);
      done = Math.min(total, done + 2000);
      hooks.progress?.('speichern', done, total);
    }

    const matched = p.entries.filter((e) => e.existingId !== null);
    const filled = await fillExisting(trx, matched, communeOf, takenCaseKeys(p));
    hooks.progress?.('speichern', total, total);

    let enrolled = 0;
    if (program) {
      const ids = (await trx.selectFrom('participants').select('id').where('import_batch_id', '=', batchId).execute()).map((r) => r.id);
      for (const e of matched) ids.push(e.existingId!);
      enrolled = await enrol(trx, program, [...new Set(ids)], batchId, today);
    }

    await trx
      .updateTable('import_batches')
      .set({ report: JSON.stringify({ rejected: p.analysis.table.rejected, warnings: p.warnings, filled, enrolled }) })
      .where('id', '=', batchId)
      .execute();
    await audit(trx, {
      action: 'import',
      entity: 'import_batch',
      entityId: batchId,
      peopleCount: prepared.fresh,
      details: `Import ${path.basename(fileName)}: ${c.imported} neu, ${c.existingMatched} vorhanden, ${c.duplicatesInFile} doppelt, ${c.rejectedCount} abgelehnt`,
    });
    await saveMapping(trx, opts.sender, p.analysis.layout.headers, p.analysis.mapping);
    return { batchId, enrolled, c };
  });

  return {
    batchId: result.batchId,
    rowsTotal: result.c.rowsTotal,
    imported: result.c.imported,
    existingMatched: result.c.existingMatched,
    duplicatesInFile: result.c.duplicatesInFile,
    rejected: p.analysis.table.rejected,
    warnings: p.warnings,
    enrolled: result.enrolled,
  };
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
  matched: Entry[],
  communeOf: CommuneOf,
  usedCaseKeys: Set<string>,
): Promise<{ id: number; fields: string[] }[]> {
  const filled: { id: number; fields: string[] }[] = [];
  const updates: unknown[][] = [];
  for (let i = 0; i < matched.length; i += 2000) {
    const chunk = matched.slice(i, i + 2000);
    const current = await trx
      .selectFrom('participants')
      .selectAll()
      .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(chunk.map((e) => e.existingId))}))`)
      .execute();
    const byId = new Map(current.map((r) => [r.id, r]));
    for (const e of chunk) {
      const row = byId.get(e.existingId!);
      if (!row) continue;
      const set = fillFor(row, e.record, communeOf, usedCaseKeys);
      if (!set) continue;
      filled.push({ id: row.id, fields: set.fields });
      updates.push([row.id, ...fillColumns.map((col) => set.values[col] ?? null)]);
    }
  }
  if (updates.length === 0) return filled;
  const assignments = fillColumns.map((col, i) => `${col} = coalesce(json_extract(j.value, '$[${i + 1}]'), participants.${col})`).join(', ');
  const now = new Date().toISOString();
  for (let i = 0; i < updates.length; i += 2000) {
    await sql`UPDATE participants SET ${sql.raw(assignments)}, updated_at = ${now}
      FROM json_each(${JSON.stringify(updates.slice(i, i + 2000))}) AS j WHERE participants.id = json_extract(j.value, '$[0]')`.execute(trx);
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
    const people = await trx
      .selectFrom('participants')
      .select(['id', 'commune_id', 'residence_status', 'birth_date', 'arrival_in_saxony'])
      .where('id', 'in', chunk.filter((id) => !already.has(id)))
      .execute();
    if (people.length === 0) continue;
    const rows = people.map((person) => {
      const res = evaluateEligibility(
        rule,
        { communeId: person.commune_id, residenceStatus: person.residence_status, birthDate: person.birth_date, arrivalInSaxony: person.arrival_in_saxony },
        today,
        (id) => communeNames.get(id),
      );
      return {
        participant_id: person.id,
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

/** Undoes a batch: deletes the people it created (and enrolments it made); matched people stay as they are. */
export async function undoBatch(db: Db, batchId: number): Promise<ImportBatch> {
  await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!batch) throw new AppError('not_found', 'Diesen Import gibt es nicht.', 'Import batch not found.');
    if (batch.status === 'undone') throw new AppError('conflict', 'Dieser Import wurde bereits rückgängig gemacht.', 'Already undone.');
    await trx.deleteFrom('enrollments').where('import_batch_id', '=', batchId).execute();
    const removed = await trx.deleteFrom('participants').where('import_batch_id', '=', batchId).executeTakeFirst();
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
export async function rejectedWorkbook(db: Db, file: string, target: string, opts: ImportOptions): Promise<number> {
  const p = await plan(db, file, opts);
  await writeRejectedWorkbook(target, p.analysis.layout.headers, p.analysis.table.rejectedRaw);
  return p.analysis.table.rejectedRaw.length;
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
