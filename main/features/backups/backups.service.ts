import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { backupDir, backupNamed, isBackupName, keepAutomatic, parseBackupName, rotateBackups } from '../../db/backup.js';
import type { OpenDatabase } from '../../db/open.js';
import { getSetting } from '../settings/settings.service.js';
import { journalPath, readJournal } from './erasure-journal.js';
import { todayIso } from '../../../shared/domain/dates.js';

export const keepDailyBackups = keepAutomatic.start!;

/**
 * Whether a daily backup exists for the local calendar day of `now`. Names carry UTC stamps; the day is the
 * coordinator's own, so a start at 00:30 in Dresden (23:30 UTC the evening before) opens a new day.
 */
function dailyBackupTaken(dir: string, now: Date): boolean {
  if (!fs.existsSync(dir)) return false;
  const today = todayIso(now);
  return fs.readdirSync(dir).some((f) => {
    const parsed = parseBackupName(f);
    return parsed?.reason === 'start' && todayIso(parsed.takenAt) === today;
  });
}

/** At most one automatic backup a (local) day; the newest 14 of them (and bounded counts of the other automatic kinds) are kept. */
export async function dailyBackup(open: OpenDatabase, now = new Date()): Promise<string | null> {
  const dir = backupDir(open.path);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM programs`.execute(open.db).catch(() => null);
  // an empty, just-created database has nothing worth backing up
  if (!count || Number(count.rows[0]?.n ?? 0) === 0) {
    const people = await sql<{ n: number }>`SELECT count(*) AS n FROM participants`.execute(open.db);
    if (Number(people.rows[0]?.n ?? 0) === 0) return null;
  }
  if (dailyBackupTaken(dir, now)) return null;
  return backupNamed(open, 'start', now);
}

/** A backup file in the folder (main only; the renderer gets BackupInfo without the path). */
export interface BackupFile {
  file: string;
  name: string;
  size: number;
  createdAt: string;
}

export function listBackups(open: OpenDatabase): BackupFile[] {
  const dir = backupDir(open.path);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(isBackupName)
    .map((name) => {
      const st = fs.statSync(path.join(dir, name));
      return { file: path.join(dir, name), name, size: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Days after an erasure by which no backup from before it remains (setting `erasedBackupDays`, default 30). */
export const defaultErasedBackupDays = 30;

/**
 * Erased people leave the backups within a set time: once an erasure is `days` old, every backup in the folder
 * made before it is deleted (manual ones too), since it still holds the erased person. Simpler and safer than
 * editing the backups: nothing is decrypted, and a half-rewritten backup cannot happen. A backup's time comes from
 * its name, else from the file's modification time. Returns the deleted names.
 */
export async function pruneBackupsBeforeErasures(open: OpenDatabase, now = new Date()): Promise<string[]> {
  const journal = readJournal(journalPath(open.path));
  if (!journal || journal.entries.length === 0) return [];
  const days = await getSetting<number>(open.reader, 'erasedBackupDays', defaultErasedBackupDays);
  const due = new Date(now.getTime() - Math.max(0, days) * 86_400_000).toISOString();
  const cutoff = journal.entries.map((e) => e.at).filter((at) => at <= due).sort().at(-1);
  if (!cutoff) return [];
  const removed: string[] = [];
  for (const b of listBackups(open)) {
    const takenAt = parseBackupName(b.name)?.takenAt.toISOString() ?? b.createdAt;
    if (takenAt < cutoff) {
      fs.rmSync(b.file, { force: true });
      removed.push(b.name);
    }
  }
  return removed;
}

/** Start-of-day upkeep: the daily backup, rotation, and the erasure rule. */
export async function maintainBackups(open: OpenDatabase, now = new Date()): Promise<string | null> {
  const file = await dailyBackup(open, now);
  rotateBackups(backupDir(open.path));
  await pruneBackupsBeforeErasures(open, now);
  return file;
}
