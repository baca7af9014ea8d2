import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir, backupNamed, backupTo, keepAutomatic } from '../../db/backup.js';
import { decryptFile, fileKeyProvider, isEncryptedBackup, keyFileFor } from '../../db/backup-crypto.js';
import { openAndMigrate } from '../../db/migrate.js';
import { openDatabase, type OpenDatabase } from '../../db/open.js';
import { tempDir } from '../../test/temp-db.js';
import { createCommune } from '../communes/communes.service.js';
import { createParticipant } from '../participants/participants.service.js';
import { anonymiseParticipants } from '../privacy/anonymise.service.js';
import { setSetting } from '../settings/settings.service.js';
import { dailyBackup, keepDailyBackups, listBackups, maintainBackups, pruneBackupsBeforeErasures } from './backups.service.js';
import { journalPath, readJournal } from './erasure-journal.js';
import { restoreFromFile } from './restore.service.js';

let dir: { dir: string; cleanup: () => void };
let file: string;
let open: OpenDatabase;
beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir.dir, 'lotse.sqlite');
  open = await openAndMigrate(file);
});
afterEach(async () => {
  await open.close();
  dir.cleanup();
});

const communeNames = async (o: OpenDatabase) => (await o.db.selectFrom('communes').select('name').orderBy('name').execute()).map((r) => r.name);
const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);

/** Opens a decrypted copy of an encrypted backup (in the test's folder) for inspection. */
async function openBackup(backup: string): Promise<OpenDatabase> {
  const plain = path.join(dir.dir, `plain-${path.basename(backup)}-${Math.random().toString(36).slice(2)}.sqlite`);
  await decryptFile(backup, plain, [fileKeyProvider(keyFileFor(file))]);
  return openDatabase(plain, { create: false });
}

const addProgram = (o: OpenDatabase) =>
  o.db.insertInto('programs').values({ name: 'P', start_date: '2026-01-01', hourly_rate_cents: 80, eligibility_rule: '{"op":"and","items":[]}' }).execute();

describe('backups', () => {
  it('copy a live database consistently, including what is still in the WAL, encrypted and readable only by the user', async () => {
    await createCommune(open.db, { name: 'Freiberg', district: 'Mittelsachsen' });
    const backup = await backupNamed(open, 'manuell');
    expect(backup.endsWith('.sqlite.enc')).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(isEncryptedBackup(backup)).toBe(true);
    // encrypted: neither the SQLite header nor the commune's name appear in the file
    const bytes = fs.readFileSync(backup);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Freiberg'))).toBe(false);
    const b = await openBackup(backup);
    expect(await communeNames(b)).toEqual(['Freiberg']);
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(b.db);
    expect(check.rows[0]?.integrity_check).toBe('ok');
    await b.close();
    // no plain copy is left behind, and a copy cut off earlier is never listed
    expect(fs.readdirSync(backupDir(file)).filter((f) => f.includes('.partial'))).toEqual([]);
    fs.writeFileSync(path.join(backupDir(file), 'lotse_2026-01-01_00-00-00_start.sqlite.enc.enc-1.partial'), 'cut off');
    expect(listBackups(open).map((x) => x.name)).toEqual([path.basename(backup)]);
    await addProgram(open);
    expect(await dailyBackup(open, new Date(Date.UTC(2026, 0, 1, 8)))).not.toBeNull();
  });

  it.skipIf(process.platform === 'win32')('create the database, its WAL and SHM, backups, key and folders for the user only', async () => {
    await open.close();
    const nested = path.join(dir.dir, 'neu', 'daten');
    file = path.join(nested, 'lotse.sqlite');
    open = await openAndMigrate(file);
    await createCommune(open.db, { name: 'Freiberg' });
    const backup = await backupNamed(open, 'manuell');
    expect({
      folder: mode(nested),
      parent: mode(path.dirname(nested)),
      db: mode(file),
      wal: mode(`${file}-wal`),
      shm: mode(`${file}-shm`),
      backups: mode(backupDir(file)),
      backup: mode(backup),
      key: mode(keyFileFor(file)),
    }).toEqual({ folder: '700', parent: '700', db: '600', wal: '600', shm: '600', backups: '700', backup: '600', key: '600' });
  });

  it('an older database file made with 0644 is tightened to 0600 when opened', async () => {
    await open.close();
    fs.chmodSync(file, 0o644);
    open = await openAndMigrate(file);
    expect(process.platform === 'win32' || mode(file) === '600').toBe(true);
  });

  it('take at most one automatic backup a day, keep the last 14, and rotate pre-import backups with them', async () => {
    expect(await dailyBackup(open)).toBeNull(); // empty database: nothing to keep
    await createCommune(open.db, { name: 'Döbeln' });
    await addProgram(open);
    const day = (d: number) => new Date(Date.UTC(2026, 0, d, 8));
    expect(await dailyBackup(open, day(1))).not.toBeNull();
    expect(await dailyBackup(open, day(1))).toBeNull();
    for (let d = 2; d <= 20; d++) await dailyBackup(open, day(d));
    for (let d = 1; d <= 14; d++) await backupNamed(open, 'vor-import', new Date(Date.UTC(2026, 1, d, 9)));
    await backupNamed(open, 'manuell', day(1));
    const names = fs.readdirSync(backupDir(file));
    const starts = names.filter((f) => f.includes('_start.')).sort();
    expect(starts).toHaveLength(keepDailyBackups);
    expect(starts[0]).toContain('2026-01-07');
    const imports = names.filter((f) => f.includes('_vor-import')).sort();
    expect(imports).toHaveLength(keepAutomatic['vor-import']!);
    expect(imports[0]).toContain('2026-02-05');
    expect(names.filter((f) => f.includes('_manuell'))).toHaveLength(1);
  });
});

