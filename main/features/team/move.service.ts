import { sql, type Kysely, type QueryExecutorProvider, type Transaction } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { insertRows } from '../../db/engine/bulk.js';
import { columnsOf, foreignKeys, listTables } from '../../db/engine/catalog.js';
import { engineOf } from '../../db/engine/kind.js';
import type { OpenDatabase } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import { computeFigures } from '../dashboard/figures.service.js';
import { todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** Kept by triggers from the rows they summarise: rebuilt in the target as those rows arrive, never copied. */
const derivedTables = new Set(['activity_presence', 'hours_months', 'kysely_migration', 'kysely_migration_lock']);

export interface MoveReport {
  /** rows per table, the same in source and target */
  tables: Record<string, number>;
  /** programs whose report figures were computed on both sides and found identical */
  programsCompared: number;
}

/** Parents before children, so every foreign key finds its row. */
function copyOrder(tables: string[], keys: Array<{ child: string; parent: string }>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const k of keys) if (k.child === t && k.parent !== t && tables.includes(k.parent)) visit(k.parent, path);
    done.add(t);
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return order;
}

async function rowCount(db: QueryExecutorProvider, table: string): Promise<number> {
  const res = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(res.rows[0]!.n);
}

/** Copies one table page by page (by id where it has one), with the columns both sides have. */
async function copyTable(from: Db, to: Transaction<Database>, table: string, onRows: (n: number) => void): Promise<void> {
  const target = new Set(await columnsOf(to, table));
  const columns = (await columnsOf(from, table)).filter((c) => target.has(c));
  const byId = columns.includes('id');
  const page = 2000;
  let last = -Infinity;
  for (;;) {
    let q = sql<Record<string, unknown>>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table)}`;
    if (byId) q = sql`${q} WHERE id > ${last === -Infinity ? -1 : last} ORDER BY id LIMIT ${page}`;
    const rows = (await q.execute(from)).rows;
    if (rows.length === 0) return;
    const binary = rows.some((r) => Object.values(r).some((v) => v instanceof Uint8Array));
    if (binary) {
      for (const r of rows) await to.insertInto(table as keyof Database).values(r as never).execute();
    } else {
      await insertRows(to, table, columns, rows.map((r) => columns.map((c) => r[c] ?? null)));
    }
    onRows(rows.length);
    if (!byId) return;
    last = Number(rows.at(-1)!.id);
  }
}

/** PostgreSQL hands out ids from a sequence: after rows with explicit ids it must continue past the highest. */
async function advanceSequences(to: Transaction<Database>, tables: string[]): Promise<void> {
  if (engineOf(to) !== 'postgres') return;
  for (const table of tables) {
    if (!(await columnsOf(to, table)).includes('id')) continue;
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), coalesce((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(to);
  }
}

/** The report figures of every program over its whole running time, as JSON, for comparing two databases. */
async function allFigures(db: Db): Promise<Map<number, string>> {
  const programs = await db.selectFrom('programs').select(['id', 'start_date', 'end_date']).orderBy('id').execute();
  const out = new Map<number, string>();
  for (const p of programs) {
    const figures = await computeFigures(db, { programId: p.id, from: p.start_date, to: p.end_date ?? todayIso() });
    out.set(p.id, JSON.stringify(figures));
  }
  return out;
}

/**
 * Moves a whole Lotse database to another engine (a single-user file into a team server, or back): every table in
 * foreign-key order inside one transaction of the target, which must be empty. Before the commit it proves the
 * copy — the same number of rows in every table (also those the triggers rebuilt) and identical report figures for
 * every program — and rolls everything back if anything differs.
 */
export async function moveDatabase(from: OpenDatabase, to: OpenDatabase, progress: (table: string, rows: number) => void = () => {}): Promise<MoveReport> {
  const tables = (await listTables(from.db)).filter((t) => !derivedTables.has(t));
  const occupied = [];
  for (const t of ['participants', 'programs', 'communes', 'organisations', 'audit_log']) if ((await rowCount(to.db, t)) > 0) occupied.push(t);
  if (occupied.length > 0) {
    throw new AppError(
      'conflict',
      `Das Ziel ${to.path} ist nicht leer (${occupied.join(', ')}). Lotse kopiert nur in eine leere Datenbank.`,
      `The target ${to.path} is not empty (${occupied.join(', ')}).`,
    );
  }
  const order = copyOrder(tables, await foreignKeys(to.db));
  const sourceFigures = await allFigures(from.db);
  return to.db.transaction().execute(async (trx) => {
    // what a fresh database holds already (its own id in the settings, rows a migration seeded, such as the default
    // reminder rules) gives way to the source's; the tables that hold data were checked empty above
    for (const table of [...order].reverse()) if (table !== 'audit_log') await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
    for (const table of order) await copyTable(from.db, trx, table, (n) => progress(table, n));
    await advanceSequences(trx, order);
    const report: MoveReport = { tables: {}, programsCompared: 0 };
    for (const table of [...order, 'activity_presence', 'hours_months']) {
      const [a, b] = [await rowCount(from.db, table), await rowCount(trx, table)];
      if (a !== b) throw new AppError('internal', `Kopie unvollständig: ${table} hat ${b} statt ${a} Zeilen. Nichts wurde übernommen.`, `Copy incomplete: ${table}.`);
      report.tables[table] = a;
    }
    const targetFigures = await allFigures(trx);
    for (const [programId, json] of sourceFigures) {
      if (targetFigures.get(programId) !== json) {
        throw new AppError('internal', `Die Berichtszahlen von Programm ${programId} weichen nach der Kopie ab. Nichts wurde übernommen.`, `Report figures of program ${programId} differ after the copy.`);
      }
      report.programsCompared++;
    }
    return report;
  });
}
