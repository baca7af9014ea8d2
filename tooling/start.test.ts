import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../scripts/electron-binary.mjs';

/** `npm start` where Electron's binary is missing: it says so and serves web mode with the token URL. */
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-start-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm start', () => {
  it('falls back to web mode, serves the app and the API on the given --db, and stops on SIGTERM', async () => {
    // found by its path.txt: requiring the electron package would try to download the binary (Electron 45)
    const hasElectron = electronBinary().binary !== null;
    const dbPath = path.join(tmp, 'lotse.sqlite');
    // where Electron exists, --web forces the same fallback path so this test never opens a window
    const child = spawn(process.execPath, ['scripts/start.mjs', ...(hasElectron ? ['--web'] : []), '--db', dbPath], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOTSE_DB: '' },
    });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const openUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not serve: ${out}`)), 150_000);
        const onData = (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then(() => reject(new Error(`npm start exited early: ${out}`)));
      });
      if (!hasElectron) {
        expect(out).toContain('Electron ist auf diesem Rechner nicht installiert');
        expect(out).toContain('starting in web mode');
      }
      const url = new URL(openUrl);
      const page = await fetch(`${url.origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"');
      const res = await fetch(`${url.origin}/api/call/system.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lotse-token': url.searchParams.get('token')! },
        body: JSON.stringify({ input: {} }),
      });
      expect(await res.json()).toMatchObject({ ok: true, data: { mode: 'web', dbPath } });
      expect(fs.existsSync(dbPath)).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 180_000);
});
