import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../app.js';
import { insertPeople } from '../features/participants/insert-people.js';
import { tempDir } from '../test/temp-db.js';

const bin = path.resolve(import.meta.dirname, '../../bin/lotse.mjs');
const lotse = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: { dir: string; cleanup: () => void };
let db: string;
let person: number;
beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir.dir, 'lotse.sqlite');
  const app = await startApp(db, 'cli');
  [person] = (await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }])) as [number];
  await app.ctx.db.insertInto('person_documents').values({ participant_id: person, kind: 'aufenthaltsdokument', valid_until: '2026-12-31' }).execute();
  await app.close();
});
afterAll(() => dir.cleanup());

describe('lotse tasks', () => {
  it('prints the due items of a day as JSON, with ids and without names', () => {
    const before = lotse('tasks', '--db', db, '--date', '2026-11-20', '--json');
    expect(before.err).toBe('');
    expect(JSON.parse(before.out)).toEqual([]);
    const res = lotse('tasks', '--db', db, '--date', '2026-12-03', '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toEqual([
      { kind: 'document_expiry', due: '2026-12-31', overdue: false, participantId: person, title: 'Aufenthaltsdokument gültig bis 31.12.2026' },
    ]);
    expect(res.out).not.toContain('Haddad');
  });

  it('refuses a date that is none', () => {
    const res = lotse('tasks', '--db', db, '--date', '2026-02-30');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/kein Datum/);
  });
});
