import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../app.js';
import { createTestDatabase, testEngine } from './pg.js';

/** A fresh data folder per test; removed afterwards. */
export function tempDir(prefix = 'lotse-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated Lotse database (a file in a temp folder, or a fresh PostgreSQL database under vitest.pg.config.ts), with context and router, as the app runs it. */
export async function tempApp(): Promise<App & { dir: string; dbPath: string; dispose: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  if (testEngine === 'postgres') {
    // the same services on a fresh PostgreSQL database (vitest.pg.config.ts); dbPath is then its URL
    const database = await createTestDatabase();
    const app = await startApp(database.url, 'cli');
    return {
      ...app,
      dir,
      dbPath: database.url,
      async dispose() {
        await app.close();
        await database.drop();
        cleanup();
      },
    };
  }
  const dbPath = path.join(dir, 'lotse.sqlite');
  const app = await startApp(dbPath, 'cli');
  return {
    ...app,
    dir,
    dbPath,
    async dispose() {
      await app.close();
      cleanup();
    },
  };
}
