import { sql, type QueryExecutorProvider } from 'kysely';
import { engineOf } from './kind.js';

/**
 * A number that changes whenever another connection commits, for caches of computed figures. SQLite's
 * `PRAGMA data_version` is exactly that (read on the read-only connection, which never writes itself).
 * PostgreSQL has no cheap equivalent a client can trust across the team's connections: null, meaning "do not
 * cache" — the server's own buffer cache keeps the figures' queries fast there.
 */
export async function dataVersion(reader: QueryExecutorProvider): Promise<number | null> {
  if (engineOf(reader) === 'postgres') return null;
  const res = await sql<{ data_version: number }>`PRAGMA data_version`.execute(reader);
  return Number(res.rows[0]?.data_version ?? -1);
}
