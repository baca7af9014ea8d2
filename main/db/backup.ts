import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { OpenDatabase } from './open.js';

/** Backups live in `backups/` next to the database file. */
export function backupDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

/**
 * A consistent copy of a live database through `VACUUM INTO` (never a plain file copy, which can catch a
 * half-written page or miss what still sits in the WAL). Returns the backup's path.
 */
export async function backupTo(open: OpenDatabase, target: string): Promise<string> {
  const absolute = path.resolve(target);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  if (fs.existsSync(absolute)) throw new Error(`Ziel existiert bereits: ${absolute}`);
  await sql`VACUUM INTO ${absolute}`.execute(open.db);
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
