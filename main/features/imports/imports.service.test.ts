import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigList, writeCorpus } from '../../excel/fixtures/corpus.js';
import { tempApp, tempDir } from '../../test/temp-db.js';
import { canonicalParticipants, commitImport, previewImport, undoBatch } from './imports.service.js';
import { openDatabase } from '../../db/open.js';

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
      expect(fs.readdirSync(path.join(app.dir, 'backups')).some((f) => f.includes('vor-import'))).toBe(true);

      const second = await commitImport(app.ctx.open, files.messy!, 'messy.xlsx', { today });
      expect([second.imported, second.existingMatched, second.duplicatesInFile, second.rejected.length]).toEqual([0, 6, 1, 4]);
      expect(await count(app)).toBe(6);

      // a person entered by hand before is matched and only her empty fields are filled
      await app.ctx.db.insertInto('participants').values({ last_name: 'Haddad', first_name: 'Sara', birth_date: '1997-01-20', nationality: 'syrisch', name_key: 'haddad|sara|1997-01-20', search_text: 'haddad sara' }).execute();
      const third = await commitImport(app.ctx.open, files.english!, 'english.xlsx', { today });
      expect([third.rowsTotal, third.imported, third.existingMatched, third.duplicatesInFile]).toEqual([3, 1, 1, 1]);
      const sara = await app.ctx.db.selectFrom('participants').selectAll().where('first_name', '=', 'Sara').executeTakeFirstOrThrow();
      expect(sara).toMatchObject({ nationality: 'syrisch', gender: 'w', commune_text: 'Dresden', phone: '0049 176 99', import_batch_id: null });

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
      expect(out.warnings).toEqual([{ row: 6, field: 'email', reason: 'invalid_email', message: expect.any(String) as string }]);

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
  it.skipIf(!soffice)('reads LibreOffice-saved .xlsx like the original and refuses .xls/.ods with the hint', async () => {
    const out = path.join(corpusDir.dir, 'lo');
    const profile = path.join(corpusDir.dir, 'lo-profile');
    for (const target of ['xlsx', 'xls', 'ods']) {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', out, files.messy!], { timeout: 120_000, stdio: 'ignore' });
    }
    const app = await tempApp();
    try {
      const p = await previewImport(app.ctx.reader, path.join(out, 'messy.xlsx'), 'messy.xlsx', { today });
      expect(p.counts).toMatchObject({ rowsTotal: 11, imported: 6, duplicatesInFile: 1, rejectedCount: 4 });
      expect(p.sample.find((s) => s.row === 16)?.birthDate).toBe('1988-02-29');
      for (const ext of ['xls', 'ods']) {
        await expect(previewImport(app.ctx.reader, path.join(out, `messy.${ext}`), `messy.${ext}`, { today })).rejects.toMatchObject({
          code: 'unsupported_format',
          message: expect.stringContaining('bitte als .xlsx speichern') as string,
        });
      }
    } finally {
      await app.dispose();
    }
  }, 240_000);
});
