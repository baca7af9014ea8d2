import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../app.js';

/** A fresh data folder per test; removed afterwards. */
export function tempDir(prefix = 'lotse-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated Lotse database in a temp folder, with context and router, as the app runs it. */
export async function tempApp(): Promise<App & { dir: string; dbPath: string; dispose: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
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
