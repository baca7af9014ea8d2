import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeList, odsContent, writeOds } from '../../excel/fixtures/ods.js';
import { tempApp, tempDir } from '../../test/temp-db.js';
import { commitImport, previewImport, previewRows, undoBatch, undoImpact } from './imports.service.js';

/**
 * Issue 19 item 6: an .ods list imports like an .xlsx; the preview pages through every row with its warnings; a
 * matched row says whom it matched and why; undo names what it removes; a "Bemerkung" column fills the notes.
 */
const today = '2026-12-03';
let dir: { dir: string; cleanup: () => void };
let ods: string;
let long: string;

beforeAll(async () => {
  dir = tempDir('lotse-import-stumbles-');
  ods = await writeOds(path.join(dir.dir, 'liste.ods'), odsContent(libreOfficeList));
  // 45 people, every third with a broken e-mail (a warning), rows 12 and 40 the same person
  const lines = ['Nachname;Vorname;Geburtsdatum;E-Mail;Bemerkungen'];
  for (let i = 0; i < 45; i++) {
    const n = i === 38 ? 10 : i;
    lines.push(`Person${n};Noor;0${1 + (n % 9)}.03.1990;${i % 3 === 0 ? `kaputt${i}` : `p${i}@example.org`};${i === 38 ? 'zweite Zeile' : ''}`);
  }
  long = path.join(dir.dir, 'lang.csv');
  fs.writeFileSync(long, lines.join('\r\n'));
});
afterAll(() => dir.cleanup());

