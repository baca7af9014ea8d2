import { isServerUrl } from './db/engine/target.js';
import os from 'node:os';
import path from 'node:path';

/**
 * The user's data folder, the same place Electron's app.getPath('userData') gives for productName "Lotse",
 * so the CLI, web mode and the desktop app find the same database by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Lotse');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Lotse');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Lotse');
}

/** --db wins, then LOTSE_DB, then the data folder's lotse.sqlite. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  // a postgres:// URL names a team server (team mode) and is taken as it is
  const given = explicit || env.LOTSE_DB;
  if (given && isServerUrl(given)) return given.trim();
  if (explicit) return path.resolve(explicit);
  if (env.LOTSE_DB) return path.resolve(env.LOTSE_DB);
  return path.join(defaultDataDir(env), 'lotse.sqlite');
}
