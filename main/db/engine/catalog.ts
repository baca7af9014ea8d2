import { sql, type QueryExecutorProvider } from 'kysely';
import { engineOf } from './kind.js';

/** The user tables of the database (the engine's own catalogue: sqlite_master, or information_schema). */
export async function listTables(db: QueryExecutorProvider): Promise<string[]> {
  const query =
    engineOf(db) === 'postgres'
      ? sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
      : sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`;
  const res = await query.execute(db);
  return res.rows.map((r) => r.name);
}

/** The tables that have a column of this name, in name order. */
export async function tablesWithColumn(db: QueryExecutorProvider, column: string): Promise<string[]> {
  const query =
    engineOf(db) === 'postgres'
      ? sql<{ name: string }>`SELECT table_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_name = ${column} ORDER BY table_name`
      : sql<{ name: string }>`SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) c
          WHERE m.type = 'table' AND c.name = ${column} AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name`;
  const res = await query.execute(db);
  return res.rows.map((r) => r.name);
}

/** Foreign keys as (child table, parent table) pairs: the order rows can be copied in. */
export async function foreignKeys(db: QueryExecutorProvider): Promise<Array<{ child: string; parent: string }>> {
  const query =
    engineOf(db) === 'postgres'
      ? sql<{ child: string; parent: string }>`SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent
          FROM information_schema.table_constraints tc
          JOIN information_schema.constraint_column_usage ccu
            ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
          WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`
      : sql<{ child: string; parent: string }>`SELECT DISTINCT m.name AS child, f."table" AS parent
          FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`;
  return (await query.execute(db)).rows;
}

/** The columns of a table, in table order. */
export async function columnsOf(db: QueryExecutorProvider, table: string): Promise<string[]> {
  const query =
    engineOf(db) === 'postgres'
      ? sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`
      : sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) ORDER BY cid`;
  return (await query.execute(db)).rows.map((r) => r.name);
}
