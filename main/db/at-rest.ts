import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Files holding personal data are readable by their owner only: 0600 for files, 0700 for folders Lotse creates.
 * On Windows, modes mean nothing; there the user's profile folder (%APPDATA%) carries an ACL that grants access to
 * the user, SYSTEM and administrators only, and Lotse's data folder inherits it.
 */
export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

const posix = (platform: NodeJS.Platform) => platform !== 'win32';

/** Creates a folder (and missing parents) as 0700; an existing folder Lotse owns is tightened to 0700. */
export function makePrivateDir(dir: string, opts: { tighten?: boolean } = {}, platform = process.platform): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (opts.tighten && posix(platform)) fs.chmodSync(dir, privateDirMode);
}

/**
 * Sets 0600 on files that exist (the database, its WAL and SHM, a backup); missing ones are skipped, and so are
 * files of another owner (EPERM), which checkPrivateAccess then reports.
 */
export function makePrivateFiles(files: string[], platform = process.platform): void {
  if (!posix(platform)) return;
  for (const f of files) {
    try {
      fs.chmodSync(f, privateFileMode);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EPERM') throw err;
    }
  }
}

/** Creates an empty file as 0600, refusing to reuse an existing one (O_EXCL), and returns its descriptor closed. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', privateFileMode));
}

/** Appends one line and forces it to disk before returning (a journal that must survive a crash right after). */
export function appendDurable(file: string, line: string): void {
  const fd = fs.openSync(file, 'a', privateFileMode);
  try {
    fs.writeSync(fd, line);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface AccessCheck {
  /** files or folders others than the owner can read, with their mode */
  open: Array<{ path: string; mode: string }>;
  /** why nothing was checked (Windows) */
  skipped?: string;
}

/**
 * Which of these paths grant access beyond the owner. On Windows modes do not apply: the data folder lies in the
 * user's profile, whose ACL already limits access to the user, SYSTEM and administrators; this check says so.
 */
export function checkPrivateAccess(paths: string[], platform = process.platform): AccessCheck {
  if (!posix(platform)) {
    return { open: [], skipped: 'Windows: Zugriff regelt die ACL des Benutzerprofils (%APPDATA%), nicht der Dateimodus.' };
  }
  const open: AccessCheck['open'] = [];
  for (const p of paths) {
    let mode: number;
    try {
      mode = fs.statSync(p).mode & 0o777;
    } catch {
      continue;
    }
    if ((mode & 0o077) !== 0) open.push({ path: p, mode: mode.toString(8).padStart(4, '0') });
  }
  return { open };
}

/** Is a process with this id running on this machine? EPERM means it runs under another user. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Prefixes of the temp folders Lotse makes; each name carries the process id after the prefix. */
export const tempPrefixes = ['lotse-files-', 'lotse-restore-'] as const;

/** A private temp folder whose name records this process, so a later start can tell a crashed one's leftovers. */
export function makeTempDir(prefix: (typeof tempPrefixes)[number]): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}${process.pid}-`));
}

/**
 * Removes temp folders of Lotse processes that are gone (uploads, exports, restore copies left after a crash, such
 * as an Art. 15 export with name and birth date). A folder without a process id (older Lotse) goes once it is a
 * day old. Returns the removed folders.
 */
export function removeStaleTempDirs(tmp = os.tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return removed;
  }
  for (const name of names) {
    const prefix = tempPrefixes.find((p) => name.startsWith(p));
    if (!prefix) continue;
    const full = path.join(tmp, name);
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    let stale: boolean;
    try {
      const st = fs.lstatSync(full);
      if (!st.isDirectory() || (typeof process.getuid === 'function' && st.uid !== process.getuid())) continue;
      stale = pid ? Number(pid) !== process.pid && !processAlive(Number(pid)) : now - st.mtimeMs > 24 * 3600_000;
    } catch {
      continue;
    }
    if (!stale) continue;
    fs.rmSync(full, { recursive: true, force: true });
    removed.push(full);
  }
  return removed;
}
