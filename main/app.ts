import { handlers } from './api/handlers.js';
import { createContext, type AppContext, type Mode } from './api/context.js';
import { createRouter, type Router } from './api/router.js';
import { openAndMigrate } from './db/migrate.js';
import { dailyBackup } from './features/backups/backups.service.js';
import { version } from './version.js';

export interface App {
  ctx: AppContext;
  router: Router;
  /** the automatic daily backup of this start (null when none was due) */
  backup: Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Opens (creating and migrating on first start) the database, takes the daily backup, and wires the router.
 * Electron, web mode and tests all start Lotse through here.
 */
export async function startApp(dbPath: string, mode: Mode, opts: { mustExist?: boolean; backupOnStart?: boolean } = {}): Promise<App> {
  const open = await openAndMigrate(dbPath, { mustExist: opts.mustExist });
  const ctx = createContext(open, mode, version);
  const router = createRouter(handlers, ctx, (line) => process.stderr.write(`${line}\n`));
  // The daily backup runs beside the first screen instead of before it: it is a consistent VACUUM INTO on the
  // writer connection, so reads keep answering and any write simply waits its turn. close() waits for it.
  const backup = (opts.backupOnStart ?? mode !== 'cli')
    ? dailyBackup(open).catch((err: unknown) => {
        process.stderr.write(`Warnung: automatische Sicherung fehlgeschlagen: ${(err as Error).message}\n`);
        return null;
      })
    : Promise.resolve(null);
  return {
    ctx,
    router,
    backup,
    async close() {
      await backup;
      ctx.files.dispose();
      await open.close();
    },
  };
}