describe('half-written backups of a crash', () => {
  it('are removed at the next start: a plain copy of a dead process goes, one of a live process stays', async () => {
    const gone = Number((await import('node:child_process')).spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const dirB = backupDir(file);
    fs.mkdirSync(dirB, { recursive: true });
    const dead = `lotse_2026-01-01_00-00-00_vor-import.sqlite.enc.plain-${gone}.partial`;
    const alive = `lotse_2026-01-01_00-00-00_vor-import.sqlite.enc.plain-${process.ppid}.partial`;
    for (const n of [dead, alive]) fs.writeFileSync(path.join(dirB, n), 'SQLite format 3\0 Klartext');
    await open.close();
    const { startApp } = await import('../../app.js');
    const app = await startApp(file, 'cli');
    await app.close();
    open = await openAndMigrate(file);
    expect(fs.readdirSync(dirB).filter((n) => n.endsWith('.partial'))).toEqual([alive]);
  });
});

describe('erased people leave older backups within the set time', () => {
  it('deletes every backup made before an erasure once it is 30 days old (setting), keeps later ones', async () => {
    await addProgram(open);
    const person = await createParticipant(open.db, { lastName: 'Altbestand', firstName: 'Ida' });
    const before = await backupNamed(open, 'manuell', new Date('2026-03-01T08:00:00Z'));
    await anonymiseParticipants(open.db, [person.id], { reason: 'request', now: new Date('2026-03-02T08:00:00Z') });
    const after = await backupNamed(open, 'start', new Date('2026-03-03T08:00:00Z'));
    expect(await pruneBackupsBeforeErasures(open, new Date('2026-03-20T08:00:00Z'))).toEqual([]);
    expect(await pruneBackupsBeforeErasures(open, new Date('2026-04-02T08:00:00Z'))).toEqual([path.basename(before)]);
    expect(fs.existsSync(after)).toBe(true);
    // a shorter setting takes effect on the next start
    const again = await backupNamed(open, 'manuell', new Date('2026-03-01T09:00:00Z'));
    await setSetting(open.db, 'erasedBackupDays', 7);
    await maintainBackups(open, new Date('2026-03-10T08:00:00Z'));
    expect(fs.existsSync(again)).toBe(false);
    expect(fs.existsSync(after)).toBe(true);
  });
});

describe('the erasure journal', () => {
  it('records each erasure beside the database, 0600, with id and keyed hashes but no name', async () => {
    const a = await createParticipant(open.db, { lastName: 'Journalprobe', firstName: 'Anna', birthDate: '1990-04-01', caseNumber: 'BG-4711' });
    await anonymiseParticipants(open.db, [a.id], { reason: 'request' });
    const text = fs.readFileSync(journalPath(file), 'utf8');
    expect(text).not.toMatch(/journalprobe|anna|4711|1990/i);
    const journal = readJournal(journalPath(file))!;
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0]).toMatchObject({ id: a.id });
    expect(journal.entries[0]!.keys).toHaveLength(2);
    expect(process.platform === 'win32' || mode(journalPath(file)) === '600').toBe(true);
    // erasing again changes nothing and records nothing new
    await anonymiseParticipants(open.db, [a.id], { reason: 'request' });
    expect(readJournal(journalPath(file))!.entries).toHaveLength(1);
  });
});

