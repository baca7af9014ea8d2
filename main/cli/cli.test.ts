import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-db.js';

const bin = path.resolve(import.meta.dirname, '../../bin/lotse.mjs');
const lotse = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: { dir: string; cleanup: () => void };
let db: string;
beforeAll(() => {
  dir = tempDir();
  db = path.join(dir.dir, 'demo.sqlite');
});
afterAll(() => dir.cleanup());

describe('lotse CLI', () => {
  it('seed-demo then programs --json lists both source programs with communes and slots', () => {
    const seed = lotse('seed-demo', '--db', db);
    expect(seed.err).toBe('');
    expect(seed.code).toBe(0);
    const res = lotse('programs', '--db', db, '--json');
    expect(res.code).toBe(0);
    const programs = JSON.parse(res.out) as { name: string; hourlyRateCents: number; communes: { communeName: string; slots: number }[] }[];
    const agh = programs.find((p) => p.name === 'AGH Mittelsachsen')!;
    expect(agh.hourlyRateCents).toBe(80);
    expect(agh.communes).toHaveLength(5);
    expect(agh.communes.every((c) => c.slots === 3)).toBe(true);
    expect(programs.map((p) => p.name)).toContain('Arbeitsmarktmentoren Dresden');
  });

  it('refuses to seed a database that already has data', () => {
    const again = lotse('seed-demo', '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/schon Daten/);
  });

  it('backup and restore round-trip', () => {
    const out = path.join(dir.dir, 'sicherung.sqlite');
    const b = lotse('backup', '--db', db, '--out', out);
    expect(b.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const r = lotse('restore', '--db', db, '--from', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wiederhergestellt/);
    expect(JSON.parse(lotse('programs', '--db', db, '--json').out)).toHaveLength(3);
  });

  it('gives a clear error for a bad path and for a file that is not a Lotse database', () => {
    const missing = lotse('programs', '--db', path.join(dir.dir, 'gibtsnicht.sqlite'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/existiert nicht/);
    const text = path.join(dir.dir, 'notiz.sqlite');
    fs.writeFileSync(text, 'Dies ist keine Datenbank, sondern eine Notiz.'.repeat(200));
    const notDb = lotse('programs', '--db', text, '--json');
    expect(notDb.code).toBe(1);
    expect(notDb.err).toMatch(/Fehler: .*(keine|nicht öffnen)/);
    const dirAsDb = lotse('migrate', '--db', path.join(text, 'x.sqlite'));
    expect(dirAsDb.code).toBe(1);
    expect(dirAsDb.err).toMatch(/^Fehler: /);
  });

  it('prints usage for unknown commands and flags', () => {
    const unknown = lotse('fly');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Unbekannter Befehl/);
    const flag = lotse('programs', '--colour');
    expect(flag.code).toBe(1);
    expect(flag.err).toMatch(/Fehler/);
  });
});
