import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigList, writeCorpus } from '../../excel/fixtures/corpus.js';
import { testEngine } from '../../test/pg.js';
import { tempApp, tempDir } from '../../test/temp-db.js';
import { canonicalParticipants, commitImport, previewImport, undoBatch } from './imports.service.js';
import { openDatabase } from '../../db/open.js';
import { insertPeople } from '../participants/insert-people.js';

const today = '2026-11-24';
const bin = path.resolve('bin/lotse.mjs');
let corpusDir: { dir: string; cleanup: () => void };
let files: Record<string, string>;

beforeAll(async () => {
  corpusDir = tempDir('lotse-import-corpus-');
  files = await writeCorpus(corpusDir.dir);
});
afterAll(() => corpusDir.cleanup());

async function count(app: Awaited<ReturnType<typeof tempApp>>): Promise<number> {
  const r = await app.ctx.db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('import service', () => {
  it('imports the messy workbook: counting identity, commune matching, double import adds nobody, undo', async () => {
    const app = await tempApp();
    try {
      const communeId = (await app.ctx.db.insertInto('communes').values({ name: 'Döbeln', district: 'Mittelsachsen' }).returning('id').executeTakeFirstOrThrow()).id;
      const preview = await previewImport(app.ctx.reader, files.messy!, 'messy.xlsx', { today });
      expect(preview.counts).toMatchObject({ rowsTotal: 11, imported: 6, existingMatched: 0, duplicatesInFile: 1, rejectedCount: 4, warningCount: 1 });
      expect(await count(app)).toBe(0);

      const first = await commitImport(app.ctx.open, files.messy!, 'messy.xlsx', { today });
      expect(first.rowsTotal).toBe(first.imported + first.existingMatched + first.duplicatesInFile + first.rejected.length);
      expect([first.imported, first.duplicatesInFile, first.rejected.length]).toEqual([6, 1, 4]);
      expect(await count(app)).toBe(6);
      const stored = await app.ctx.db.selectFrom('participants').selectAll().where('last_name', '=', 'Müller').executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ commune_id: communeId, commune_text: null, birth_year: 1990, import_batch_id: first.batchId, case_number_key: '0042' });
      expect(stored.name_key).toBe('mueller|anna lena|1990-05-14');
      // a file is backed up before an import; a team server is backed up by its administrator
      if (testEngine === 'sqlite') expect(fs.readdirSync(path.join(app.dir, 'backups')).some((f) => f.includes('vor-import'))).toBe(true);

      const second = await commitImport(app.ctx.open, files.messy!, 'messy.xlsx', { today });
      expect([second.imported, second.existingMatched, second.duplicatesInFile, second.rejected.length]).toEqual([0, 6, 1, 4]);
      expect(await count(app)).toBe(6);

      // a person entered by hand before is matched and only her empty fields are filled
      await app.ctx.db.insertInto('participants').values({ last_name: 'Haddad', first_name: 'Sara', birth_date: '1997-01-20', nationality: 'syrisch', name_key: 'haddad|sara|1997-01-20', search_text: 'haddad sara' }).execute();
      const third = await commitImport(app.ctx.open, files.english!, 'english.xlsx', { today });
      expect([third.rowsTotal, third.imported, third.existingMatched, third.duplicatesInFile]).toEqual([3, 1, 1, 1]);
      const sara = await app.ctx.db.selectFrom('participants').selectAll().where('first_name', '=', 'Sara').executeTakeFirstOrThrow();
      // her free-text nationality is mapped to the catalogue (issue 14): code and German name
      expect(sara).toMatchObject({ nationality: 'Syrien', nationality_code: 'SY', gender: 'w', commune_text: 'Dresden', phone: '0049 176 99', import_batch_id: null });

      await undoBatch(app.ctx.db, third.batchId);
      expect(await count(app)).toBe(7);
      expect(await app.ctx.db.selectFrom('participants').select('id').where('first_name', '=', 'Sara').executeTakeFirst()).toBeDefined();
      await undoBatch(app.ctx.db, first.batchId);
      expect(await count(app)).toBe(1);
      await expect(undoBatch(app.ctx.db, first.batchId)).rejects.toMatchObject({ code: 'conflict' });
      const batches = await app.ctx.db.selectFrom('import_batches').select(['id', 'status']).orderBy('id').execute();
      expect(batches.map((b) => b.status)).toEqual(['undone', 'committed', 'undone']);
    } finally {
      await app.dispose();
    }
  });

  it('enrols into a program and uses a user mapping saved per sender', async () => {
    const app = await tempApp();
    try {
      const program = await app.ctx.db.insertInto('programs').values({ name: 'Testprogramm', start_date: '2026-01-01', hourly_rate_cents: 80, eligibility_rule: '{"op":"and","items":[]}' }).returning('id').executeTakeFirstOrThrow();
      const mapping = ['lastName', 'firstName', 'birthDate', 'phone', null] as const;
      const r = await commitImport(app.ctx.open, files.tab!, 'tab.csv', { today, programId: program.id, sender: 'Jobcenter', mapping: [...mapping] });
      expect(r.enrolled).toBe(1);
      const p = (await canonicalParticipants(app.ctx.reader))[0]!;
      expect(p).toMatchObject({ lastName: 'Doğan', phone: '01761234', caseNumber: null });
      const e = await app.ctx.db.selectFrom('enrollments').selectAll().executeTakeFirstOrThrow();
      expect(e).toMatchObject({ program_id: program.id, status: 'interessiert', import_batch_id: r.batchId });
      const again = await previewImport(app.ctx.reader, files.tab!, 'tab.csv', { today, sender: 'jobcenter' });
      expect(again.mappingSource).toBe('saved');
      expect(again.mapping).toEqual([...mapping]);
    } finally {
      await app.dispose();
    }
  });

  it('cancels: nothing is written when the signal aborts during the commit', async () => {
    const app = await tempApp();
    const big = path.join(app.dir, 'big.xlsx');
    try {
      await writeBigList(big, 3000);
      const ctrl = new AbortController();
      await expect(
        commitImport(app.ctx.open, big, 'big.xlsx', { today }, { signal: ctrl.signal, progress: (_p, done) => done >= 800 && ctrl.abort() }),
      ).rejects.toMatchObject({ code: 'cancelled' });
      expect(await count(app)).toBe(0);
      expect(await app.ctx.db.selectFrom('import_batches').selectAll().execute()).toEqual([]);
      // cancelled while the workbook is still being read: stops before anything else happens
      const early = new AbortController();
      const phases: string[] = [];
      early.abort();
      await expect(
        commitImport(app.ctx.open, big, 'big.xlsx', { today }, { signal: early.signal, progress: (phase) => phases.push(phase) }),
      ).rejects.toMatchObject({ code: 'cancelled' });
      expect(phases).toEqual([]);
      expect(await count(app)).toBe(0);
    } finally {
      await app.dispose();
    }
  }, 240_000);
});

