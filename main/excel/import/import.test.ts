import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-db.js';
import { writeCorpus } from '../fixtures/corpus.js';
import { analyseFile } from './analyse.js';
import { detectSeparator, parseCsv, readWorkbook } from './read.js';
import { fieldForHeader, findHeader, parseRows, proposeMapping, splitFullName } from './table.js';
import { parseDate, parseGender, parseLevel, text } from './values.js';

const today = '2026-11-24';
let dir: { dir: string; cleanup: () => void };
let files: Record<string, string>;

beforeAll(async () => {
  dir = tempDir('lotse-import-');
  files = await writeCorpus(dir.dir);
});
afterAll(() => dir.cleanup());

describe('values', () => {
  it('parses text dates, serials and two-digit years', () => {
    expect(parseDate('14.05.1990', 'birth', today)).toEqual({ ok: true, value: '1990-05-14' });
    expect(parseDate('1990-05-14', 'birth', today)).toEqual({ ok: true, value: '1990-05-14' });
    expect(parseDate('3.7.85', 'birth', today)).toEqual({ ok: true, value: '1985-07-03' });
    expect(parseDate('5.6.10', 'birth', today)).toEqual({ ok: true, value: '2010-06-05' });
    // 2012-12-12 would be younger than 14 on 2026-11-24
    expect(parseDate('12.12.12', 'birth', today)).toEqual({ ok: true, value: '1912-12-12' });
    expect(parseDate('12.12.12', 'past', today)).toEqual({ ok: true, value: '2012-12-12' });
    expect(parseDate('1.1.30', 'past', today)).toEqual({ ok: true, value: '1930-01-01' });
    expect(parseDate('32874', 'birth', today)).toEqual({ ok: true, value: '1990-01-01' });
    expect(parseDate(32874, 'birth', today)).toEqual({ ok: true, value: '1990-01-01' });
    expect(parseDate('14.05.1990 00:00:00', 'birth', today)).toEqual({ ok: true, value: '1990-05-14' });
    expect(parseDate(new Date(Date.UTC(1990, 4, 13, 23, 59, 59, 999)), 'birth', today)).toEqual({ ok: true, value: '1990-05-14' });
    expect(parseDate('31.02.1990', 'birth', today)).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseDate('unbekannt', 'birth', today)).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseDate('14. Mai 1990', 'birth', today)).toEqual({ ok: true, value: '1990-05-14' });
    expect(parseDate('3 März 85', 'birth', today)).toEqual({ ok: true, value: '1985-03-03' });
    expect(parseDate(1990, 'birth', today)).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseDate(null, 'birth', today)).toEqual({ ok: true, value: null });
  });

  it('maps gender, CEFR level and cleans text', () => {
    expect(['w', 'weiblich', 'Female', 'F', 'Frau'].map(parseGender)).toEqual(['w', 'w', 'w', 'w', 'w']);
    expect(['m', 'männlich', 'MALE', 'Herr'].map(parseGender)).toEqual(['m', 'm', 'm', 'm']);
    expect(['d', 'divers', 'keine Angabe', null].map(parseGender)).toEqual(['d', 'd', null, null]);
    expect(['A2.1', 'B1 (Zertifikat)', 'keine', 'c1', 'Niveau A1/A2'].map(parseLevel)).toEqual(['A2', 'B1', null, 'C1', 'A1']);
    expect(text('  Anna \n  Lena\u00a0 ')).toBe('Anna Lena');
    expect(text(1761234)).toBe('1761234');
    expect(text('   ')).toBeNull();
  });

  it('normalises cells as typed input is (issue 12): NFC, control characters dropped', () => {
    // "Müller" with a combining diaeresis becomes the precomposed form the person form stores
    expect(text('Mu\u0308ller')).toBe('M\u00fcller');
    expect(text('Ali\u0000 Hassan\u001b')).toBe('Ali Hassan');
    expect(text('\u0000\u0007')).toBeNull();
  });

  it('refuses a row whose name has no letter (zero-width spaces, digits)', () => {
    const sheet = {
      name: 'Liste',
      rows: [
        { rowNumber: 1, cells: ['Nachname', 'Vorname'] },
        { rowNumber: 2, cells: ['\u200b\u200b', 'Anna'] },
        { rowNumber: 3, cells: ['Schmidt', '123'] },
        { rowNumber: 4, cells: ['Schmidt', 'Anna'] },
      ],
    };
    const layout = findHeader(sheet);
    const parsed = parseRows(sheet, layout, proposeMapping(layout.headers), today);
    expect(parsed.accepted.map((r) => r.record.lastName)).toEqual(['Schmidt']);
    expect(parsed.rejected.map((r) => [r.row, r.message])).toEqual([
      [2, 'Ein Name braucht mindestens einen Buchstaben'],
      [3, 'Ein Name braucht mindestens einen Buchstaben'],
    ]);
  });
});

