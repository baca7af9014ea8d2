import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDatabase } from '../../db/backup.js';
import { openAndMigrate } from '../../db/migrate.js';
import { hasOtherConnections, openDatabase } from '../../db/open.js';
import { tempDir } from '../../test/temp-db.js';
import { createParticipant } from '../participants/participants.service.js';
import { stageBackup } from './restore-source.js';

let dir: { dir: string; cleanup: () => void };
/** a plain Lotse database with one person, as a source to copy and break */
let lotse: string;

beforeAll(async () => {
  dir = tempDir();
  const live = path.join(dir.dir, 'live.sqlite');
  const open = await openAndMigrate(live);
  await createParticipant(open.db, { lastName: 'Quelle', firstName: 'Rita' });
  lotse = path.join(dir.dir, 'lotse-plain.sqlite');
  await copyDatabase(live, lotse);
  await open.close();
});
afterAll(() => dir.cleanup());

/** The bytes, time and neighbours of a file: what "never modified" means. */
function fingerprint(file: string) {
  const st = fs.statSync(file);
  const bytes = st.isFile() ? fs.readFileSync(file) : Buffer.alloc(0);
  return {
    hash: crypto.createHash('sha256').update(bytes).digest('hex'),
    mtime: st.mtimeMs,
    neighbours: fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(path.basename(file))).sort(),
  };
}

/** A copy of the Lotse source changed by `sql` (run with foreign keys off, as someone tampering would). */
async function variant(name: string, change: string): Promise<string> {
  const file = path.join(dir.dir, name);
  fs.copyFileSync(lotse, file);
  const o = await openDatabase(file, { create: false });
  await o.exec(`PRAGMA foreign_keys=OFF; ${change}`);
  await o.close();
  // back to rollback mode (the probe leaves a file nobody else holds in it), so a WAL switch by the check would
  // show in the header and as files beside it
  expect(await hasOtherConnections(file)).toBe(false);
  expect(fs.readFileSync(file)[18]).toBe(1);
  return file;
}

async function refusal(source: string) {
  const before = fingerprint(source);
  const err = await stageBackup(source, []).then(
    (s) => {
      s.dispose();
      return null;
    },
    (e: unknown) => e as { code: string; message: string },
  );
  expect(fingerprint(source), 'the source must stay exactly as it was').toEqual(before);
  return err;
}

describe('the source of a restore is checked read-only, in a private copy', () => {
  it('accepts a Lotse backup and leaves it byte for byte as it was, with no file created beside it', async () => {
    const before = fingerprint(lotse);
    const staged = await stageBackup(lotse, []);
    expect(staged.applied.length).toBeGreaterThan(0);
    expect(path.dirname(staged.file)).not.toBe(path.dirname(lotse));
    expect(process.platform === 'win32' || (fs.statSync(path.dirname(staged.file)).mode & 0o777) === 0o700).toBe(true);
    staged.dispose();
    expect(fs.existsSync(staged.file)).toBe(false);
    expect(fingerprint(lotse)).toEqual(before);
  });

  it('"keine Lotse-Datenbank" for another program\'s database, which stays in its journal mode', async () => {
    const foreign = path.join(dir.dir, 'andere-app.sqlite');
    const o = await openDatabase(foreign);
    await o.exec('PRAGMA journal_mode=DELETE; CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT);');
    await o.close();
    const err = await refusal(foreign);
    expect(err).toMatchObject({ code: 'not_a_lotse_database', message: expect.stringMatching(/keine Lotse-Datenbank.*kunden/) });
    // byte 18 of the header is 1 in rollback mode, 2 in WAL mode: the check did not switch it
    expect(fs.readFileSync(foreign)[18]).toBe(1);
  });

  it('"keine Lotse-Datenbank" for an empty file, a text file, a folder and a device, which stay untouched', async () => {
    const empty = path.join(dir.dir, 'leer.sqlite');
    fs.writeFileSync(empty, '');
    expect(await refusal(empty)).toMatchObject({ code: 'not_a_lotse_database' });
    expect(fs.statSync(empty).size).toBe(0);
    const text = path.join(dir.dir, 'notiz.sqlite');
    fs.writeFileSync(text, 'keine Datenbank '.repeat(500));
    expect(await refusal(text)).toMatchObject({ code: 'not_a_lotse_database', message: expect.stringMatching(/keine Lotse-Datenbank/) });
    expect(await refusal(dir.dir)).toMatchObject({ code: 'not_a_lotse_database', message: expect.stringMatching(/keine gewöhnliche Datei/) });
    if (fs.existsSync('/dev/zero')) {
      const started = Date.now();
      expect(await refusal('/dev/zero')).toMatchObject({ code: 'not_a_lotse_database' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(fs.existsSync('/dev/zero-journal')).toBe(false);
      expect(fs.existsSync('/dev/zero-wal')).toBe(false);
    }
  });

  it('"beschädigt" for a Lotse backup with a damaged page', async () => {
    const file = await variant('kaputt.sqlite', 'SELECT 1;');
    const probe = await openDatabase(file, { create: false });
    const root = (await sql<{ rootpage: number }>`SELECT rootpage FROM sqlite_master WHERE name = 'participants'`.execute(probe.db)).rows[0]!.rootpage;
    const pageSize = (await sql<{ page_size: number }>`PRAGMA page_size`.execute(probe.db)).rows[0]!.page_size;
    await probe.close();
    await hasOtherConnections(file);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x55), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const err = await refusal(file);
    expect(err).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/ist beschädigt/) });
    expect(err!.message).not.toMatch(/keine Lotse-Datenbank/);
  });

  it('"beschädigt" for a Lotse backup missing its participants table, or with another schema change', async () => {
    const noPeople = await variant('ohne-tn.sqlite', 'DROP TABLE participants;');
    expect(await refusal(noPeople)).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/beschädigt.*fehlt: table participants/) });
    const extraColumn = await variant('spalte.sqlite', 'ALTER TABLE communes ADD COLUMN geheim TEXT;');
    expect(await refusal(extraColumn)).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/table communes/) });
    const noIndex = await variant('ohne-index.sqlite', 'DROP INDEX audit_log_at;');
    expect(await refusal(noIndex)).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/fehlt: index audit_log_at/) });
  });

  it('"beschädigt" for broken references; a newer Lotse\'s backup is named as such', async () => {
    const dangling = await variant('verweise.sqlite', 'INSERT INTO enrollments (participant_id, program_id, status, eligible) VALUES (999, 999, \'aktiv\', 1);');
    expect(await refusal(dangling)).toMatchObject({ code: 'corrupt_file', message: expect.stringMatching(/ungültige Verweise/) });
    const newer = await variant('neuer.sqlite', "INSERT INTO kysely_migration (name, timestamp) VALUES ('2999-01-01-001-zukunft', 'x');");
    expect(await refusal(newer)).toMatchObject({ code: 'schema_too_new' });
  });
});