describe('streaming commit (rows written while the file is still read)', () => {
  it('fills a person from a duplicate row far below, matches people in Lotse, and keeps preview and commit in agreement', async () => {
    const app = await tempApp();
    try {
      const [bertaId, heldId] = await insertPeople(app.ctx.db, [
        { lastName: 'Bestand', firstName: 'Berta', birthDate: '1985-05-05' },
        { lastName: 'Früher', firstName: 'Fritz', birthDate: '1970-01-01', caseNumber: 'AZ-9' },
      ]);
      await app.ctx.db.updateTable('participants').set({ email: 'berta@alt.example', anonymised_at: null }).where('id', '=', bertaId!).execute();
      await app.ctx.db.updateTable('participants').set({ anonymised_at: '2026-01-01T00:00:00Z' }).where('id', '=', heldId!).execute();

      // 4,500 people: far more than one batch, so the duplicates below meet people written batches earlier
      const lines = ['Nachname;Vorname;Geburtsdatum;Telefon;E-Mail;Aktenzeichen'];
      const put = (record: number, line: string) => {
        while (lines.length < record - 1) lines.push(`Person${lines.length};Paula;01.02.1980;;;`);
        lines.push(line);
      };
      put(2, 'Weit;Entfernt;01.01.1990;;;');
      put(10, 'Ohne;Datum;;;;');
      put(3000, 'Bestand;Berta;05.05.1985;0351 5;berta@neu.example;');
      put(3500, 'OHNE;datum;;;ohne@example.org;');
      put(4000, 'Weit;Entfernt;01.01.1990;0351 1;;AZ-77');
      put(4200, 'Neu;Nina;02.02.1992;;;AZ-9');
      put(4500, 'Person4498;Paula;01.02.1980;;;');
      const file = path.join(app.dir, 'gross.csv');
      fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);

      const preview = await previewImport(app.ctx.reader, file, 'gross.csv', { today });
      const result = await commitImport(app.ctx.open, file, 'gross.csv', { today }, { backup: false });
      // 4,499 data records; Person4498 twice, "Weit" twice, "Ohne Datum" twice; Berta matched
      expect(result.rowsTotal).toBe(4499);
      expect(result.duplicatesInFile).toBe(3);
      expect(result.existingMatched).toBe(1);
      expect(result.imported).toBe(4499 - 3 - 1);
      expect(preview.counts).toMatchObject({ rowsTotal: 4499, imported: result.imported, existingMatched: 1, duplicatesInFile: 3 });

      const person = (last: string, first: string) =>
        app.ctx.db.selectFrom('participants').selectAll().where('last_name', '=', last).where('first_name', '=', first).execute();
      const [weit] = await person('Weit', 'Entfernt');
      expect(weit).toMatchObject({ phone: '0351 1', case_number: 'AZ-77', case_number_key: 'az-77', import_batch_id: result.batchId });
      expect(await person('Ohne', 'Datum')).toEqual([expect.objectContaining({ email: 'ohne@example.org', birth_date: null })]);
      // matched: the empty phone filled, the stored e-mail kept
      const [berta] = await person('Bestand', 'Berta');
      expect(berta).toMatchObject({ id: bertaId, phone: '0351 5', email: 'berta@alt.example', import_batch_id: null });
      // a case number an anonymised record still holds: the number is kept as text, the unique key is not taken
      const [nina] = await person('Neu', 'Nina');
      expect(nina).toMatchObject({ case_number: 'AZ-9', case_number_key: null });
      const total = await count(app);
      expect(total).toBe(2 + result.imported);

      // the same file again adds nobody, and undoing the first import leaves the two people from before
      const again = await commitImport(app.ctx.open, file, 'gross.csv', { today }, { backup: false });
      expect(again.imported).toBe(0);
      expect(await count(app)).toBe(total);
      await undoBatch(app.ctx.db, result.batchId);
      expect(await count(app)).toBe(2);
    } finally {
      await app.dispose();
    }
  }, 120_000);

  it('a cancel while batches are being written leaves nothing behind', async () => {
    const app = await tempApp();
    try {
      const file = path.join(app.dir, 'lang.xlsx');
      await writeBigList(file, 30_000);
      const controller = new AbortController();
      let written = 0;
      const err = await commitImport(app.ctx.open, file, 'lang.xlsx', { today }, {
        signal: controller.signal,
        progress: (phase, done) => {
          // cancel as soon as the first batch has landed inside the transaction
          if (phase === 'speichern' && done > 0) {
            written = Math.max(written, done);
            controller.abort();
          }
        },
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'cancelled' });
      expect(written).toBeGreaterThan(0);
      expect(await count(app)).toBe(0);
      expect(await app.ctx.db.selectFrom('import_batches').select('id').execute()).toEqual([]);
      // the database is still consistent and writable afterwards
      const again = await commitImport(app.ctx.open, file, 'lang.xlsx', { today }, { backup: false });
      expect(again.imported).toBe(30_000);
    } finally {
      await app.dispose();
    }
  }, 120_000);

  it('rolls back rows already written when the file turns out corrupt at its end', async () => {
    const app = await tempApp();
    try {
      const file = path.join(app.dir, 'kaputt.xlsx');
      await writeBigList(file, 30_000);
      // break the last bytes of the sheet's compressed data: the CRC check fails only once everything is unpacked
      const bytes = fs.readFileSync(file);
      // (exceljs streams with data descriptors, so sizes and offsets come from the central directory)
      const cd = bytes.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
      expect(bytes.readUInt32LE(cd)).toBe(0x02014b50);
      const local = bytes.readUInt32LE(cd + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const end = start + bytes.readUInt32LE(cd + 20);
      bytes[end - 3] = bytes[end - 3]! ^ 0xff;
      fs.writeFileSync(file, bytes);
      let written = 0;
      const err = await commitImport(app.ctx.open, file, 'kaputt.xlsx', { today }, {
        progress: (phase, done) => {
          if (phase === 'speichern') written = Math.max(written, done);
        },
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'corrupt_file' });
      // rows had been written inside the transaction before the end of the file was reached
      expect(written).toBeGreaterThan(0);
      expect(await count(app)).toBe(0);
      const batches = await app.ctx.db.selectFrom('import_batches').select('id').execute();
      expect(batches).toEqual([]);
      // the backup made for it is gone again: nothing changed
      const backups = fs.existsSync(path.join(app.dir, 'backups')) ? fs.readdirSync(path.join(app.dir, 'backups')) : [];
      expect(backups.filter((f) => f.includes('vor-import'))).toEqual([]);
    } finally {
      await app.dispose();
    }
  }, 120_000);
});

