import { sql, type QueryExecutorProvider } from 'kysely';
import { engineOf } from './kind.js';

/**
 * Can a second, read-only connection read a consistent state while the writer's transaction runs? On SQLite only
 * in WAL mode (then a long import reads its lookups there, beside the inserts). On PostgreSQL reads and writes
 * interleave on one connection of the pool anyway; a transaction reads its own uncommitted rows, which callers
 * that match against existing data exclude themselves.
 */
export async function readsBesideWriter(db: QueryExecutorProvider): Promise<boolean> {
  if (engineOf(db) === 'postgres') return false;
  const res = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
  return res.rows[0]?.journal_mode === 'wal';
}
