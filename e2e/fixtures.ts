import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

export interface LotseServer {
  url: string;
  openUrl: string;
  dbPath: string;
  dataDir: string;
}

const root = path.resolve(import.meta.dirname, '..');

let template: Promise<string> | null = null;

/**
 * The demo database is seeded once per worker through the real CLI and copied for each test: every test still
 * gets its own file, without paying for seed-demo each time. The file is closed after seeding, so a plain copy
 * holds everything (no WAL left behind).
 */
function demoTemplate(): Promise<string> {
  template ??= new Promise<string>((resolve, reject) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-template-'));
    const file = path.join(dir, 'demo.sqlite');
    const p = spawn(process.execPath, [path.join(root, 'bin', 'lotse.mjs'), 'seed-demo', '--db', file], { stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 ? resolve(file) : reject(new Error(`seed-demo exited ${code}`))));
  });
  return template;
}

/** Starts `lotse serve` on a fresh data folder (optionally seeded) and waits for its URL line. */
export async function startServer(opts: { seed?: boolean } = {}): Promise<{ server: LotseServer; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-'));
  const dbPath = path.join(dataDir, 'lotse.sqlite');
  const cli = path.join(root, 'bin', 'lotse.mjs');
  if (opts.seed) fs.copyFileSync(await demoTemplate(), dbPath);
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const openUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  const url = openUrl.replace(/\/\?token=.*$/, '');
  return {
    server: { url, openUrl, dbPath, dataDir },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls one procedure through the same API the page uses (to set up data a test does not click together). */
export async function callApi<T = { id: number }>(server: LotseServer, name: string, input: unknown): Promise<T> {
  const token = new URL(server.openUrl).searchParams.get('token')!;
  const res = await fetch(`${server.url}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lotse-token': token },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.data;
}

/** Each test gets its own server and data folder: `lotse` (empty database) or `demo` (seed-demo data). */
// Playwright requires an object pattern as a fixture's first parameter, even when it uses no other fixture
/* eslint-disable no-empty-pattern */
export const test = base.extend<{ lotse: LotseServer; demo: LotseServer }>({
  lotse: async ({}, use) => {
    const { server, stop } = await startServer();
    await use(server);
    await stop();
  },
  demo: async ({}, use) => {
    const { server, stop } = await startServer({ seed: true });
    await use(server);
    await stop();
  },
});
/* eslint-enable no-empty-pattern */

export { expect };