describe('CLI', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('prints the JSON object of the issue and exits 0 / 1', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = path.join(dir, 'cli.sqlite');
      const ok = run(['import', files.messy!, '--db', db, '--json']);
      expect(ok.status).toBe(0);
      const out = JSON.parse(ok.stdout) as Record<string, unknown>;
      expect(Object.keys(out)).toEqual(['status', 'rowsTotal', 'imported', 'existingMatched', 'duplicatesInFile', 'rejected', 'warnings', 'batchId']);
      expect(out).toMatchObject({ status: 'ok', rowsTotal: 11, imported: 6, existingMatched: 0, duplicatesInFile: 1, batchId: 1 });
      expect((out.rejected as { row: number; reason: string }[]).map((r) => [r.row, r.reason])).toEqual([
        [9, 'missing_required'], [10, 'invalid_date'], [11, 'out_of_range'], [12, 'out_of_range'],
      ]);
      const warnings = out.warnings as { row: number; field: string; reason: string; message: string }[];
      expect(warnings.filter((w) => w.reason !== 'unknown_value')).toEqual([{ row: 6, field: 'email', reason: 'invalid_email', message: expect.any(String) as string }]);
      // a fresh database has no communes: each home town of the list is a warning of its row, never dropped unseen
      expect(warnings.filter((w) => w.reason === 'unknown_value').map((w) => [w.row, w.field])).toEqual([
        [5, 'commune'], [6, 'commune'], [7, 'commune'],
      ]);

      const again = JSON.parse(run(['import', files.messy!, '--db', db, '--json']).stdout) as Record<string, unknown>;
      expect(again).toMatchObject({ imported: 0, existingMatched: 6, batchId: 2 });

      for (const [file, code] of [
        [files.png, 'not_a_spreadsheet'], [files.truncated, 'corrupt_file'], [files.encrypted, 'password_protected'],
        [files.oldXls, 'unsupported_format'], [files.empty, 'empty_file'], [files.headerOnly, 'no_data_rows'],
      ] as const) {
        const bad = run(['import', file!, '--db', db, '--json']);
        expect([file, bad.status]).toEqual([file, 1]);
        const body = JSON.parse(bad.stdout) as { status: string; error: { code: string; message: string }; batchId: null };
        expect(body).toMatchObject({ status: 'error', error: { code }, batchId: null, rowsTotal: 0, rejected: [] });
      }

      const people = run(['participants', '--db', db, '--json']);
      expect(people.status).toBe(0);
      const records = JSON.parse(people.stdout) as Record<string, unknown>[];
      expect(records).toHaveLength(6);
      expect(Object.keys(records[0]!)).toEqual([
        'lastName', 'firstName', 'birthDate', 'gender', 'nationality', 'commune', 'residenceStatus', 'arrivalDate', 'germanLevel', 'phone', 'email', 'caseNumber',
        'residenceGroup', 'nationalityCode',
      ]);
      expect(records[0]).toMatchObject({ lastName: 'Müller', firstName: 'Anna Lena', commune: 'döbeln', caseNumber: '0042' });
    } finally {
      cleanup();
    }
  }, 300_000);

  it('a killed import leaves the database as before, with no partial batch', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = path.join(dir, 'crash.sqlite');
      expect(run(['import', files.english!, '--db', db, '--json']).status).toBe(0);
      const big = path.join(dir, 'big.xlsx');
      await writeBigList(big, 30_000);
      const child = spawn(process.execPath, [bin, 'import', big, '--db', db, '--json'], { stdio: 'ignore' });
      // kill once the import transaction has started writing (the WAL grows past its checkpointed size)
      const wal = `${db}-wal`;
      const start = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && (!fs.existsSync(wal) || fs.statSync(wal).size <= start + 200_000) && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(child.exitCode).toBeNull();
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const people = JSON.parse(run(['participants', '--db', db, '--json']).stdout) as unknown[];
      expect(people).toHaveLength(2);
      // opened with Lotse's own driver (no sqlite3 command-line tool needed): intact and without a partial batch
      const check = await openDatabase(db, { create: false });
      try {
        const ok = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(check.db);
        expect(ok.rows[0]?.integrity_check).toBe('ok');
        const batches = await check.db.selectFrom('import_batches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(batches.n)).toBe(1);
      } finally {
        await check.close();
      }
    } finally {
      cleanup();
    }
  }, 180_000);
});

