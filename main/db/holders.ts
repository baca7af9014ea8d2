import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { createPrivateFile, makePrivateDir, processAlive } from './at-rest.js';
import { nowIso } from '../../shared/domain/dates.js';

/**
 * Which Lotse processes have a database open: one small file per process in `<db>.in-use/`, written when the app,
 * the web server or a CLI command opens the database and removed when it closes. A file whose process is gone
 * (a crash) is stale and ignored, then removed. A restore registers itself too and then looks for others, and an
 * app start looks for a running restore after registering, so of two that start at once at least one sees the
 * other and stops. (SQLite cannot say who else has a file open; a second check in cli/restore.command.ts asks
 * SQLite whether any connection at all is open.)
 */
export type HolderRole = 'app' | 'restore';

export interface Holder {
  pid: number;
  host: string;
  role: HolderRole;
  since: string;
}

export function holdersDir(dbPath: string): string {
  return `${path.resolve(dbPath)}.in-use`;
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Live holders other than this process; stale files of dead processes on this machine are removed. */
export function otherHolders(dbPath: string): Holder[] {
  const dir = holdersDir(dbPath);
  if (!fs.existsSync(dir)) return [];
  const out: Holder[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const h = readHolder(file);
    if (h && h.host === os.hostname() && h.pid === process.pid) continue;
    // another machine (a database on a network share): its processes cannot be checked, so it counts as live
    const alive = h !== null && (h.host !== os.hostname() || processAlive(h.pid));
    if (alive) out.push(h);
    else fs.rmSync(file, { force: true });
  }
  return out;
}

export interface Registration {
  release(): void;
}

/** Records this process as a holder of the database; `release` removes the record (idempotent). */
export function registerHolder(dbPath: string, role: HolderRole): Registration {
  const dir = holdersDir(dbPath);
  makePrivateDir(dir);
  const file = path.join(dir, `${os.hostname()}-${process.pid}-${role}.json`);
  fs.rmSync(file, { force: true });
  createPrivateFile(file);
  const me: Holder = { pid: process.pid, host: os.hostname(), role, since: nowIso() };
  fs.writeFileSync(file, JSON.stringify(me));
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      fs.rmSync(file, { force: true });
      try {
        fs.rmdirSync(dir);
      } catch {
        // other holders remain
      }
    },
  };
}

function describe(h: Holder): string {
  return `Prozess ${h.pid}${h.host === os.hostname() ? '' : ` auf ${h.host}`}, seit ${h.since.slice(0, 16).replace('T', ' ')}`;
}

/** The refusal of a restore while another Lotse process has the database open. */
export function inUseError(dbPath: string, holders: Holder[]): AppError {
  // no record but SQLite says the file is in use: another program, or a Lotse too old to register
  const who = holders.length > 0 ? `Lotse (${holders.map(describe).join('; ')})` : 'Ein anderes Programm';
  const en =
    `${holders.length > 0 ? `Lotse (${holders.map((h) => `pid ${h.pid}@${h.host}`).join(', ')})` : 'Another program'} has the database ${dbPath} open. ` +
    'Nothing was restored or changed. Close Lotse and try again, or restore from Settings → Backups in the app.';
  // the command line prints the message only, and an administrator may not read German: both languages
  return new AppError(
    'conflict',
    `${who} hat die Datenbank ${dbPath} gerade geöffnet. Die Wiederherstellung ` +
      'wurde nicht ausgeführt, nichts wurde verändert. Bitte Lotse (Fenster bzw. Web-Modus) beenden und den Befehl ' +
      `wiederholen – oder die Sicherung in Lotse unter Einstellungen → Sicherungen wiederherstellen.\n${en}`,
    en,
    { holders: holders.map((h) => ({ pid: h.pid, host: h.host, role: h.role })) },
  );
}

/** Registers a restore; refuses (and registers nothing) while another Lotse process has the database open. */
export function claimForRestore(dbPath: string): Registration {
  const reg = registerHolder(dbPath, 'restore');
  const others = otherHolders(dbPath);
  if (others.length > 0) {
    reg.release();
    throw inUseError(dbPath, others);
  }
  return reg;
}

/** Registers an app start; refuses while a restore of this database runs in another process. */
export function claimForApp(dbPath: string): Registration {
  const reg = registerHolder(dbPath, 'app');
  const restoring = otherHolders(dbPath).filter((h) => h.role === 'restore');
  if (restoring.length > 0) {
    reg.release();
    throw new AppError(
      'conflict',
      `Die Datenbank ${dbPath} wird gerade wiederhergestellt (${restoring.map(describe).join('; ')}). Bitte warten und Lotse dann erneut starten.`,
      `The database ${dbPath} is being restored right now; start Lotse again when it is done.`,
    );
  }
  return reg;
}
