import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The service tests once more on PostgreSQL (team mode): every test file that works through a database from
 * tempApp runs again, and tempApp hands each test a fresh database on a throwaway server
 * (main/test/pg-global-setup.ts). Left out: what only a database file has — file backups and restore, at-rest
 * file modes, the SQLite driver, migrations of old SQLite files, the CLI's file handling and the bundle.
 */
const fileOnly = [
  /^main\/features\/backups\//,
  /^main\/cli\//,
  /^main\/db\/(?!engine\/)/,
  /^main\/app\.test\.ts$/,
  // reading hostile spreadsheets: the reader's limits, the same whatever engine stores the result
  /^main\/excel\/import\/hostile\.test\.ts$/,
  /^main\/features\/reports\/report-crash\.test\.ts$/,
];

function serviceTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return serviceTests(file);
    if (!entry.name.endsWith('.test.ts') || fileOnly.some((re) => re.test(file))) return [];
    return /\btempApp\b|\bservice-engines\b/.test(fs.readFileSync(file, 'utf8')) ? [file] : [];
  });
}

export default defineConfig({
  test: {
    include: serviceTests('main'),
    environment: 'node',
    env: { LOTSE_TEST_ENGINE: 'postgres' },
    globalSetup: ['main/test/pg-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
