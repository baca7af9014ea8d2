import pg from 'pg';
import sqlite3 from 'sqlite3';
import { isServerUrl } from '../db/engine/target.js';

/**
 * Rows from hand-written SQL on a connection of its own (the engine's driver directly: neither Kysely nor any
 * Lotse service), for tests that check a service against an independent oracle. Parameters are `$1`, `$2`, … on
 * both engines (SQLite reads them as `?1`, `?2`).
 */
export async function rawRows<T>(target: string, text: string, params: unknown[] = []): Promise<T[]> {
  if (isServerUrl(target)) {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new sqlite3.Database(target, sqlite3.OPEN_READONLY);
  try {
    return await new Promise<T[]>((resolve, reject) =>
      db.all(text.replace(/\$(\d+)/g, '?$1'), params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))),
    );
  } finally {
    await new Promise((r) => db.close(r));
  }
}
