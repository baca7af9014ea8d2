import { sql, type Kysely } from 'kysely';
import type { ImportRecord, PreviewRow, RowMatch, RowWarning } from '../../../shared/domain/imports.js';
import { caseNumberKey, normaliseName } from '../../../shared/rules/names.js';
import { valuesOf } from '../../db/engine/sql-parts.js';
import type { Database } from '../../db/schema.js';
import type { Analysis } from '../../excel/import/analyse.js';
import type { ParsedRow } from '../../excel/import/table.js';

type Db = Kysely<Database>;

/** Rows matched (and, in an import, written) per round trip. */
export const BATCH = 2000;

/** One person the file contributes, after in-file duplicates collapsed into their first row. */
export interface Entry {
  row: number;
  record: ImportRecord;
  existingId: number | null;
  /** the id this import gave a new person, once inserted */
  id: number | null;
  /** a later row of the file filled empty fields after the person was inserted */
  refilled: boolean;
  /** the person in Lotse it matched, and why */
  match: RowMatch | null;
}

/** The rows of the preview's first page. */
export const SAMPLE = 20;
type Outcome = { row: number; entry: Entry; outcome: PreviewRow['outcome']; match: RowMatch | null; warnings: RowWarning[] };

/** Which accepted rows (counted from 0 in file order) keep their outcome for the preview; all others are only counted. */
export interface RowWindow {
  offset: number;
  limit: number;
}

/** The duplicate rule, with an empty birth date as part of the key so a re-import of dateless rows adds nobody. */
function matchKey(last: string | null, first: string | null, birth: string | null): string {
  return `${normaliseName(last)}|${normaliseName(first)}|${birth ?? ''}`;
}

const fillable: (keyof ImportRecord)[] = [
  'birthDate', 'gender', 'nationality', 'commune', 'residenceStatus', 'arrivalDate', 'germanLevel', 'phone', 'email', 'caseNumber', 'notes',
];

/** Fills the target's empty fields from the source; true if anything changed. */
function fillEmpty(target: ImportRecord, source: ImportRecord): boolean {
  let changed = false;
  for (const f of fillable) {
    if (target[f] === null && source[f] !== null) {
      (target as Record<string, unknown>)[f] = source[f];
      changed = true;
    }
  }
  return changed;
}

/** Why two records are the same person under the rule: the case number, else the name with (or without) a birth date. */
function why(byCase: boolean, birthDate: string | null): RowMatch['by'] {
  if (byCase) return 'caseNumber';
  return birthDate ? 'nameBirthDate' : 'nameOnly';
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
export class Matcher {
  entries: Entry[] = [];
  /** what became of the rows in the window (a page of the preview); the rest is only counted */
  outcomes: Outcome[] = [];
  /** accepted rows seen so far */
  seen = 0;
  warnings: RowWarning[] = [];
  duplicatesInFile = 0;
  /** case-number keys of the file that a record in Lotse already holds (anonymised ones included) */
  caseKeysInDb = new Set<string>();
  private dbByName = new Map<string, DbPerson>();
  private dbByCase = new Map<string, DbPerson>();
  private fileByName = new Map<string, Entry>();
  private fileByCase = new Map<string, Entry>();
  private datelessLoaded = false;

  /** `ownBatch`: the batch being written, whose people are in the file already and no match in Lotse */
  constructor(
    private readonly ownBatch: number | null = null,
    private readonly window: RowWindow = { offset: 0, limit: SAMPLE },
  ) {}

  private keep(o: Outcome): void {
    const at = this.seen++;
    if (at >= this.window.offset && at < this.window.offset + this.window.limit) this.outcomes.push(o);
  }

  /** The rows of the window as the preview shows them. */
  previewRows(): PreviewRow[] {
    return this.outcomes.map((o) => ({ row: o.row, outcome: o.outcome, ...o.entry.record, match: o.match, warnings: o.warnings }));
  }

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
        const byCase = ck !== null && this.fileByCase.get(ck) === dup;
        const match = { id: null, row: dup.row, lastName: dup.record.lastName, firstName: dup.record.firstName, birthDate: dup.record.birthDate, by: why(byCase, r.birthDate) };
        this.keep({ row: parsed.row, entry: dup, outcome: 'duplicate', match, warnings: parsed.warnings });
        return;
      }
      const byCase = ck ? this.dbByCase.get(ck) : undefined;
      const person = byCase ?? this.dbByName.get(nk);
      const match: RowMatch | null = person
        ? { id: person.id, row: null, lastName: person.last_name, firstName: person.first_name, birthDate: person.birth_date, by: why(byCase !== undefined, r.birthDate) }
        : null;
      // the entry owns the parsed record from here on (later duplicate rows fill its empty fields)
      const entry: Entry = { row: parsed.row, record: r, existingId: person?.id ?? null, id: null, refilled: false, match };
      this.entries.push(entry);
      this.register(entry, nk, ck);
      this.keep({ row: parsed.row, entry, outcome: person ? 'matched' : 'new', match, warnings: parsed.warnings });
      if (!person) fresh.push(entry);
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
      if (!this.dbByName.has(k)) this.dbByName.set(k, p);
      if (p.case_number_key && !this.dbByCase.has(p.case_number_key)) this.dbByCase.set(p.case_number_key, p);
    }
  }
}
