import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * Is the database on a network share? SQLite's file locking is unreliable over SMB/NFS: two PCs writing the same
 * file at the same time can lose changes or damage it. Lotse opens it anyway, with a warning; a team that shares data
 * uses a PostgreSQL server (team mode) instead. Two ways a Windows path reaches a share: a UNC path
 * (`\\server\share\...`) and a drive letter mapped to one (`Z:\...` after "Netzlaufwerk verbinden").
 */
function warningFor(where: string): string {
  return (
    `Die Datenbank liegt auf einem Netzlaufwerk (${where}). SQLite kann dort Sperren nicht zuverlässig setzen: ` +
    'Öffnen zwei PCs die Datei zur selben Zeit, können Änderungen verloren gehen oder die Datei beschädigt werden. ' +
    'Bitte die Datei auf die lokale Festplatte legen und nur von diesem PC aus öffnen; für gemeinsames Arbeiten im Team ' +
    'gibt es den Teambetrieb (PostgreSQL-Server). ' +
    '(The database is on a network share: SQLite locking is unreliable there and concurrent access can lose data; use team mode to share data.)'
  );
}

const uncPath = /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/;

/** The warning for a UNC path, or null. */
export function networkPathWarning(dbPath: string): string | null {
  return uncPath.test(dbPath) ? warningFor(dbPath) : null;
}

/**
 * Drive letters mapped to network shares (upper-case letter with colon → `\\server\share`), read from the output of
 * `net use`. Only what does not depend on the Windows language is used: a drive letter followed by a UNC name on one
 * line. The status column ("OK", "Nicht verfügbar", "Getrennt") and the network's name are ignored, and so is a
 * connection without a drive letter (`\\server\IPC$`).
 */
export function mappedNetworkDrives(netUseOutput: string): Map<string, string> {
  const drives = new Map<string, string>();
  for (const line of netUseOutput.split(/\r?\n/)) {
    const m = /(?:^|\s)([A-Za-z]:)\s+(\\\\[^\\\s]+\\\S.*?)(?:\s{2,}|\s*$)/.exec(line);
    if (m) drives.set(m[1]!.toUpperCase(), m[2]!);
  }
  return drives;
}

/** The warning for a path on a drive letter that `net use` lists as mapped to a share, or null. */
export function mappedDriveWarning(dbPath: string, netUseOutput: string): string | null {
  const letter = /^([A-Za-z]:)[\\/]/.exec(dbPath)?.[1]?.toUpperCase();
  const remote = letter ? mappedNetworkDrives(netUseOutput).get(letter) : undefined;
  return remote ? warningFor(`${letter} = ${remote}`) : null;
}

/**
 * `net use` of the current user (mapped drives belong to the logon session, as the app does). Its text comes in the
 * console's OEM code page; latin1 decodes any byte, and only ASCII (letters, backslashes, server names) is read. A
 * missing or hanging command gives '' — no warning rather than no start.
 */
export function runNetUse(): Promise<string> {
  return new Promise((resolve) => {
    execFile('net', ['use'], { windowsHide: true, timeout: 3000, encoding: 'latin1' }, (err, stdout) => resolve(err ? '' : stdout));
  });
}

/** Every network-share warning for a database path; on Windows it asks `net use` (or the given reader). */
export async function networkShareWarning(dbPath: string, platform = process.platform, netUse: () => Promise<string> = runNetUse): Promise<string | null> {
  const unc = networkPathWarning(dbPath);
  if (unc || platform !== 'win32') return unc;
  // a relative path lies on the current folder's drive
  const absolute = path.win32.resolve(dbPath);
  if (!/^[A-Za-z]:[\\/]/.test(absolute)) return networkPathWarning(absolute);
  return mappedDriveWarning(absolute, await netUse());
}
