import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import { Kysely } from 'kysely';
import { makePrivateDir, makePrivateFiles } from './at-rest.js';
import { fileKeyProvider, keyFileFor, type BackupKeyProvider } from './backup-crypto.js';
import type { EngineKind } from './engine/kind.js';
import { openPostgres } from './engine/postgres.js';
import { isServerUrl } from './engine/target.js';
import { networkShareWarning } from './network-path.js';
import { Sqlite3Dialect } from './sqlite3-dialect.js';
import type { Database } from './schema.js';

export interface OpenDatabase {
  /** which engine holds the data: a file on this PC, or a team server (files, backups and restore are the file's) */
  engine: EngineKind;
  /** the writer: every change goes through it, one transaction at a time */
  db: Kysely<Database>;
  /** a second, read-only connection: dashboards keep answering while a long import transaction runs (WAL) */
  reader: Kysely<Database>;
  /** the file's path, or the server URL without its password */
  path: string;
  warnings: string[];
  /** keys for backups: the first encrypts, all are tried when decrypting (by their kind and key id) */
  backupKeys: BackupKeyProvider[];
  /** multi-statement SQL, only for migrations and maintenance */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
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
  /** backup keys (Electron passes the OS keychain's); default: the key file beside the database */
  backupKeys?: BackupKeyProvider[];
  /** a team server's password kept outside the URL (the desktop app's keychain) */
  password?: string;
}

/** Opens a SQLite file or, for a postgres:// URL, a team server. */
export async function openDatabase(target: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  if (isServerUrl(target)) return openPostgres(target, { password: options.password });
  return openSqlite(target, options);
}

const readerConnections = 2;

async function openSqlite(file: string, options: OpenOptions): Promise<OpenDatabase> {
  const absolute = path.resolve(file);
  // `net use` runs while the file opens; its answer is awaited at the end
  const shareCheck = networkShareWarning(file);
  const create = options.create ?? true;
  // a folder Lotse creates is the user's only (0700); an existing one (say /tmp for --db /tmp/x.sqlite) stays as it is
  if (create) makePrivateDir(path.dirname(absolute));

  const flags = sqlite3.OPEN_READWRITE | (create ? sqlite3.OPEN_CREATE : 0) | sqlite3.OPEN_FULLMUTEX;
  const writer = await openRaw(absolute, flags);
  try {
    // 0600 before WAL and SHM exist: SQLite creates them with the database file's mode; older files are tightened
    makePrivateFiles([absolute, `${absolute}-wal`, `${absolute}-shm`]);
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
  // two read-only connections: the independent queries of a page (the dashboard's figures) run on two cores, and a
  // list request is not queued behind a long figure query
  const readersRaw: sqlite3.Database[] = [];
  for (let i = 0; i < readerConnections; i++) {
    const raw = await openRaw(absolute, sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX);
    readersRaw.push(raw);
    await execRaw(raw, 'PRAGMA busy_timeout=5000; PRAGMA query_only=ON;');
  }

  const net = await shareCheck;
  const warnings = net ? [net] : [];
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: writer }) });
  const reader = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: readersRaw }) });
  let closed = false;
  return {
    engine: 'sqlite',
    db,
    reader,
    path: absolute,
    warnings,
    backupKeys: options.backupKeys ?? [fileKeyProvider(keyFileFor(absolute))],
    exec: (sql) => execRaw(writer, sql),
    async close() {
      if (closed) return;
      closed = true;
      await reader.destroy();
      await db.destroy();
      // Kysely closes a connection only if it was ever used; an unused reader would otherwise stay open, keep the
      // WAL and SHM beside the file and make the file look in use (hasOtherConnections)
      for (const raw of [...readersRaw, writer]) await new Promise<void>((r) => raw.close(() => r()));
    },
  };
}

/**
 * A read-only look at a file (`mode=ro`): SQLite may neither write nor create the file, and no pragma that writes
 * (journal mode, page size) runs. Used to check a restore's private copy before anything is changed.
 */
export async function openReadOnly(file: string): Promise<Kysely<Database>> {
  const raw = await openRaw(`${pathToFileURL(path.resolve(file)).href}?mode=ro`, sqlite3.OPEN_READONLY | sqlite3.OPEN_URI);
  return new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: raw }) });
}

/**
 * Does any other connection have this database open? In WAL mode, leaving WAL needs the only connection to the
 * file, so SQLite refuses the switch (SQLITE_BUSY) while anyone else, Lotse or another program, holds it open.
 * Without others the file is left in rollback mode, which the next openDatabase turns back to WAL. False for a
 * file that is missing or not a database (nothing can be using it as one).
 */
export async function hasOtherConnections(file: string): Promise<boolean> {
  let raw: sqlite3.Database;
  try {
    raw = await openRaw(path.resolve(file), sqlite3.OPEN_READWRITE);
  } catch {
    return false;
  }
  try {
    await execRaw(raw, 'PRAGMA busy_timeout=0');
    const mode = await new Promise<string>((resolve, reject) =>
      raw.get('PRAGMA journal_mode', (err: Error | null, row: { journal_mode: string }) => (err ? reject(err) : resolve(row.journal_mode))),
    );
    if (mode !== 'wal') return false;
    await execRaw(raw, 'PRAGMA journal_mode=DELETE');
    return false;
  } catch (err) {
    return /SQLITE_BUSY|locked/i.test((err as Error).message);
  } finally {
    await new Promise<void>((r) => raw.close(() => r()));
  }
}
