import path from 'node:path';
import { handlers } from './api/handlers.js';
import { createContext, type AppContext, type Mode } from './api/context.js';
import { createRouter, type CallMeta, type Router } from './api/router.js';
import { checkPrivateAccess, removeStaleTempDirs } from './db/at-rest.js';
import { backupDir, removeStalePartials } from './db/backup.js';
import type { BackupKeyProvider, SafeStorageLike } from './db/backup-crypto.js';
import { claimForApp } from './db/holders.js';
import { isServerUrl } from './db/engine/target.js';
import { openAndMigrate } from './db/migrate.js';
import type { OpenDatabase } from './db/open.js';
import { maintainBackups } from './features/backups/backups.service.js';
import { databaseId } from './features/backups/erasure-journal.js';
import { version } from './version.js';
import { defaultDataDir } from './paths.js';

export interface App {
  ctx: AppContext;
  router: Router;
  /** the automatic daily backup of this start, once taken (null when none was due or it failed) */
  backup: Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Procedures the first screens (Heute, Übersicht, Programme) call before anyone can write. Their handlers only use
 * `ctx.reader`, the connection opened read-only with `query_only=ON`, so they cannot change the database even by
 * mistake (app.test.ts checks that they never touch the writer); they may therefore answer before the daily backup
 * is taken. Every other call waits for that backup. A read missing here only starts the backup earlier; it never
 * lets a write in before it.
 */
export const readsBeforeDailyBackup: ReadonlySet<string> = new Set([
  'programs.list',
  'programs.get',
  'communes.list',
  'enrollments.quota',
  'dashboard.figures',
  'dashboard.drilldown',
  'dashboard.span',
  // Heute, the start page, and the badge on its navigation item
  'reminders.list',
  'reminders.count',
]);

export interface DailyBackupTiming {
  /** start the backup once no call has been running for this long (ms) */
  idleMs: number;
  /** start it at the latest this long after the start (ms), however busy the first screens keep the router */
  latestMs: number;
}

const defaultTiming: DailyBackupTiming = { idleMs: 3000, latestMs: 30_000 };

/**
 * Takes the daily backup beside the user's first screen instead of in its way: copying a large database takes CPU
 * and disk that the first screen needs on a small office PC (measured on the 100,000-person
 * bench database, 2 cores: web mode's cold start to the first dashboard card took a median 2.15 s with the backup
 * running beside it and 1.84 s with it deferred). It starts when the router has been idle for a moment, when the
 * first call arrives that is not a known read (that call waits until the backup is done, so the day's backup
 * always holds the state from before the day's first write), or at close.
 */
export function gateDailyBackup(router: Router, takeBackup: () => Promise<string | null>, timing: DailyBackupTiming = defaultTiming) {
  let started: Promise<string | null> | null = null;
  let running = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let resolveDone!: (file: string | null) => void;
  const done = new Promise<string | null>((resolve) => (resolveDone = resolve));

  // unref: a pending timer alone never keeps a process alive; the server or window does that
  const latestTimer = setTimeout(() => void start(), timing.latestMs).unref();
  const start = (): Promise<string | null> => {
    if (!started) {
      clearTimeout(idleTimer);
      clearTimeout(latestTimer);
      started = takeBackup();
      void started.then(resolveDone);
    }
    return started;
  };
  const armIdle = () => {
    clearTimeout(idleTimer);
    if (!started && running === 0) idleTimer = setTimeout(() => void start(), timing.idleMs).unref();
  };
  armIdle();

  const gated: Router = {
    async call(name: string, input: unknown, meta?: CallMeta) {
      if (started === null && readsBeforeDailyBackup.has(name)) {
        running++;
        clearTimeout(idleTimer);
        try {
          return await router.call(name, input, meta);
        } finally {
          running--;
          armIdle();
        }
      }
      // a call that may write runs only once the day's backup holds the state before it
      await start();
      return router.call(name, input, meta);
    },
  };
  return { router: gated, done, start };
}

export interface StartOptions {
  mustExist?: boolean;
  backupOnStart?: boolean;
  backupTiming?: DailyBackupTiming;
  /** backup keys; Electron passes the OS keychain's (safeStorage), otherwise a key file beside the database */
  backupKeys?: BackupKeyProvider[];
  /** a team server's password from the OS keychain (the URL then carries none) */
  password?: string;
  /** the OS keychain (Electron safeStorage), to seal the team server's password */
  secrets?: SafeStorageLike;
  /** the data folder; default: the database file's folder, or the user's data folder on a team server */
  dataDir?: string;
}

/**
 * Opens (creating and migrating on first start) the database, wires the router and schedules the daily backup.
 * Electron, web mode and tests all start Lotse through here. A pending migration still backs the file up first,
 * before anything else touches it (migrateToLatest). The process registers itself as holding the database, so
 * `lotse restore` refuses while it runs (db/holders.ts); temp folders of crashed Lotse processes are removed.
 */
export async function startApp(target: string, mode: Mode, opts: StartOptions = {}): Promise<App> {
  removeStaleTempDirs();
  if (isServerUrl(target)) return startOnServer(target, mode, opts);
  return startOnFile(target, mode, opts);
}

/**
 * Team mode: a PostgreSQL server holds the data. There is no file to claim, check or copy: the server serialises
 * writers itself and its administrator backs it up (README "Team mode").
 */
async function startOnServer(url: string, mode: Mode, opts: StartOptions): Promise<App> {
  const open = await openAndMigrate(url, { password: opts.password });
  try {
    await databaseId(open.db, true);
  } catch (err) {
    await open.close();
    throw err;
  }
  const ctx = createContext(open, mode, version, { dataDir: opts.dataDir ?? defaultDataDir(), secrets: opts.secrets });
  const router = createRouter(handlers, ctx, (line) => process.stderr.write(`${line}\n`));
  return { ctx, router, backup: Promise.resolve(null), close: () => closeApp(ctx) };
}

async function startOnFile(dbPath: string, mode: Mode, opts: StartOptions): Promise<App> {
  removeStalePartials(backupDir(path.resolve(dbPath)));
  const claim = claimForApp(dbPath);
  let open: OpenDatabase | undefined;
  try {
    open = await openAndMigrate(dbPath, { mustExist: opts.mustExist, backupKeys: opts.backupKeys });
    // made once, before any backup: erasures recorded by participant id are matched only within one database
    await databaseId(open.db, true);
    const access = checkPrivateAccess([open.path, `${open.path}-wal`, `${open.path}-shm`, backupDir(open.path)]);
    if (access.open.length > 0) {
      open.warnings.push(
        `Andere Benutzer dieses PCs können Lotse-Dateien lesen (${access.open.map((f) => `${path.basename(f.path)}: ${f.mode}`).join(', ')}). ` +
          'Bitte die Rechte auf „nur ich“ setzen (chmod 600). (Other users can read these files.)',
      );
    }
  } catch (err) {
    await open?.close();
    claim.release();
    throw err;
  }
  const ctx = createContext(open, mode, version, { dataDir: opts.dataDir ?? path.dirname(open.path), secrets: opts.secrets });
  const router = createRouter(handlers, ctx, (line) => process.stderr.write(`${line}\n`));
  const closeAll = async () => {
    try {
      await closeApp(ctx);
    } finally {
      claim.release();
    }
  };
  if (!(opts.backupOnStart ?? mode !== 'cli')) {
    return { ctx, router, backup: Promise.resolve(null), close: closeAll };
  }
  const daily = gateDailyBackup(
    router,
    () =>
      maintainBackups(open).catch((err: unknown) => {
        process.stderr.write(`Warnung: automatische Sicherung fehlgeschlagen: ${(err as Error).message}\n`);
        return null;
      }),
    opts.backupTiming,
  );
  return {
    ctx,
    router: daily.router,
    backup: daily.done,
    async close() {
      // a session that ended before the backup was due still leaves the day's backup behind
      await daily.start();
      await closeAll();
    },
  };
}

async function closeApp(ctx: AppContext): Promise<void> {
  ctx.files.dispose();
  await ctx.open.close();
}
