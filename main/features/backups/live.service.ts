import path from 'node:path';
import type { BackupInfo } from '../../../shared/domain/backups.js';
import { AppError } from '../../../shared/errors.js';
import { backupDir, backupNamed, parseBackupName } from '../../db/backup.js';
import type { OpenDatabase } from '../../db/open.js';
import { audit } from '../audit/audit.service.js';
import { listBackups } from './backups.service.js';
import { restoreFromFile } from './restore.service.js';

/** Backups for the Sicherungen tab: names only, never paths (the renderer never sees a path). */
export function listBackupInfos(open: OpenDatabase): BackupInfo[] {
  // a team server keeps no backup files beside it (backed up by its administrator)
  if (open.engine !== 'sqlite') return [];
  return listBackups(open).map((b) => ({ name: b.name, size: b.size, createdAt: b.createdAt, reason: parseBackupName(b.name)?.reason ?? 'extern' }));
}

/** "Jetzt sichern": a manual backup, recorded in the audit log. */
export async function createBackup(open: OpenDatabase): Promise<BackupInfo> {
  const file = await backupNamed(open, 'manuell');
  await audit(open.db, { action: 'backup', entity: 'database', details: path.basename(file) });
  const info = listBackupInfos(open).find((b) => b.name === path.basename(file));
  if (!info) throw new AppError('internal', 'Die Sicherung wurde nicht gefunden.', 'Backup not found after writing.');
  return info;
}

/** Resolves a backup name from the list to its file; anything else (a path, "..") is refused. */
function backupFileByName(open: OpenDatabase, name: string): string {
  const known = listBackups(open).find((b) => b.name === name);
  if (!known || path.basename(name) !== name) {
    throw new AppError('not_found', `Die Sicherung „${name}“ gibt es nicht.`, `Backup ${name} not found.`);
  }
  return path.join(backupDir(open.path), known.name);
}

/**
 * Restores a backup from the list while the app keeps running, through the same restore the command line uses
 * (restore.service.ts): checked read-only, migrated, erasures applied again, rows replaced in
 * one transaction.
 */
export async function restoreIntoLive(open: OpenDatabase, name: string): Promise<{ restoredFrom: string; safetyBackup: string; reanonymised: number }> {
  const res = await restoreFromFile(open, backupFileByName(open, name));
  return { restoredFrom: name, safetyBackup: res.safetyBackup!, reanonymised: res.reanonymised };
}
