import { sql, type QueryExecutorProvider } from 'kysely';
import { engineOf } from './kind.js';

/*
 * Many rows in one statement, passed as one JSON parameter: far cheaper than binding a dozen values per row, and
 * free of the engines' parameter limits. SQLite unpacks JSON arrays by position; PostgreSQL fills a record of the
 * table's own row type from JSON objects, so every value gets its column's type without casts written here.
 */

/** INSERT rows (each an array in `columns` order) into `table`; `constant` columns get one value for all rows. */
export async function insertRows(
  db: QueryExecutorProvider,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  constant: Record<string, string | number | null> = {},
): Promise<void> {
  const fixed = Object.entries(constant);
  const all = [...columns, ...fixed.map(([c]) => c)].join(', ');
  const fixedValues = fixed.map(([, v]) => sql`${v}`);
  const tail = fixedValues.length ? sql`, ${sql.join(fixedValues)}` : sql``;
  if (engineOf(db) === 'postgres') {
    const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))));
    const picked = columns.map((c) => `j.${c}`).join(', ');
    await sql`INSERT INTO ${sql.table(table)} (${sql.raw(all)})
      SELECT ${sql.raw(picked)}${tail} FROM jsonb_populate_recordset(NULL::${sql.table(table)}, CAST(${json} AS jsonb)) AS j`.execute(db);
    return;
  }
  const picked = columns.map((_c, i) => `value ->> ${i}`).join(', ');
  await sql`INSERT INTO ${sql.table(table)} (${sql.raw(all)})
    SELECT ${sql.raw(picked)}${tail} FROM jsonb_each(jsonb(${JSON.stringify(rows)}))`.execute(db);
}

/**
 * Fills only the empty columns of existing rows: each row is [id, ...values in `columns` order]; a NULL value
 * leaves the column as it is.
 */
export async function fillRows(
  db: QueryExecutorProvider,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  updatedAt: string,
): Promise<void> {
  if (engineOf(db) === 'postgres') {
    const json = JSON.stringify(rows.map((r) => Object.fromEntries([['id', r[0]], ...columns.map((c, i) => [c, r[i + 1]])])));
    const set = columns.map((c) => `${c} = coalesce(j.${c}, ${table}.${c})`).join(', ');
    await sql`UPDATE ${sql.table(table)} SET ${sql.raw(set)}, updated_at = ${updatedAt}
      FROM jsonb_populate_recordset(NULL::${sql.table(table)}, CAST(${json} AS jsonb)) AS j WHERE ${sql.raw(`${table}.id`)} = j.id`.execute(db);
    return;
  }
  const set = columns.map((c, i) => `${c} = coalesce(json_extract(j.value, '$[${i + 1}]'), ${table}.${c})`).join(', ');
  await sql`UPDATE ${sql.table(table)} SET ${sql.raw(set)}, updated_at = ${updatedAt}
    FROM json_each(${JSON.stringify(rows)}) AS j WHERE ${sql.raw(`${table}.id`)} = json_extract(j.value, '$[0]')`.execute(db);
}

/**
 * Fresh ids for `table`, handed out by the engine, for rows written with explicit ids. SQLite: counting on from
 * the highest id read once (safe because the caller's transaction holds SQLite's only write lock). PostgreSQL:
 * drawn from the table's identity sequence, so concurrent writers never get the same id.
 */
export async function idSource(db: QueryExecutorProvider, table: string): Promise<(n: number) => Promise<number[]>> {
  if (engineOf(db) === 'postgres') {
    return async (n) => {
      if (n <= 0) return [];
      const res = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id')) AS id FROM generate_series(1, ${n})`.execute(db);
      return res.rows.map((r) => Number(r.id));
    };
  }
  const res = await sql<{ m: number }>`SELECT coalesce(max(id), 0) AS m FROM ${sql.table(table)}`.execute(db);
  let next = Number(res.rows[0]!.m) + 1;
  return async (n) => {
    const ids = Array.from({ length: Math.max(0, n) }, (_v, i) => next + i);
    next += ids.length;
    return ids;
  };
}
