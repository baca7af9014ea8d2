import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import pg from 'pg';

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

export type Engine = 'sqlite' | 'postgres';

async function onPgServer(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.LOTSE_TEST_PG });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}

const pgDatabase = (name: string) => {
  const u = new URL(process.env.LOTSE_TEST_PG!);
  u.pathname = `/${name}`;
  return u.toString();
};

let pgTemplate: Promise<string> | null = null;

/** The demo on the team server (npm test starts one, LOTSE_TEST_PG): seeded once per worker into a template database. */
function demoPgTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `lotse_e2e_demo_${process.pid}`;
    await onPgServer(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.query(`CREATE DATABASE ${name}`);
    });
    await new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, [path.join(root, 'bin', 'lotse.mjs'), 'seed-demo', '--db', pgDatabase(name)], { stdio: 'ignore' });
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-demo exited ${code}`))));
    });
    return name;
  })();
  return pgTemplate;
}

/** A fresh database for one test on the team server (a copy of the demo when seeded); dropped at the end. */
async function pgTestDatabase(seed: boolean): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lotse_e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = seed ? await demoPgTemplate() : null;
  await onPgServer((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return { url: pgDatabase(name), drop: () => onPgServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/** Starts `lotse serve` on a fresh data folder or team database (optionally seeded) and waits for its URL line. */
export async function startServer(opts: { seed?: boolean; engine?: Engine } = {}): Promise<{ server: LotseServer; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-'));
  const onServer = opts.engine === 'postgres' ? await pgTestDatabase(opts.seed ?? false) : null;
  const dbPath = onServer?.url ?? path.join(dataDir, 'lotse.sqlite');
  const cli = path.join(root, 'bin', 'lotse.mjs');
  if (opts.seed && !onServer) fs.copyFileSync(await demoTemplate(), dbPath);
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let serverErr = () => '';
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
    serverErr = () => err;
  });
  // a server that dies under a test says why (its own message), instead of leaving only "connection refused"
  let stopping = false;
  child.on('exit', (code) => {
    if (!stopping) process.stderr.write(`lotse serve ended unexpectedly (${code}):\n${serverErr()}\n`);
  });
  const url = openUrl.replace(/\/\?token=.*$/, '');
  return {
    server: { url, openUrl, dbPath, dataDir },
    stop: async () => {
      stopping = true;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await onServer?.drop();
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

/** Each test gets its own server and database: `lotse` (empty) or `demo` (seed-demo data), on the project's engine. */
export const test = base.extend<{ lotse: LotseServer; demo: LotseServer; engine: Engine; askName: boolean }>({
  // the project chooses the engine: chromium-web runs on a file, chromium-postgres on the team server
  engine: ['sqlite', { option: true }],
  // the first start asks for the coordinator's name; other specs answer "Später" up front (as the button stores it)
  askName: [false, { option: true }],
  page: async ({ page, askName }, use) => {
    if (!askName) await page.addInitScript({ content: "sessionStorage.setItem('lotse.coordinatorNameLater', '1')" });
    await use(page);
  },
  lotse: async ({ engine }, use) => {
    const { server, stop } = await startServer({ engine });
    await use(server);
    await stop();
  },
  demo: async ({ engine }, use) => {
    const { server, stop } = await startServer({ seed: true, engine });
    await use(server);
    await stop();
  },
});

export { expect };
