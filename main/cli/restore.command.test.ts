import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../app.js';
import { backupNamed } from '../db/backup.js';
import { holdersDir } from '../db/holders.js';
import { openDatabase } from '../db/open.js';
import { createParticipant } from '../features/participants/participants.service.js';
import { tempDir } from '../test/temp-db.js';
import { restoreCommand } from './restore.command.js';

const bin = path.resolve(import.meta.dirname, '../../bin/lotse.mjs');
const lotse = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

/** A database with one person and a backup of it; then a change made after the backup. */
async function databaseWithBackup(name: string) {
  const db = path.join(dir.dir, name, 'lotse.sqlite');
  const app = await startApp(db, 'cli');
  const person = await createParticipant(app.ctx.db, { lastName: 'Rückkehr', firstName: 'Rosa', birthDate: '1988-08-08', caseNumber: 'AZ-1' });
  const backup = await backupNamed(app.ctx.open, 'manuell');
  await createParticipant(app.ctx.db, { lastName: 'Später', firstName: 'Paul' });
  return { db, app, person, backup };
}

const names = async (db: string) => {
  const o = await openDatabase(db, { create: false });
  try {
    return (await o.db.selectFrom('participants').select('last_name').orderBy('id').execute()).map((r) => r.last_name);
  } finally {
    await o.close();
  }
};

/** Starts `lotse serve` and resolves once it answers, i.e. holds the database. */
function serve(db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Im Browser öffnen')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`serve ended early (${code}): ${out}`)));
  });
}

describe('lotse restore while Lotse runs', () => {
  it('is refused with a German and English message and exit 1 while a server holds the database; nothing is lost', async () => {
    const { db, app, backup } = await databaseWithBackup('laufend');
    await app.close();
    const server = await serve(db);
    try {
      const refused = lotse('restore', '--db', db, '--from', backup);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/Lotse \(Prozess \d+, seit .*\) hat die Datenbank .* gerade geöffnet/);
      expect(refused.stderr).toMatch(/Lotse \(pid \d+@.*\) has the database .* open/);
      expect(refused.stderr).toMatch(/nichts wurde verändert/);
    } finally {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    // the work after the backup is still there, and the server's record is gone with it
    expect(await names(db)).toEqual(['Rückkehr', 'Später']);
    expect(fs.existsSync(holdersDir(db))).toBe(false);
    const done = lotse('restore', '--db', db, '--from', backup);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(await names(db)).toEqual(['Rückkehr']);
  }, 180_000);

  it('is refused while any other connection has the file open, even one that did not register (SQLite asked)', async () => {
    const { db, app, backup } = await databaseWithBackup('fremd-offen');
    await app.close();
    const other = await openDatabase(db, { create: false });
    try {
      await expect(restoreCommand(db, backup)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Ein anderes Programm hat die Datenbank/) });
    } finally {
      await other.close();
    }
    expect(await names(db)).toEqual(['Rückkehr', 'Später']);
  });

  it('a crashed Lotse\'s leftover record does not block, and a running restore keeps the app from starting', async () => {
    const { db, app, backup } = await databaseWithBackup('verwaist');
    await app.close();
    // a process that has ended: its record is stale
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.mkdirSync(holdersDir(db), { recursive: true });
    fs.writeFileSync(path.join(holdersDir(db), 'x.json'), JSON.stringify({ pid: Number(gone.stdout), host: (await import('node:os')).hostname(), role: 'app', since: new Date().toISOString() }));
    await restoreCommand(db, backup);
    expect(await names(db)).toEqual(['Rückkehr']);
    expect(fs.existsSync(holdersDir(db)), 'the stale record is removed').toBe(false);
    // a live process (the test runner's parent) restoring: an app start is refused
    fs.mkdirSync(holdersDir(db), { recursive: true });
    fs.writeFileSync(path.join(holdersDir(db), 'y.json'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), role: 'restore', since: new Date().toISOString() }));
    await expect(startApp(db, 'cli')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/wird gerade wiederhergestellt/) });
    fs.rmSync(holdersDir(db), { recursive: true, force: true });
  });
});

describe('an erased person is not back after a restore', () => {
  it('through the command line: erased again from the journal, and the name never reaches the database file', async () => {
    const { db, app, person, backup } = await databaseWithBackup('cli-loeschung');
    const erased = await app.router.call('privacy.anonymise', { participantId: person.id, reason: 'request' });
    expect(erased.ok).toBe(true);
    await app.close();
    const res = lotse('restore', '--db', db, '--from', backup);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Erneut anonymisiert \(gelöscht nach der Sicherung\): 1/);
    expect(await names(db)).toEqual([null]);
    expect(fs.readFileSync(db).includes(Buffer.from('Rückkehr'))).toBe(false);
  }, 120_000);

  it('through the app (Einstellungen → Sicherungen, backups.restore), which uses the same restore', async () => {
    const { db, app, person, backup } = await databaseWithBackup('app-loeschung');
    try {
      expect((await app.router.call('privacy.anonymise', { participantId: person.id, reason: 'request' })).ok).toBe(true);
      const res = await app.router.call('backups.restore', { name: path.basename(backup), confirm: true });
      expect(res).toMatchObject({ ok: true, data: { reanonymised: 1 } });
      const back = await app.ctx.reader.selectFrom('participants').select(['id', 'last_name', 'birth_date', 'case_number']).execute();
      expect(back).toEqual([{ id: person.id, last_name: null, birth_date: null, case_number: null }]);
    } finally {
      await app.close();
    }
    expect(fs.readFileSync(db).includes(Buffer.from('Rückkehr'))).toBe(false);
  });
});
