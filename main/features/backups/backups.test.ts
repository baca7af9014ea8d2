import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir, backupNamed } from '../../db/backup.js';
import { openAndMigrate } from '../../db/migrate.js';
import { openDatabase, type OpenDatabase } from '../../db/open.js';
import { tempDir } from '../../test/temp-db.js';
import { createCommune } from '../communes/communes.service.js';
import { dailyBackup, keepDailyBackups, listBackups, restoreBackup, verifyBackupFile } from './backups.service.js';

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

describe('backups', () => {
  it('copy a live database consistently, including what is still in the WAL', async () => {
    await createCommune(open.db, { name: 'Freiberg', district: 'Mittelsachsen' });
    const backup = await backupNamed(open, 'manuell');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    const b = await openDatabase(backup, { create: false });
    expect(await communeNames(b)).toEqual(['Freiberg']);
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(b.db);
    expect(check.rows[0]?.integrity_check).toBe('ok');
    await b.close();
    // the copy is written under a temporary name and renamed; a copy cut off earlier is never listed
    fs.writeFileSync(path.join(backupDir(file), 'lotse_2026-01-01_00-00-00_start.sqlite.partial'), 'cut off');
    expect(fs.readdirSync(backupDir(file)).filter((f) => f.endsWith('.partial'))).toHaveLength(1);
    expect(listBackups(open).map((x) => x.name)).toEqual([path.basename(backup)]);
    await open.db.insertInto('programs').values({ name: 'P', start_date: '2026-01-01', hourly_rate_cents: 80, eligibility_rule: '{"op":"and","items":[]}' }).execute();
    expect(await dailyBackup(open, new Date(Date.UTC(2026, 0, 1, 8)))).not.toBeNull();
  });

  it('take at most one automatic backup a day and keep the last 14', async () => {
    expect(await dailyBackup(open)).toBeNull(); // empty database: nothing to keep
    await createCommune(open.db, { name: 'Döbeln' });
    await open.db.insertInto('programs').values({ name: 'P', start_date: '2026-01-01', hourly_rate_cents: 80, eligibility_rule: '{"op":"and","items":[]}' }).execute();
    const day = (d: number) => new Date(Date.UTC(2026, 0, d, 8));
    expect(await dailyBackup(open, day(1))).not.toBeNull();
    expect(await dailyBackup(open, day(1))).toBeNull();
    for (let d = 2; d <= 20; d++) await dailyBackup(open, day(d));
    const starts = fs.readdirSync(backupDir(file)).filter((f) => f.endsWith('_start.sqlite'));
    expect(starts).toHaveLength(keepDailyBackups);
    expect(starts.sort()[0]).toContain('2026-01-07');
  });

  it('restore checks the file, backs up the current state first, and brings the old data back', async () => {
    await createCommune(open.db, { name: 'Freiberg' });
    const backup = await backupNamed(open, 'manuell');
    await createCommune(open.db, { name: 'Döbeln' });
    await open.close();

    const { safetyBackup } = await restoreBackup(file, backup);
    open = await openAndMigrate(file);
    expect(await communeNames(open)).toEqual(['Freiberg']);
    const safety = await openDatabase(safetyBackup!, { create: false });
    expect(await communeNames(safety)).toEqual(['Döbeln', 'Freiberg']);
    await safety.close();
    expect(listBackups(open).map((b) => b.name)).toEqual(expect.arrayContaining([path.basename(backup), path.basename(safetyBackup!)]));
  });

  it('refuses to restore a corrupt file, a foreign database or a newer schema, leaving the database untouched', async () => {
    await createCommune(open.db, { name: 'Freiberg' });
    const junk = path.join(dir.dir, 'junk.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(4096, 7));
    await expect(verifyBackupFile(junk)).rejects.toMatchObject({ code: 'not_a_lotse_database' });

    const foreign = path.join(dir.dir, 'foreign.sqlite');
    const f = await openDatabase(foreign);
    await f.exec('CREATE TABLE x (a)');
    await f.close();
    await expect(restoreBackup(file, foreign)).rejects.toMatchObject({ code: 'not_a_lotse_database' });

    const newer = await backupNamed(open, 'neu');
    const n = await openDatabase(newer);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('2999-01-01-001-x', 'x')`.execute(n.db);
    await n.close();
    await expect(restoreBackup(file, newer)).rejects.toMatchObject({ code: 'schema_too_new' });
    expect(await communeNames(open)).toEqual(['Freiberg']);
  });
});
