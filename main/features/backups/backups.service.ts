import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { backupDir, backupNamed } from '../../db/backup.js';
import { checkIsLotseDatabase } from '../../db/migrate.js';
import { openDatabase, type OpenDatabase } from '../../db/open.js';

export const keepDailyBackups = 14;

/** At most one automatic backup a day; keeps the newest 14 of them (manual and pre-import ones are kept). */
export async function dailyBackup(open: OpenDatabase, now = new Date()): Promise<string | null> {
  const dir = backupDir(open.path);
  const today = now.toISOString().slice(0, 10);
  const existing = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('_start.sqlite')) : [];
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM programs`.execute(open.db).catch(() => null);
  // an empty, just-created database has nothing worth backing up
  if (!count || Number(count.rows[0]?.n ?? 0) === 0) {
    const people = await sql<{ n: number }>`SELECT count(*) AS n FROM participants`.execute(open.db);
    if (Number(people.rows[0]?.n ?? 0) === 0) return null;
  }
  if (existing.some((f) => f.includes(`_${today}_`))) return null;
  const file = await backupNamed(open, 'start', now);
  const starts = fs.readdirSync(dir).filter((f) => f.endsWith('_start.sqlite')).sort();
  for (const old of starts.slice(0, Math.max(0, starts.length - keepDailyBackups))) {
    fs.rmSync(path.join(dir, old), { force: true });
  }
  return file;
}

export interface BackupInfo {
  file: string;
  name: string;
  size: number;
  createdAt: string;
}

export function listBackups(open: OpenDatabase): BackupInfo[] {
  const dir = backupDir(open.path);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((name) => {
      const st = fs.statSync(path.join(dir, name));
      return { file: path.join(dir, name), name, size: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Checks a backup before it replaces anything: opens it read-only, runs integrity_check, and refuses
 * non-Lotse files and files from a newer Lotse.
 */
export async function verifyBackupFile(file: string): Promise<void> {
  if (!fs.existsSync(file)) {
    throw new AppError('not_found', `Die Sicherung ${file} existiert nicht.`, `Backup ${file} not found.`);
  }
  let check: OpenDatabase | null = null;
  try {
    check = await openDatabase(file, { create: false });
  } catch {
    throw new AppError('not_a_lotse_database', `${path.basename(file)} ist keine SQLite-Datenbank.`, 'Not an SQLite file.');
  }
  try {
    const res = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(check.db).catch(() => null);
    if (!res || res.rows[0]?.integrity_check !== 'ok') {
      throw new AppError('corrupt_file', `Die Sicherung ${path.basename(file)} ist beschädigt.`, 'Backup is corrupt.');
    }
    const applied = await checkIsLotseDatabase(check);
    if (applied.length === 0) {
      throw new AppError('not_a_lotse_database', `${path.basename(file)} ist keine Lotse-Datenbank.`, 'Not a Lotse database.');
    }
  } finally {
    await check.close();
  }
}

/**
 * Restores a backup into the database at `targetPath`, which must be closed. The current state is backed up
 * first, and the restored copy is written with VACUUM INTO (then renamed) so a crash never leaves half a file.
 */
export async function restoreBackup(targetPath: string, backupFile: string): Promise<{ safetyBackup: string | null }> {
  await verifyBackupFile(backupFile);
  let safetyBackup: string | null = null;
  if (fs.existsSync(targetPath)) {
    const current = await openDatabase(targetPath, { create: false });
    try {
      safetyBackup = await backupNamed(current, 'vor-wiederherstellung');
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(current.db);
    } finally {
      await current.close();
    }
  }
  const staging = `${targetPath}.restore-${process.pid}`;
  fs.rmSync(staging, { force: true });
  const source = await openDatabase(backupFile, { create: false });
  try {
    await sql`VACUUM INTO ${staging}`.execute(source.db);
  } finally {
    await source.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(targetPath + suffix, { force: true });
  fs.renameSync(staging, targetPath);
  return { safetyBackup };
}
