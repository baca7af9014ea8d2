import { sql, type QueryExecutorProvider } from 'kysely';
import { engineOf } from './kind.js';

/**
 * Erasing personal data so the old bytes do not linger in the database's storage, around `work` (the erasure's
 * transactions).
 * - SQLite: secure_delete zeroes content as pages are freed; afterwards VACUUM rewrites the file without free pages
 *   and a TRUNCATE checkpoint empties the WAL, so deleted values survive neither in free pages nor in old frames.
 * - PostgreSQL: an UPDATE leaves the old row version behind until VACUUM removes it; VACUUM of the touched tables
 *   right after makes that space reusable at once. The server's WAL archive and base backups keep older versions
 *   until the administrator's retention removes them (README "Team mode").
 */
export async function withSecureErase<T>(db: QueryExecutorProvider, tables: readonly string[], work: () => Promise<T>): Promise<T> {
  if (engineOf(db) === 'postgres') {
    const result = await work();
    await sql`VACUUM ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
    return result;
  }
  const secure = await sql<{ secure_delete: number }>`PRAGMA secure_delete`.execute(db);
  const before = Number(secure.rows[0]?.secure_delete ?? 0);
  await sql`PRAGMA secure_delete = ON`.execute(db);
  try {
    const result = await work();
    await purgeSqliteFreePages(db);
    return result;
  } finally {
    await sql`PRAGMA secure_delete = ${sql.raw(before ? 'ON' : 'OFF')}`.execute(db);
  }
}

async function purgeSqliteFreePages(db: QueryExecutorProvider): Promise<void> {
  await sql`VACUUM`.execute(db);
  // a reader in the middle of a query can hold the checkpoint back for a moment; retried briefly
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    if (Number(res.rows[0]?.busy ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
