import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, mainBundleIsFresh } from '../../scripts/build-main.mjs';
import { tempDir } from '../test/temp-db.js';

const root = path.resolve(import.meta.dirname, '../..');
// inside the project and two folders deep like dist/main: the bundle finds node_modules (sqlite3 stays external)
// and dist/renderer from there
const outDir = path.join(root, 'dist', `main-test-${process.pid}`);
let bundle: string;
let data: { dir: string; cleanup: () => void };

beforeAll(async () => {
  bundle = await buildMain(outDir);
  data = tempDir();
}, 60_000);
afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  data.cleanup();
});

describe('CLI bundle (dist/main/lotse.mjs)', () => {
  it('counts as fresh right after the build and as stale once an input differs from the manifest', () => {
    expect(mainBundleIsFresh(bundle)).toBe(true);
    const manifestFile = path.join(outDir, 'lotse.inputs.json');
    const original = fs.readFileSync(manifestFile, 'utf8');
    const manifest = JSON.parse(original) as { stamps: Record<string, [number, number]> };
    expect(Object.keys(manifest.stamps)).toContain('main/app.ts');
    manifest.stamps['main/app.ts'] = [manifest.stamps['main/app.ts']![0], 0];
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(mainBundleIsFresh(bundle)).toBe(false);
    fs.writeFileSync(manifestFile, original);
    expect(mainBundleIsFresh(bundle)).toBe(true);
    expect(mainBundleIsFresh(path.join(data.dir, 'lotse.mjs'))).toBe(false);
  });

  it('runs the commands that use the bundled CommonJS libraries (exceljs)', () => {
    const db = path.join(data.dir, 'demo.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(run('seed-demo', '--db', db).status).toBe(0);
    const out = path.join(data.dir, 'bericht.xlsx');
    const report = run('report', 'program-end', '--db', db, '--program', 'Arbeitsmarktmentoren Dresden', '--from', '2026-01-01', '--to', '2026-12-31', '--kind', 'interim', '--out', out);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('imports through the bundled reader thread (import-worker.cjs) and refuses a hostile cell reference', () => {
    expect(fs.existsSync(path.join(outDir, 'import-worker.cjs'))).toBe(true);
    const db = path.join(data.dir, 'import.sqlite');
    const list = path.join(data.dir, 'liste.csv');
    fs.writeFileSync(list, 'Nachname;Vorname;Geburtsdatum\nHaddad;Noor;01.02.1990\n');
    const ok = spawnSync(process.execPath, [bundle, 'import', list, '--db', db, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'ok', imported: 1 });
    // a cell past column XFD in a CSV: 16,385 fields in one record
    fs.writeFileSync(list, `Nachname;Vorname\n${'x;'.repeat(16_385)}\n`);
    const wide = spawnSync(process.execPath, [bundle, 'import', list, '--db', db, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(wide.status).toBe(1);
    expect(JSON.parse(wide.stdout)).toMatchObject({ status: 'error', error: { code: 'file_too_complex' } });
  });

  it('serves web mode: the built renderer from the same place as the sources, and the API', async () => {
    const child = spawn(process.execPath, [bundle, 'serve', '--db', path.join(data.dir, 'serve.sqlite')], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const openUrl = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const url = new URL(openUrl);
      const token = url.searchParams.get('token')!;
      const page = await fetch(`${url.origin}/`);
      // 503 only where the renderer was never built; either way the server answers from the bundle's location
      expect(fs.existsSync(path.join(root, 'dist/renderer/index.html')) ? 200 : 503).toBe(page.status);
      const res = await fetch(`${url.origin}/api/call/programs.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lotse-token': token },
        body: JSON.stringify({ input: { includeArchived: false } }),
      });
      expect(await res.json()).toEqual({ ok: true, data: [] });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
