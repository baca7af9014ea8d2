#!/usr/bin/env node
// `npm test`: lint (import zones), typecheck, renderer build, Vitest, Playwright in Debian Chromium.
// Ends with one line `N passed, N failed` (Vitest + Playwright tests; a failed lint or typecheck counts as one
// failure each). Skipped tests are never counted as passed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPgBin, startPgServer } from './pg-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function step(name, args, env = {}) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync(npx, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

let passed = 0;
let failed = 0;
const problems = [];

function fail(what) {
  failed++;
  problems.push(what);
}

// lint runs beside the typecheck and the builds (each is mostly one core); its output waits in a file
const lintLog = path.join(results, 'lint.log');
const lintOut = fs.openSync(lintLog, 'w');
const lint = new Promise((resolve) => {
  const child = spawn(npx, ['eslint', '.'], { cwd: root, stdio: ['ignore', lintOut, lintOut] });
  child.on('exit', (code) => resolve(code === 0));
  child.on('error', () => resolve(false));
});
if (!step('typecheck', ['tsc', '-b'])) fail('typecheck');
if (!step('build renderer', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) {
  failed++;
  problems.push('build');
}
// the CLI bundle, so the CLI tests and Playwright's servers run the start path users get (bin/lotse.mjs)
if (!step('build main', ['node', 'scripts/build-main.mjs'])) {
  failed++;
  problems.push('build main');
}

const lintPassed = await lint;
fs.closeSync(lintOut);
process.stdout.write(`\n=== lint ===\n${fs.readFileSync(lintLog, 'utf8')}`);
if (!lintPassed) fail('lint');

/** One Vitest run; its counts are added and returned (printed per engine). */
function vitest(name, config, env = {}) {
  const json = path.join(results, `vitest-${name}.json`);
  fs.rmSync(json, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`];
  if (config) args.push('--config', config);
  step(`vitest (${name})`, args, env);
  if (!fs.existsSync(json)) {
    failed++;
    problems.push(`vitest ${name} (no report)`);
    return { passed: 0, failed: 1 };
  }
  const v = JSON.parse(fs.readFileSync(json, 'utf8'));
  const counts = { passed: v.numPassedTests, failed: v.numFailedTests + (v.numRuntimeErrorTestSuites ?? 0) };
  passed += counts.passed;
  failed += counts.failed;
  if (v.numFailedTests || v.numFailedTestSuites) problems.push(`vitest ${name}`);
  return counts;
}

const perEngine = [];
perEngine.push(['SQLite (alle Vitest-Tests)', vitest('sqlite', null)]);

// the service tests once more on PostgreSQL (team mode), on a throwaway server started here and stopped at the end
let pg = null;
if (findPgBin() || process.env.LOTSE_PG_BIN) {
  try {
    pg = await startPgServer();
  } catch (err) {
    process.stdout.write(`PostgreSQL-Testserver startet nicht / does not start: ${err.message}\n`);
    failed++;
    problems.push('postgres server');
  }
  if (pg) perEngine.push(['PostgreSQL (Service-Tests)', vitest('postgres', 'vitest.pg.config.ts', { LOTSE_TEST_PG: pg.url })]);
} else if (process.env.CI) {
  process.stdout.write('PostgreSQL ist nicht installiert; die Tests auf PostgreSQL fehlen (apt-get install -y postgresql).\n');
  failed++;
  problems.push('postgres missing');
} else {
  process.stdout.write('PostgreSQL ist nicht installiert: die Service-Tests liefen nur auf SQLite (apt-get install -y postgresql).\n');
}

const pwJson = path.join(results, 'playwright.json');
fs.rmSync(pwJson, { force: true });
step('playwright', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson, ...(pg ? { LOTSE_TEST_PG: pg.url } : {}) });
pg?.stop();
if (fs.existsSync(pwJson)) {
  const s = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  if (s.skipped) process.stdout.write(`(${s.skipped} Playwright test(s) skipped, not counted)\n`);
  if (s.unexpected) problems.push('playwright');
} else {
  failed++;
  problems.push('playwright (no report)');
}

for (const [engine, c] of perEngine) process.stdout.write(`Vitest ${engine}: ${c.passed} passed, ${c.failed} failed\n`);
if (problems.length) process.stdout.write(`\nFailed: ${problems.join(', ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