describe('headers', () => {
  it('recognises German and English variants', () => {
    const cases: Record<string, string> = {
      Nachname: 'lastName', Familienname: 'lastName', 'Last name': 'lastName', Vorname: 'firstName', 'Geb.-Datum': 'birthDate',
      'geb. am': 'birthDate', 'Date of birth': 'birthDate', 'Staatsangehörigkeit': 'nationality', 'Nationalität': 'nationality',
      Wohnort: 'commune', Kommune: 'commune', Gemeinde: 'commune', Aufenthaltsstatus: 'residenceStatus',
      'in Sachsen seit': 'arrivalDate', Sprachniveau: 'germanLevel', 'Tel.': 'phone', 'E-Mail': 'email', 'Az.': 'caseNumber',
      Fallnummer: 'caseNumber', 'Nachname, Vorname': 'fullName', 'Geburtsdatum (TT.MM.JJJJ)': 'birthDate',
    };
    for (const [h, field] of Object.entries(cases)) expect([h, fieldForHeader(h)]).toEqual([h, field]);
    expect(fieldForHeader('Lfd. Nr.')).toBeNull();
    expect(proposeMapping(['Name', 'Geburtsdatum'])).toEqual(['fullName', 'birthDate']);
    expect(proposeMapping(['Name', 'Vorname'])).toEqual(['lastName', 'firstName']);
    expect(splitFullName('Müller, Anna')).toEqual({ lastName: 'Müller', firstName: 'Anna' });
  });
});

describe('csv', () => {
  it('detects separators and keeps quoted separators and line breaks', () => {
    expect(detectSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b,c\n1,"2;x",3')).toBe(',');
    expect(detectSeparator('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectSeparator('Name,Vorname;Geburtsdatum;Ort\nA, B;1.1.1990;X')).toBe(';');
    const rows = parseCsv('A;B\n"x;y";"1\n2"\n\n"q""uote";z\n', ';');
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['A', 'B'] },
      { rowNumber: 2, cells: ['x;y', '1\n2'] },
      { rowNumber: 4, cells: ['q"uote', 'z'] },
    ]);
  });

  it('honours Excel\'s "sep=" line and numbers records from the header', async () => {
    const file = path.join(dir.dir, 'sep.csv');
    fs.writeFileSync(file, 'sep=,\nNachname;Zusatz,Vorname,Geburtsdatum\nLee;x,Min,1.1.1990\n');
    const a = await analyseFile(file, { today, sheet: 'Blatt1' });
    expect(a.table.accepted.map((r) => [r.row, r.record.lastName, r.record.firstName])).toEqual([[2, 'Lee;x', 'Min']]);
  });

  it('reads Windows-1252 with a multi-line field, numbering records with the header as 1', async () => {
    const a = await analyseFile(files.win1252!, { today });
    expect(a.mapping.slice(0, 4)).toEqual(['fullName', 'birthDate', 'nationality', 'commune']);
    expect(a.table.accepted.map((r) => [r.row, r.record.lastName, r.record.firstName, r.record.birthDate, r.record.nationality])).toEqual([
      [2, 'Öztürk', 'Ayla', '1992-08-07', 'türkisch'],
      [3, 'Weiß', 'Jürgen', '2003-02-01', 'deutsch'],
    ]);
    expect(a.table.rejected).toEqual([{ row: 5, reason: 'missing_required', message: 'Vorname fehlt' }]);
    expect(a.table.rowsTotal).toBe(3);
  });

  it('reads UTF-8 with BOM (comma) and without (tab), keeping leading zeros', async () => {
    const bom = await analyseFile(files.utf8bom!, { today });
    expect(bom.table.accepted.map((r) => [r.record.lastName, r.record.firstName, r.record.birthDate])).toEqual([
      ['Smith, Jr.', 'John', '1980-01-31'],
      ['Čapek', 'Karel', '1990-01-09'],
    ]);
    // the footer sits in the last-name column and is still no person
    expect(bom.table.rowsTotal).toBe(2);
    const tab = await analyseFile(files.tab!, { today });
    expect(tab.table.accepted[0]!.record).toMatchObject({ lastName: 'Doğan', phone: '01761234', caseNumber: '007', birthDate: '2000-02-02' });
  });
});

