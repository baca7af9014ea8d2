import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { OpenDatabase } from './open.js';

/** Backups live in `backups/` next to the database file. */
export function backupDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
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
 * read transaction, which makes the copy a snapshot of the last commit. Returns the backup's path.
 */
export async function backupTo(open: OpenDatabase, target: string): Promise<string> {
  const absolute = path.resolve(target);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  if (fs.existsSync(absolute)) throw new Error(`Ziel existiert bereits: ${absolute}`);
  // written under a temporary name and renamed when complete: a process killed mid-copy leaves no file that
  // looks like a finished backup (the daily one would otherwise count as taken)
  const partial = `${absolute}.partial`;
  fs.rmSync(partial, { force: true });
  const source = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(open.path, sqlite3.OPEN_READONLY, (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const start = (source as unknown as { backup(file: string, cb: (err: Error | null) => void): RawBackup }).backup;
      const backup = start.call(source, partial, (err) => {
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
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    await new Promise<void>((resolve) => source.close(() => resolve()));
  }
  fs.renameSync(partial, absolute);
  return absolute;
}

/** Backup into the standard folder with a reason in the file name (manual, start, migration, import). */
export async function backupNamed(open: OpenDatabase, reason: string, now = new Date()): Promise<string> {
  const base = path.basename(open.path).replace(/\.[^.]+$/, '');
  let target = path.join(backupDir(open.path), `${base}_${stamp(now)}_${reason}.sqlite`);
  for (let i = 2; fs.existsSync(target); i++) {
    target = path.join(backupDir(open.path), `${base}_${stamp(now)}_${reason}-${i}.sqlite`);
  }
  return backupTo(open, target);
}
