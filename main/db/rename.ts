import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../shared/errors.js';

/**
 * Codes with which Windows refuses a rename while another program holds the file for a moment: a virus scanner
 * checking the file just written, the search indexer, a sync or backup tool. Elsewhere they mean a real lack of
 * rights, so only Windows retries.
 */
const lockedCodes = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Waits between the five tries: 2 s in all, longer than a scanner usually holds a fresh file. */
const windowsDelaysMs: readonly number[] = [100, 300, 600, 1000];

export interface RenameOptions {
  /** the rename itself (tests inject one that fails) */
  rename?: (from: string, to: string) => void;
  platform?: NodeJS.Platform;
  wait?: (ms: number) => Promise<void>;
}

/**
 * Renames a finished file into place (database, backups, exports), retrying with a short, bounded back-off when
 * Windows reports the file as locked. If it stays locked, a German message names the file (not its folder, which
 * may carry the user's name) and what to do.
 */
export async function renameRetrying(from: string, to: string, opts: RenameOptions = {}): Promise<void> {
  const rename = opts.rename ?? fs.renameSync;
  const delays = (opts.platform ?? process.platform) === 'win32' ? windowsDelaysMs : [];
  for (let attempt = 0; ; attempt++) {
    try {
      rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!lockedCodes.has(code) || delays.length === 0) throw err;
      const delay = delays[attempt];
      if (delay === undefined) throw stillLocked(to, code, err);
      await (opts.wait ?? sleep)(delay);
    }
  }
}

function stillLocked(to: string, code: string, cause: unknown): AppError {
  const name = path.basename(to);
  const err = new AppError(
    'conflict',
    `„${name}“ konnte nicht gespeichert werden: Die Datei ist von einem anderen Programm gesperrt (etwa einem Virenscanner) oder es fehlt die Berechtigung (${code}). Bitte in einem Moment erneut versuchen.`,
    `Could not save "${name}": the file is locked by another program (such as a virus scanner) or access is denied (${code}). Please try again in a moment.`,
  );
  err.cause = cause;
  return err;
}