describe('real program output', () => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)('reads LibreOffice-saved .xlsx and .ods like the original and refuses .xls with the hint', async () => {
    const out = path.join(corpusDir.dir, 'lo');
    const profile = path.join(corpusDir.dir, 'lo-profile');
    for (const target of ['xlsx', 'xls', 'ods']) {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', out, files.messy!], { timeout: 120_000, stdio: 'ignore' });
    }
    const app = await tempApp();
    try {
      const original = await previewImport(app.ctx.reader, files.messy!, 'messy.xlsx', { today });
      const rows = (p: typeof original) => p.sample.map(({ row, outcome, lastName, firstName, birthDate, commune, caseNumber }) => ({ row, outcome, lastName, firstName, birthDate, commune, caseNumber }));
      for (const ext of ['xlsx', 'ods']) {
        const p = await previewImport(app.ctx.reader, path.join(out, `messy.${ext}`), `messy.${ext}`, { today });
        expect(p.counts).toMatchObject({ rowsTotal: 11, imported: 6, duplicatesInFile: 1, rejectedCount: 4 });
        expect(p.sample.find((s) => s.row === 16)?.birthDate).toBe('1988-02-29');
        expect(p.sheet).toBe(original.sheet);
        expect(rows(p)).toEqual(rows(original));
      }
      await expect(previewImport(app.ctx.reader, path.join(out, 'messy.xls'), 'messy.xls', { today })).rejects.toMatchObject({
        code: 'unsupported_format',
        message: expect.stringContaining('bitte als .ods oder .xlsx speichern') as string,
      });
    } finally {
      await app.dispose();
    }
  }, 240_000);
});
