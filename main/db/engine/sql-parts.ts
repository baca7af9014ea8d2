import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { engineOf, type EngineKind } from './kind.js';

/** Either a Kysely instance (its engine is read) or an engine already known (query builders without a db). */
export type EngineOf = QueryExecutorProvider | EngineKind;
const kindOf = (x: EngineOf): EngineKind => (typeof x === 'string' ? x : engineOf(x));

/*
 * The SQL pieces that are spelled differently on SQLite and PostgreSQL, one function per concern. Services write
 * the rest of their SQL once; these pieces go where the engines differ.
 */

/**
 * A planner hint for SQLite: `INDEXED BY` pins an index where SQLite's planner, without statistics, would pick a
 * worse one. PostgreSQL plans from its own statistics (autovacuum keeps them); there the hint is empty.
 */
export function indexedBy(db: EngineOf, index: string): RawBuilder<unknown> {
  return kindOf(db) === 'postgres' ? sql`` : sql.raw(`INDEXED BY ${index}`);
}

/** The same hint as text, for SQL assembled as a string before binding. */
export function indexedByText(db: EngineOf, index: string): string {
  return kindOf(db) === 'postgres' ? '' : `INDEXED BY ${index}`;
}

/** SQLite's CROSS JOIN keeps the written join order (a plan pinned on purpose); PostgreSQL gets a plain JOIN. */
export function pinnedJoin(db: EngineOf): RawBuilder<unknown> {
  return sql.raw(kindOf(db) === 'postgres' ? 'JOIN' : 'CROSS JOIN');
}

/**
 * `date` plus `months` calendar months, as 'YYYY-MM-DD' text (both are SQL expressions). One meaning on both
 * engines, SQLite's: the day runs over a shorter month (31 August + 6 months = 3 March), as the anchor rule and
 * the follow-ups have always counted. PostgreSQL would stop at 28 February, so there the months are added to the
 * first of the month and the days after it.
 */
export function addMonths(db: EngineOf, date: RawBuilder<unknown>, months: RawBuilder<unknown>): RawBuilder<string> {
  if (kindOf(db) === 'sqlite') return sql<string>`date(${date}, '+' || ${months} || ' months')`;
  const day = sql`CAST(${date} AS date)`;
  return sql<string>`to_char(CAST(date_trunc('month', CAST(${day} AS timestamp)) + make_interval(months => CAST(${months} AS integer)) AS date)
    + (CAST(extract(day FROM ${day}) AS integer) - 1), 'YYYY-MM-DD')`;
}

/** The same as text, for SQL strings assembled before binding (anchor rule); column names only. */
export function addMonthsText(db: EngineOf, date: string, months: string): string {
  if (kindOf(db) === 'sqlite') return `date(${date}, '+' || ${months} || ' months')`;
  const day = `CAST(${date} AS date)`;
  return `to_char(CAST(date_trunc('month', CAST(${day} AS timestamp)) + make_interval(months => CAST(${months} AS integer)) AS date)
    + (CAST(extract(day FROM ${day}) AS integer) - 1), 'YYYY-MM-DD')`;
}

/** Now as ISO-8601 UTC text with milliseconds, the format of every created_at/updated_at (an SQL expression). */
export function nowExpr(db: EngineOf): string {
  return kindOf(db) === 'postgres'
    ? `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
}

/**
 * A subquery of many values for `col IN (…)`: one JSON parameter instead of one parameter per value (SQLite
 * allows at most 32,766 parameters in a statement; a list of 100,000 keys is common in an import).
 */
export function valuesOf<T extends string | number>(db: EngineOf, values: readonly T[]): RawBuilder<T> {
  const json = JSON.stringify(values);
  if (kindOf(db) === 'sqlite') return sql<T>`(SELECT value FROM json_each(${json}))`;
  return typeof values[0] === 'number'
    ? sql<T>`(SELECT CAST(v AS bigint) FROM jsonb_array_elements_text(CAST(${json} AS jsonb)) AS t(v))`
    : sql<T>`(SELECT v FROM jsonb_array_elements_text(CAST(${json} AS jsonb)) AS t(v))`;
}

/** The year of a 'YYYY-MM-DD' text as an integer. SQLite's CAST reads the leading digits (cheaper than substr). */
export function yearOf(db: EngineOf, date: RawBuilder<unknown>): RawBuilder<number> {
  return kindOf(db) === 'postgres' ? sql<number>`CAST(substr(${date}, 1, 4) AS integer)` : sql<number>`CAST(${date} AS INTEGER)`;
}

/** How many rows of the group meet `cond`. SQLite sums the 0/1 of the comparison (its cheapest per-row form). */
export function countWhere(db: EngineOf, cond: RawBuilder<unknown>): RawBuilder<number> {
  return kindOf(db) === 'postgres' ? sql<number>`count(*) FILTER (WHERE ${cond})` : sql<number>`sum(${cond})`;
}