describe('xlsx', () => {
  it('finds the list sheet, the header below titles, skips blanks and the footer', async () => {
    const a = await analyseFile(files.messy!, { today });
    expect(a.sheet).toBe('Teilnehmende');
    expect(a.sheets.map((s) => s.name)).toEqual(['Hinweise', 'Teilnehmende']);
    expect(a.layout.headerRow).toBe(4);
    expect(a.table.rowsTotal).toBe(11);
    expect(a.table.rejected).toEqual([
      { row: 9, reason: 'missing_required', message: 'Vorname fehlt' },
      { row: 10, reason: 'invalid_date', message: expect.stringContaining('31.02.1990') as string },
      { row: 11, reason: 'out_of_range', message: expect.any(String) as string },
      { row: 12, reason: 'out_of_range', message: expect.any(String) as string },
    ]);
    const byRow = new Map(a.table.accepted.map((r) => [r.row, r]));
    expect(byRow.get(5)!.record).toEqual({
      lastName: 'Müller', firstName: 'Anna Lena', birthDate: '1990-05-14', gender: 'w', nationality: 'Syrien', commune: 'döbeln',
      residenceStatus: 'Aufenthaltsgestattung', arrivalDate: '2023-03-01', germanLevel: 'A2', phone: '0176 1234567',
      email: 'anna@example.org', caseNumber: '0042', notes: null,
    });
    expect(byRow.get(6)!.record).toMatchObject({ lastName: 'Al-Hassan', birthDate: '1985-07-03', arrivalDate: '2022-10-01', germanLevel: 'B1', caseNumber: 'AZ-7' });
    expect(byRow.get(6)!.warnings).toEqual([{ row: 6, field: 'email', reason: 'invalid_email', message: expect.any(String) as string }]);
    expect(byRow.get(7)!.record).toMatchObject({ firstName: 'Thi Mai', birthDate: '1990-01-01', gender: 'w', germanLevel: null });
    expect(byRow.get(14)!.record.birthDate).toBe('1912-12-12');
    expect(byRow.get(15)!.record).toMatchObject({ birthDate: '2010-06-05', gender: 'd' });
    expect(byRow.get(16)!.record.birthDate).toBe('1988-02-29');
  });

  it('reports file-level problems with their codes', async () => {
    const code = (file: string) =>
      readWorkbook(file).then(
        () => analyseFile(file, { today }).then(() => 'ok', (e: { code: string }) => e.code),
        (e: { code: string }) => e.code,
      );
    expect(await code(files.png!)).toBe('not_a_spreadsheet');
    expect(await code(files.truncated!)).toBe('corrupt_file');
    expect(await code(files.encrypted!)).toBe('password_protected');
    expect(await code(files.oldXls!)).toBe('unsupported_format');
    expect(await code(files.empty!)).toBe('empty_file');
    expect(await code(files.blank!)).toBe('empty_file');
    expect(await code(files.headerOnly!)).toBe('no_data_rows');
  });
});
