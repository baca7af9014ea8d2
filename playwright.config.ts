import { defineConfig } from '@playwright/test';

/** Debian's Chromium (Playwright cannot download browsers here). Flags keep it off the closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The database engine a project's tests run on (e2e/fixtures.ts reads it as the `engine` option). */
type Engine = 'sqlite' | 'postgres';

export default defineConfig<{ engine: Engine }>({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : [['list']],
  use: {
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium-web',
      testMatch: /.*\.spec\.ts$/,
      // team.spec needs a team server: it runs in chromium-postgres only
      testIgnore: [/electron\/.*/, /team\.spec\.ts$/],
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    // team mode: the participant and AGH flows once more against a PostgreSQL database (npm test starts the
    // server and passes LOTSE_TEST_PG; without it the project is not defined)
    ...(process.env.LOTSE_TEST_PG
      ? [
          {
            name: 'chromium-postgres',
            testMatch: /(participants|placements|placement-edit|team)\.spec\.ts$/,
            use: {
              browserName: 'chromium' as const,
              engine: 'postgres' as const,
              launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
            },
          },
        ]
      : []),
    {
      name: 'electron',
      testMatch: /electron\/.*\.spec\.ts$/,
    },
  ],
});
