import { handlers } from './api/handlers.js';
import { createContext, type AppContext, type Mode } from './api/context.js';
import { createRouter, type Router } from './api/router.js';
import { openAndMigrate } from './db/migrate.js';
import { dailyBackup } from './features/backups/backups.service.js';
import { version } from './version.js';

export interface App {
  ctx: AppContext;
  router: Router;
  close(): Promise<void>;
}

/**
 * Opens (creating and migrating on first start) the database, takes the daily backup, and wires the router.
 * Electron, web mode and tests all start Lotse through here.
 */
export async function startApp(dbPath: string, mode: Mode, opts: { mustExist?: boolean; backupOnStart?: boolean } = {}): Promise<App> {
  const open = await openAndMigrate(dbPath, { mustExist: opts.mustExist });
  if (opts.backupOnStart ?? mode !== 'cli') await dailyBackup(open);
  const ctx = createContext(open, mode, version);
  const router = createRouter(handlers, ctx, (line) => process.stderr.write(`${line}\n`));
  return {
    ctx,
    router,
    async close() {
      ctx.files.dispose();
      await open.close();
    },
  };
}
