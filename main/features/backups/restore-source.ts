import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { makeTempDir, privateFileMode } from '../../db/at-rest.js';
import { decryptFile, isEncryptedBackup, type BackupKeyProvider } from '../../db/backup-crypto.js';
import { migrations } from '../../db/migrations/index.js';
import { openDatabase, openReadOnly, type OpenDatabase } from '../../db/open.js';
import { referenceSchema, schemaDifferences, schemaOf } from '../../db/schema-check.js';
import type { Database } from '../../db/schema.js';

/**
 * The source of a restore is never opened by SQLite where it lies: its bytes are read (decrypted when encrypted)
 * into a private temp folder (0700, named with this process's id so a later start removes it after a crash), and
 * every check runs on that copy. The source is only ever read with plain file reads: no journal, no WAL switch,
 * no lock, no new file beside it, whatever it is. A device or folder is refused before reading.
 */
export interface StagedBackup {
  /** the private copy, checked */
  file: string;
  /** migrations the backup had applied (its schema version is the last) */
  applied: string[];
  /** when the backup was made: its encrypted header, else the newest audit entry in it (null when none) */
  madeAt: string | null;
  dispose(): void;
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

const notLotse = (name: string, why: string, whyEn: string) =>
  new AppError('not_a_lotse_database', `${name} ist keine Lotse-Datenbank (${why}).`, `${name} is not a Lotse database (${whyEn}).`);
const damaged = (name: string, why: string, whyEn: string) =>
  new AppError('corrupt_file', `Die Sicherung ${name} ist beschädigt (${why}).`, `The backup ${name} is damaged (${whyEn}).`);

function regularFile(source: string): fs.Stats {
  let st: fs.Stats;
  try {
    st = fs.statSync(source);
  } catch {
    throw new AppError('not_found', `Die Sicherung ${source} existiert nicht.`, `Backup ${source} not found.`);
  }
  if (!st.isFile()) {
    throw notLotse(path.basename(source), 'keine gewöhnliche Datei', 'not a regular file');
  }
  return st;
}

async function copyInto(source: string, target: string, keys: BackupKeyProvider[]): Promise<string | null> {
  if (isEncryptedBackup(source)) return (await decryptFile(source, target, keys)).createdAt;
  fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(target, privateFileMode);
  // a plain database file left in WAL mode may hold its last commits in the WAL beside it
  if (fs.existsSync(`${source}-wal`) && fs.statSync(`${source}-wal`).isFile()) {
    fs.copyFileSync(`${source}-wal`, `${target}-wal`, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(`${target}-wal`, privateFileMode);
  }
  return null;
}

/** Copies the source into a private temp folder and checks the copy; the caller disposes of it. */
export async function stageBackup(source: string, keys: BackupKeyProvider[]): Promise<StagedBackup> {
  const name = path.basename(source);
  regularFile(source);
  const dir = makeTempDir('lotse-restore-');
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'backup.sqlite');
    const createdAt = await copyInto(source, file, keys);
    const head = Buffer.alloc(sqliteMagic.length);
    const fd = fs.openSync(file, 'r');
    const n = fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    if (n < head.length || !head.equals(sqliteMagic)) throw notLotse(name, 'keine SQLite-Datenbank', 'not an SQLite database');
    const db = await openReadOnly(file).catch((err: unknown) => {
      throw damaged(name, (err as Error).message, (err as Error).message);
    });
    try {
      const applied = await checkContent(db, name);
      const newest = await sql<{ at: string | null }>`SELECT max(at) AS at FROM audit_log`.execute(db);
      return { file, applied, madeAt: createdAt ?? newest.rows[0]?.at ?? null, dispose };
    } finally {
      await db.destroy();
    }
  } catch (err) {
    dispose();
    throw err;
  }
}

/** integrity, Lotse's migrations, the full schema of that version, foreign keys; returns the applied migrations. */
async function checkContent(db: Kysely<Database>, name: string): Promise<string[]> {
  let integrity: string[];
  try {
    integrity = (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db)).rows.map((r) => r.integrity_check);
  } catch (err) {
    throw damaged(name, (err as Error).message, (err as Error).message);
  }
  if (integrity.join() !== 'ok') throw damaged(name, `Integritätsprüfung: ${integrity.slice(0, 3).join('; ')}`, 'integrity check failed');
  const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db)).rows.map((r) => r.name);
  if (!tables.includes('kysely_migration')) {
    throw tables.length === 0
      ? notLotse(name, 'leere Datenbank', 'empty database')
      : notLotse(name, `fremde Tabellen: ${tables.slice(0, 3).join(', ')}`, 'foreign tables');
  }
  const applied = (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map((r) => r.name);
  const known = Object.keys(migrations).sort();
  if (applied.some((m) => !known.includes(m))) {
    throw new AppError(
      'schema_too_new',
      `Die Sicherung ${name} wurde mit einer neueren Lotse-Version erstellt (${applied.at(-1)}). Bitte Lotse aktualisieren.`,
      'The backup was written by a newer Lotse version.',
    );
  }
  if (applied.length === 0 || applied.join() !== known.slice(0, applied.length).join()) {
    throw notLotse(name, 'unvollständige Liste der Datenbank-Versionen', 'incomplete migration list');
  }
  const diff = schemaDifferences(await schemaOf(db), await referenceSchema(applied.at(-1)!));
  if (diff.missing.length > 0 || diff.unexpected.length > 0) {
    const what = [...diff.missing.map((m) => `fehlt: ${m}`), ...diff.unexpected.map((m) => `abweichend: ${m}`)].slice(0, 4).join('; ');
    throw damaged(name, `Aufbau weicht vom Stand ${applied.at(-1)} ab – ${what}`, `schema differs from ${applied.at(-1)}`);
  }
  const broken = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(db);
  if (broken.rows.length > 0) {
    throw damaged(name, `${broken.rows.length} ungültige Verweise, z. B. in ${broken.rows[0]!.table}`, 'foreign key check failed');
  }
  return applied;
}

/** Opens the checked copy for writing (migrating it, erasing people again); only ever the private copy. */
export function openStaged(staged: StagedBackup): Promise<OpenDatabase> {
  return openDatabase(staged.file, { create: false });
}
