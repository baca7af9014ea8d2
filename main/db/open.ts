import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { Kysely } from 'kysely';
import { Sqlite3Dialect } from './sqlite3-dialect.js';
import type { Database } from './schema.js';

export interface OpenDatabase {
  /** the writer: every change goes through it, one transaction at a time */
  db: Kysely<Database>;
  /** a second, read-only connection: dashboards keep answering while a long import transaction runs (WAL) */
  reader: Kysely<Database>;
  path: string;
  warnings: string[];
  /** multi-statement SQL, only for migrations and maintenance */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A path on a network share: SQLite's file locking is unreliable over SMB/NFS, so two PCs writing the same file
 * can corrupt it. Lotse warns; a real shared database (PostgreSQL) is a later feature.
 */
export function networkPathWarning(dbPath: string): string | null {
  if (/^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(dbPath)) {
    return (
      `Die Datenbank liegt auf einem Netzlaufwerk (${dbPath}). SQLite kann dort Sperren nicht zuverlässig setzen; ` +
      'bitte nur von einem PC aus öffnen oder die Datei auf die lokale Festplatte legen. ' +
      '(The database is on a network share; SQLite locking is unreliable there.)'
    );
  }
  return null;
}

function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, mode, (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
}

function execRaw(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));
}

export interface OpenOptions {
  /** create the file if missing (default true); false gives a clear error for a wrong path */
  create?: boolean;
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  const absolute = path.resolve(file);
  const warnings: string[] = [];
  const net = networkPathWarning(file);
  if (net) warnings.push(net);
  const create = options.create ?? true;
  if (create) fs.mkdirSync(path.dirname(absolute), { recursive: true });

  const flags = sqlite3.OPEN_READWRITE | (create ? sqlite3.OPEN_CREATE : 0) | sqlite3.OPEN_FULLMUTEX;
  const writer = await openRaw(absolute, flags);
  try {
    // 16 KiB pages for a new file (an existing file keeps its size; it can only be set before the first table
    // and before WAL): a quarter of the page reads and writes for the scans, bulk imports and whole-file backups
    // Lotse does; measured on the 100,000-person benchmark database, an import with its backup is about 13 % faster
    await execRaw(
      writer,
      'PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;',
    );
  } catch (err) {
    await new Promise<void>((r) => writer.close(() => r()));
    throw err;
  }
  const readerRaw = await openRaw(absolute, sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX);
  await execRaw(readerRaw, 'PRAGMA busy_timeout=5000; PRAGMA query_only=ON;');

  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: writer }) });
  const reader = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: readerRaw }) });
  let closed = false;
  return {
    db,
    reader,
    path: absolute,
    warnings,
    exec: (sql) => execRaw(writer, sql),
    async close() {
      if (closed) return;
      closed = true;
      await reader.destroy();
      await db.destroy();
    },
  };
}
