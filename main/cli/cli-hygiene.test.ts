import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-db.js';

/** Issue 12 item 7 through the real command line: German messages, no raw system text, nothing written. */
const bin = path.resolve(import.meta.dirname, '../../bin/lotse.mjs');
const lotse = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** Raw Node or JavaScript text that must never reach a user. */
const rawText = /EISDIR|ENOENT|is not a function|Unknown option|TypeError|at .*\.(ts|js|mjs):\d+/;

let dir: { dir: string; cleanup: () => void };
let db: string;
beforeAll(() => {
  dir = tempDir();
  db = path.join(dir.dir, 'lotse.sqlite');
  expect(lotse('seed-demo', '--db', db).code).toBe(0);
}, 240_000);
afterAll(() => dir.cleanup());

describe('lotse command line: input hygiene', () => {
  it('looks commands up by their own names only: "constructor" is an unknown command', () => {
    for (const name of ['constructor', '__proto__']) {
      const r = lotse(name);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`Unbekannter Befehl "${name}"`);
      expect(r.err).not.toMatch(rawText);
    }
  }, 240_000);

  it('an unknown option is named in German', () => {
    const r = lotse('programs', '--db', db, '--colour');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Fehler: Unbekannte Option --colour/);
    expect(r.err).not.toMatch(rawText);
  });

  it('import refuses a folder or a device before reading, with not_a_file, and creates no database', () => {
    const fresh = path.join(dir.dir, 'neu.sqlite');
    const targets = [dir.dir, ...(fs.existsSync('/dev/zero') ? ['/dev/zero'] : [])];
    for (const target of targets) {
      const r = lotse('import', target, '--db', fresh, '--json');
      expect(r.code).toBe(1);
      const result = JSON.parse(r.out) as { status: string; error: { code: string; message: string }; imported: number };
      expect(result).toMatchObject({ status: 'error', imported: 0, error: { code: 'not_a_file' } });
      expect(result.error.message).toMatch(/ist (ein Ordner|ein Gerät), keine Datei/);
      expect(result.error.message).not.toMatch(rawText);
      expect(fs.existsSync(fresh)).toBe(false);
    }
    const plain = lotse('import', dir.dir, '--db', fresh);
    expect(plain.err).toMatch(/^Fehler \(not_a_file\): „.+“ ist ein Ordner, keine Datei/);
  }, 240_000);

  it('every report refuses to overwrite an existing --out file without --force, and overwrites with it', () => {
    const out = path.join(dir.dir, 'bericht.xlsx');
    fs.writeFileSync(out, 'wichtig');
    const reports = [
      ['agh-statement', '--program', 'AGH Mittelsachsen', '--commune', 'Freiberg', '--month', '2026-03'],
      ['program-end', '--program', 'AGH Mittelsachsen', '--from', '2026-01-01', '--to', '2026-12-31', '--kind', 'interim'],
      ['participant-list', '--program', 'AGH Mittelsachsen'],
    ];
    for (const args of reports) {
      const r = lotse('report', ...args, '--db', db, '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^Fehler: Die Datei „.+bericht\.xlsx“ gibt es schon\. Mit --force/);
      expect(fs.readFileSync(out, 'utf8')).toBe('wichtig');
    }
    const forced = lotse('report', ...reports[2]!, '--db', db, '--out', out, '--force');
    expect(forced.err).toBe('');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    const intoFolder = lotse('report', ...reports[2]!, '--db', db, '--out', dir.dir, '--force');
    expect(intoFolder.code).toBe(1);
    expect(intoFolder.err).toMatch(/ist ein Ordner oder keine gewöhnliche Datei/);
  }, 300_000);
});