describe('restore (the path the app and the CLI share)', () => {
  it('brings the old data back, backs up the current state first, and round-trips an encrypted backup', async () => {
    await createCommune(open.db, { name: 'Freiberg' });
    const backup = await backupNamed(open, 'manuell');
    await createCommune(open.db, { name: 'Döbeln' });
    const res = await restoreFromFile(open, backup);
    expect(await communeNames(open)).toEqual(['Freiberg']);
    const safety = await openBackup(path.join(backupDir(file), res.safetyBackup!));
    expect(await communeNames(safety)).toEqual(['Döbeln', 'Freiberg']);
    await safety.close();
  });

  it('refuses a tampered backup, one of another key, and a cut-off one, leaving the database untouched', async () => {
    await createCommune(open.db, { name: 'Freiberg' });
    const backup = await backupNamed(open, 'manuell');
    const bytes = fs.readFileSync(backup);
    const flip = (at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      const out = path.join(dir.dir, `tampered-${at}.sqlite.enc`);
      fs.writeFileSync(out, copy);
      return out;
    };
    await createCommune(open.db, { name: 'Döbeln' });
    for (const at of [Math.floor(bytes.length / 2), bytes.length - 1, 20]) {
      await expect(restoreFromFile(open, flip(at))).rejects.toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/beschädigt oder wurde verändert/) });
    }
    const cut = path.join(dir.dir, 'cut.sqlite.enc');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    await expect(restoreFromFile(open, cut)).rejects.toMatchObject({ code: 'corrupt_file' });
    fs.writeFileSync(keyFileFor(file), Buffer.alloc(32, 9).toString('base64'));
    await expect(restoreFromFile(open, backup)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Schlüssel/) });
    expect(await communeNames(open)).toEqual(['Döbeln', 'Freiberg']);
  });

  it('an older backup written before a migration is migrated in its private copy and restored', async () => {
    // a Lotse database at the first schema version, as an older Lotse left it (plain, unencrypted)
    const { migrations } = await import('../../db/migrations/index.js');
    const { Migrator } = await import('kysely/migration');
    const oldFile = path.join(dir.dir, 'alt.sqlite');
    const old = await openDatabase(oldFile);
    const first = Object.keys(migrations).sort()[0]!;
    await new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } }).migrateTo(first);
    await old.db.insertInto('communes').values({ name: 'Altstadt' }).execute();
    await old.close();
    await restoreFromFile(open, oldFile);
    expect(await communeNames(open)).toEqual(['Altstadt']);
  });
});

describe('erasures survive restores', () => {
  it('an erased person is found again by name and birth date in a backup of another database, and only that person', async () => {
    // another PC's database, where the same person has another id and someone else has this database's id
    const otherFile = path.join(dir.dir, 'anderer-pc', 'lotse.sqlite');
    const other = await openAndMigrate(otherFile);
    const stranger = await createParticipant(other.db, { lastName: 'Fremd', firstName: 'Otto', birthDate: '1980-01-01' });
    await createParticipant(other.db, { lastName: 'Gleich', firstName: 'Lena', birthDate: '1991-02-03' });
    await anonymiseParticipants(other.db, [], { reason: 'request' });
    await other.db.insertInto('settings').values({ key: 'databaseId', value: JSON.stringify('anderer-pc') }).execute();
    const otherBackup = await backupNamed(other, 'manuell');
    await other.close();
    fs.copyFileSync(keyFileFor(otherFile), keyFileFor(file));

    const lena = await createParticipant(open.db, { lastName: 'Gleich', firstName: 'Lena', birthDate: '1991-02-03' });
    expect(lena.id).toBe(stranger.id);
    await anonymiseParticipants(open.db, [lena.id], { reason: 'request' });
    const res = await restoreFromFile(open, otherBackup);
    expect(res.reanonymised).toBe(1);
    const people = await open.db.selectFrom('participants').select(['id', 'last_name']).orderBy('id').execute();
    // Otto keeps his name although his id is the erased Lena's id here; Lena is erased under her other id
    expect(people.map((p) => p.last_name)).toEqual(['Fremd', null]);
  });
});

describe('backupTo an explicit file', () => {
  it('refuses to overwrite, and leaves an encrypted file', async () => {
    const out = path.join(dir.dir, 'sicherung.sqlite');
    await backupTo(open, out);
    expect(isEncryptedBackup(out)).toBe(true);
    await expect(backupTo(open, out)).rejects.toThrow(/existiert bereits/);
  });
});

describe('the daily backup by the local calendar day', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('counts a backup at 00:30 in Dresden for that day, not for the UTC day before', async () => {
    process.env.TZ = 'Europe/Berlin';
    await addProgram(open);
    const at = (utc: string) => new Date(utc);
    // 23:30 on 1 January in Dresden: the day's backup
    expect(await dailyBackup(open, at('2026-01-01T22:30:00Z'))).not.toBeNull();
    // 00:30 on 2 January in Dresden, still 1 January in UTC: a new local day, so a new backup
    expect(await dailyBackup(open, at('2026-01-01T23:30:00Z'))).not.toBeNull();
    // 10:00 on 2 January in Dresden: that day has its backup already (taken at 00:30, whose UTC stamp says 1 January)
    expect(await dailyBackup(open, at('2026-01-02T09:00:00Z'))).toBeNull();
    // the same in summer time (UTC+2 since 29 March): 00:30 on 30 March is 22:30 UTC on the 29th
    expect(await dailyBackup(open, at('2026-03-29T12:00:00Z'))).not.toBeNull();
    expect(await dailyBackup(open, at('2026-03-29T22:30:00Z'))).not.toBeNull();
    expect(await dailyBackup(open, at('2026-03-30T08:00:00Z'))).toBeNull();
  });
});
