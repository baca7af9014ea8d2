import { handlers } from './api/handlers.js';
import { createContext, type AppContext, type Mode } from './api/context.js';
import { createRouter, type CallMeta, type Router } from './api/router.js';
import { openAndMigrate } from './db/migrate.js';
import { dailyBackup } from './features/backups/backups.service.js';
import { version } from './version.js';

export interface App {
  ctx: AppContext;
  router: Router;
  /** the automatic daily backup of this start, once taken (null when none was due or it failed) */
  backup: Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Procedures the first screens (Übersicht, Programme) call before anyone can write. Their handlers only use
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

/**
 * Opens (creating and migrating on first start) the database, wires the router and schedules the daily backup.
 * Electron, web mode and tests all start Lotse through here. A pending migration still backs the file up first,
 * before anything else touches it (migrateToLatest).
 */
export async function startApp(
  dbPath: string,
  mode: Mode,
  opts: { mustExist?: boolean; backupOnStart?: boolean; backupTiming?: DailyBackupTiming } = {},
): Promise<App> {
  const open = await openAndMigrate(dbPath, { mustExist: opts.mustExist });
  const ctx = createContext(open, mode, version);
  const router = createRouter(handlers, ctx, (line) => process.stderr.write(`${line}\n`));
  if (!(opts.backupOnStart ?? mode !== 'cli')) {
    return { ctx, router, backup: Promise.resolve(null), close: () => closeApp(ctx) };
  }
  const daily = gateDailyBackup(
    router,
    () =>
      dailyBackup(open).catch((err: unknown) => {
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
      await closeApp(ctx);
    },
  };
}

async function closeApp(ctx: AppContext): Promise<void> {
  ctx.files.dispose();
  await ctx.open.close();
}
