import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `npm run build:electron` into a temp folder: the bundles Electron loads must exist and be valid CommonJS. */
const root = path.resolve(import.meta.dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-electron-'));
const mainFile = path.join(out, 'main.cjs');
const preloadFile = path.join(out, 'preload.cjs');

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', out], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const requires = (code: string) => [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);

describe('electron bundles', () => {
  it('writes main.cjs and preload.cjs that node --check accepts', () => {
    for (const file of [mainFile, preloadFile]) {
      expect(fs.existsSync(file)).toBe(true);
      const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('leaves electron and the native sqlite3 module external and no import.meta behind', () => {
    const code = fs.readFileSync(mainFile, 'utf8');
    expect(requires(code)).toContain('electron');
    expect(requires(code)).toContain('sqlite3');
    expect(code).not.toMatch(/\bimport\.meta\b/);
    // the whole app core is inside: router, migrations, the CLI is not
    expect(code).toContain('lotse:invoke');
    expect(code).not.toContain('Lotse – Kommandozeile');
  });

  it('keeps the sandboxed preload free of anything but electron', () => {
    const code = fs.readFileSync(preloadFile, 'utf8');
    expect([...new Set(requires(code))]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("lotse"');
    for (const key of ['invoke', 'on', 'pickFile', 'saveFile']) expect(code).toMatch(new RegExp(`\\b${key}\\(`));
  });
});
