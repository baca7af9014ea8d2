#!/usr/bin/env node
// `npm test`: lint (import zones), typecheck, renderer build, Vitest, Playwright in Debian Chromium.
// Ends with one line `N passed, N failed` (Vitest + Playwright tests; a failed lint or typecheck counts as one
// failure each). Skipped tests are never counted as passed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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

if (!step('lint', ['eslint', '.'])) fail('lint');
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

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
step('vitest', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.numRuntimeErrorTestSuites ?? 0);
  if (v.numFailedTests || v.numFailedTestSuites) problems.push('vitest');
} else {
  failed++;
  problems.push('vitest (no report)');
}

const pwJson = path.join(results, 'playwright.json');
fs.rmSync(pwJson, { force: true });
step('playwright', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
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

if (problems.length) process.stdout.write(`\nFailed: ${problems.join(', ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
