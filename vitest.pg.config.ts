import { defineConfig } from 'vitest/config';

/**
 * The service tests once more on PostgreSQL (team mode): the same test files, tempApp hands each test a fresh
 * database on a throwaway server (main/test/pg-global-setup.ts). Left out: what only a database file has —
 * file backups and restore, at-rest file modes, the SQLite driver and migrations of old SQLite files.
 */
export default defineConfig({
  test: {
    include: ['main/features/**/*.test.ts', 'main/api/**/*.test.ts', 'main/excel/**/*.test.ts', 'main/db/engine/**/*.test.ts'],
    exclude: ['main/features/backups/**', 'main/features/settings/restore*.test.ts', 'main/excel/import/fuzz.test.ts'],
    environment: 'node',
    env: { LOTSE_TEST_ENGINE: 'postgres' },
    globalSetup: ['main/test/pg-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
