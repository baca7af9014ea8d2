import { AppError } from '../../shared/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { createPrivateFile, makePrivateDir, processAlive } from './at-rest.js';
import { encryptFile } from './backup-crypto.js';
import type { OpenDatabase } from './open.js';
import { renameRetrying } from './rename.js';

/** Backups live in `backups/` next to the database file. */
export function backupDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}

/** Encrypted backups end in `.sqlite.enc`; plain `.sqlite` ones are from Lotse versions before encryption. */
export const backupSuffixes = ['.sqlite.enc', '.sqlite'] as const;

export function isBackupName(name: string): boolean {
  return backupSuffixes.some((s) => name.endsWith(s));
}

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

/** Reason and time (UTC) from a name `<db>_<YYYY-MM-DD_hh-mm-ss>_<reason>[-n].sqlite[.enc]`; null for other names. */
export function parseBackupName(name: string): { reason: string; takenAt: Date } | null {
  const m = /_(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})_(.+?)(?:-\d+)?\.sqlite(?:\.enc)?$/.exec(name);
  if (!m) return null;
  return { reason: m[5]!, takenAt: new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`) };
}

/**
 * How many automatic backups of each kind are kept (the newest ones). Manual backups are kept until the
 * erasure rule removes them (see pruneBackupsBeforeErasures).
 */
export const keepAutomatic: Readonly<Record<string, number>> = {
  start: 14,
  'vor-import': 10,
  'vor-migration': 5,
  'vor-wiederherstellung': 5,
};

/** Removes the oldest automatic backups beyond their kind's count; returns the removed names. */
export function rotateBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const byReason = new Map<string, string[]>();
  for (const name of fs.readdirSync(dir).filter(isBackupName)) {
    const parsed = parseBackupName(name);
    if (!parsed || !(parsed.reason in keepAutomatic)) continue;
    byReason.set(parsed.reason, [...(byReason.get(parsed.reason) ?? []), name]);
  }
  const removed: string[] = [];
  for (const [reason, names] of byReason) {
    // the stamp sorts as text; ties (same second) by the counter suffix
    const sorted = names.sort((a, b) => parseBackupName(a)!.takenAt.getTime() - parseBackupName(b)!.takenAt.getTime() || a.localeCompare(b));
    for (const old of sorted.slice(0, Math.max(0, sorted.length - keepAutomatic[reason]!))) {
      fs.rmSync(path.join(dir, old), { force: true });
      removed.push(old);
    }
  }
  return removed;
}

interface RawBackup {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb: (err: Error | null) => void): void;
  completed: boolean;
}

/**
 * A consistent copy of a live database through SQLite's online backup API (never a plain file copy, which can catch
 * a half-written page or miss what still sits in the WAL). It reads through a connection of its own, so the app's
 * writer and reader stay free while the pages are copied on a worker thread; one step copies every page inside one
 * read transaction, which makes the copy a snapshot of the last commit. The target file is created 0600 first.
 */
export async function copyDatabase(sourcePath: string, target: string): Promise<void> {
  createPrivateFile(target);
  const source = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(sourcePath, sqlite3.OPEN_READONLY, (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const start = (source as unknown as { backup(file: string, cb: (err: Error | null) => void): RawBackup }).backup;
      const backup = start.call(source, target, (err) => {
        if (err) return reject(err);
        backup.step(-1, (stepErr) => {
          const complete = !stepErr && backup.completed;
          backup.finish((finishErr) => {
            const problem = stepErr ?? finishErr ?? (complete ? null : new Error('Die Sicherung wurde nicht vollständig geschrieben.'));
            if (problem) reject(problem);
            else resolve();
          });
        });
      });
    });
  } finally {
    await new Promise<void>((resolve) => source.close(() => resolve()));
  }
}

/**
 * Backups are copies of the database file. A team server has no file Lotse could copy: its administrator backs it
 * up (pg_dump, base backups with point-in-time recovery; README "Team mode").
 */
export function refuseOnServer(open: OpenDatabase): void {
  if (open.engine === 'sqlite') return;
  throw new AppError(
    'conflict',
    'Im Teambetrieb sichert die Serververwaltung die Datenbank (pg_dump, Basissicherungen); Lotse legt dort keine Dateikopien an.',
    'In team mode the server administrator backs up the database (pg_dump, base backups); Lotse makes no file copies there.',
  );
}

/**
 * Writes an encrypted backup of the open database to `target` (see backup-crypto.ts). The plain copy exists only
 * for the moment of encrypting, as a 0600 file in the same folder, and is removed at once. Everything is written
 * under temporary names and renamed when complete: a process killed mid-copy leaves no file that looks like a
 * finished backup (the daily one would otherwise count as taken). Returns the backup's path.
 */
export async function backupTo(open: OpenDatabase, target: string, now = new Date()): Promise<string> {
  refuseOnServer(open);
  const absolute = path.resolve(target);
  makePrivateDir(path.dirname(absolute));
  if (fs.existsSync(absolute)) throw new Error(`Ziel existiert bereits: ${absolute}`);
  // both names carry the process id, so a later start can remove what a crash left (removeStalePartials)
  const plain = `${absolute}.plain-${process.pid}.partial`;
  const partial = `${absolute}.enc-${process.pid}.partial`;
  for (const f of [plain, partial]) fs.rmSync(f, { force: true });
  try {
    await copyDatabase(open.path, plain);
    await encryptFile(plain, partial, open.backupKeys[0]!, now);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    fs.rmSync(plain, { force: true });
  }
  await renameRetrying(partial, absolute);
  return absolute;
}

/**
 * Backup into the standard folder (0700) with a reason in the file name (manuell, start, vor-migration,
 * vor-import, ...); automatic kinds are rotated right after, so their number stays bounded.
 */
export async function backupNamed(open: OpenDatabase, reason: string, now = new Date()): Promise<string> {
  refuseOnServer(open);
  const dir = backupDir(open.path);
  makePrivateDir(dir, { tighten: true });
  const base = path.basename(open.path).replace(/\.[^.]+$/, '');
  let target = path.join(dir, `${base}_${stamp(now)}_${reason}.sqlite.enc`);
  for (let i = 2; fs.existsSync(target); i++) {
    target = path.join(dir, `${base}_${stamp(now)}_${reason}-${i}.sqlite.enc`);
  }
  const file = await backupTo(open, target, now);
  rotateBackups(dir);
  return file;
}

/**
 * Removes half-written backups a crashed process left in the folder; the plain one holds the whole database
 * unencrypted. Files of live processes stay; older-style `.partial` files without a process id go after a day.
 */
export function removeStalePartials(dir: string, now = Date.now()): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.partial'))) {
    const file = path.join(dir, name);
    const pid = /\.(?:plain|enc)-(\d+)\.partial$/.exec(name)?.[1];
    const stale = pid ? Number(pid) !== process.pid && !processAlive(Number(pid)) : now - fs.statSync(file).mtimeMs > 86_400_000;
    if (!stale) continue;
    fs.rmSync(file, { force: true });
    removed.push(name);
  }
  return removed;
}
