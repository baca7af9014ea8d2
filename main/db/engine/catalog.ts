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