describe('import stumbles (issue 19 item 6)', () => {
  it('imports an .ods list, maps "Bemerkung" to the notes, and fills notes only where a person has none', async () => {
    const app = await tempApp();
    try {
      const preview = await previewImport(app.ctx.reader, ods, 'liste.ods', { today });
      expect(preview.sheet).toBe('Teilnehmende');
      expect(preview.mapping).toEqual(['lastName', 'firstName', 'birthDate', 'gender', 'commune', 'caseNumber', 'notes']);
      expect(preview.counts).toMatchObject({ rowsTotal: 4, imported: 3, duplicatesInFile: 1 });
      // Anna Lena Müller, entered before without notes, and Sara Haddad with notes of her own
      const { id: anna } = await app.ctx.db
        .insertInto('participants')
        .values({ last_name: 'Müller', first_name: 'Anna Lena', birth_date: '1990-05-14', name_key: 'mueller|anna lena|1990-05-14', search_text: 'mueller anna lena' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await app.ctx.db
        .insertInto('participants')
        .values({ last_name: 'Haddad', first_name: 'Sara', birth_date: '1997-01-20', name_key: 'haddad|sara|1997-01-20', search_text: 'haddad sara', notes: 'eigene Notiz' })
        .execute();
      const result = await commitImport(app.ctx.open, ods, 'liste.ods', { today }, { backup: false });
      expect([result.imported, result.existingMatched, result.duplicatesInFile]).toEqual([1, 2, 1]);
      const people = await app.ctx.db.selectFrom('participants').select(['last_name', 'notes']).orderBy('id').execute();
      expect(people.map((p) => [p.last_name, p.notes])).toEqual([
        ['Müller', 'kommt dienstags'],
        ['Haddad', 'eigene Notiz'],
        ['Nguyen', null],
      ]);
      const stored = await app.ctx.db.selectFrom('participants').select(['case_number', 'notes']).where('id', '=', anna).executeTakeFirstOrThrow();
      expect(stored).toEqual({ case_number: '4711', notes: 'kommt dienstags' });
      const batch = await app.ctx.db.selectFrom('import_batches').select('sheet').where('id', '=', result.batchId).executeTakeFirstOrThrow();
      expect(batch.sheet).toBe('Teilnehmende');
    } finally {
      await app.dispose();
    }
  });

  it('says whom a row matched and why, in the preview and the result', async () => {
    const app = await tempApp();
    try {
      const { id } = await app.ctx.db
        .insertInto('participants')
        .values({ last_name: 'Nguyen', first_name: 'Thi Mai', birth_date: '1985-07-03', name_key: 'nguyen|thi mai|1985-07-03', search_text: 'nguyen thi mai' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: bySign } = await app.ctx.db
        .insertInto('participants')
        .values({ last_name: 'Haddad-Omar', first_name: 'Sara', case_number: 'az-7', case_number_key: 'az-7', search_text: 'haddad-omar sara az-7' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const preview = await previewImport(app.ctx.reader, ods, 'liste.ods', { today });
      const byRow = new Map(preview.sample.map((s) => [s.row, s]));
      expect(byRow.get(6)).toMatchObject({ outcome: 'matched', match: { id, row: null, lastName: 'Nguyen', firstName: 'Thi Mai', birthDate: '1985-07-03', by: 'nameBirthDate' } });
      expect(byRow.get(5)).toMatchObject({ outcome: 'matched', match: { id: bySign, lastName: 'Haddad-Omar', by: 'caseNumber' } });
      // the second Müller row is the first one again: it names that row of the file
      expect(byRow.get(7)).toMatchObject({ outcome: 'duplicate', match: { id: null, row: 4, lastName: 'Müller', by: 'nameBirthDate' } });
      expect(byRow.get(4)).toMatchObject({ outcome: 'new', match: null });

      const result = await commitImport(app.ctx.open, ods, 'liste.ods', { today }, { backup: false });
      expect(result.matches).toEqual([
        { row: 5, id: bySign, lastName: 'Haddad-Omar', firstName: 'Sara', birthDate: null, by: 'caseNumber' },
        { row: 6, id, lastName: 'Nguyen', firstName: 'Thi Mai', birthDate: '1985-07-03', by: 'nameBirthDate' },
      ]);
    } finally {
      await app.dispose();
    }
  });

  it('pages through every row of the preview, each with its own warnings', async () => {
    const app = await tempApp();
    try {
      const preview = await previewImport(app.ctx.reader, long, 'lang.csv', { today });
      expect(preview.sample).toHaveLength(20);
      expect(preview.counts.rowsTotal).toBe(45);
      const pages = [];
      for (let offset = 0; offset < 45; offset += 20) pages.push(await previewRows(app.ctx.reader, long, { today }, { offset, limit: 20 }));
      expect(pages.map((p) => p.total)).toEqual([45, 45, 45]);
      const rows = pages.flatMap((p) => p.rows);
      expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 45 }, (_, i) => i + 2));
      expect(rows.slice(0, 20)).toEqual(preview.sample);
      // every third row has a broken e-mail address: its warning is at that row and no other
      expect(rows.filter((r) => r.warnings.length > 0).map((r) => r.row)).toEqual(Array.from({ length: 15 }, (_, i) => 2 + 3 * i));
      expect(rows[3]!.warnings[0]).toMatchObject({ row: 5, field: 'email' });
      // row 40 repeats the person of row 12, the notes come with it
      expect(rows[38]).toMatchObject({ row: 40, outcome: 'duplicate', notes: 'zweite Zeile', match: { row: 12, by: 'nameBirthDate' } });
      const past = await previewRows(app.ctx.reader, long, { today }, { offset: 100, limit: 20 });
      expect(past).toEqual({ rows: [], total: 45 });
    } finally {
      await app.dispose();
    }
  });

  it('names what an undo removes: the people the import created and its enrollments, not the matched ones', async () => {
    const app = await tempApp();
    try {
      const { id: programId } = await app.ctx.db
        .insertInto('programs')
        .values({ name: 'AGH Test', start_date: '2026-01-01', hourly_rate_cents: 0, eligibility_rule: '{"op":"and","items":[]}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await app.ctx.db
        .insertInto('participants')
        .values({ last_name: 'Nguyen', first_name: 'Thi Mai', birth_date: '1985-07-03', name_key: 'nguyen|thi mai|1985-07-03', search_text: 'nguyen thi mai' })
        .execute();
      const result = await commitImport(app.ctx.open, ods, 'liste.ods', { today, programId }, { backup: false });
      expect([result.imported, result.existingMatched, result.enrolled]).toEqual([2, 1, 3]);
      expect(await undoImpact(app.ctx.reader, result.batchId)).toEqual({
        batchId: result.batchId,
        fileName: 'liste.ods',
        people: 2,
        enrollments: 3,
        startedEnrollments: 0,
        matchedStay: 1,
      });
      await undoBatch(app.ctx.db, result.batchId);
      await expect(undoImpact(app.ctx.reader, result.batchId)).rejects.toMatchObject({ code: 'conflict' });
      await expect(undoImpact(app.ctx.reader, 999)).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await app.dispose();
    }
  });
});
