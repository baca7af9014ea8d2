import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-db.js';
import { writeAttendanceListPdf } from '../../pdf/attendance-list.js';
import { writeAttendanceListXlsx, type AttendanceListData } from './attendance-list.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const data: AttendanceListData = {
  kindLabel: 'Firmenkontaktbörse',
  title: 'Unternehmen trifft Bewerber/-in',
  date: '2019-04-10',
  place: 'Kulturrathaus Dresden',
  program: 'Arbeitsmarktmentoren Dresden',
  rows: [
    { lastName: 'Al-Hassan', firstName: 'Rami', birthDate: '1994-02-03' },
    { lastName: 'Öztürk', firstName: 'Elif', birthDate: '1998-12-24' },
    { lastName: '=HYPERLINK("x")', firstName: 'Formel', birthDate: null },
    ...Array.from({ length: 30 }, (_, i) => ({ lastName: `Person${i}`, firstName: 'Test', birthDate: null })),
  ],
};

describe('attendance list', () => {
  it('writes a real xlsx with a signature column, German dates and formulas neutralised', async () => {
    const file = path.join(dir, 'list.xlsx');
    await writeAttendanceListXlsx(data, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Teilnehmerliste')!;
    expect(ws.getRow(5).values).toEqual([undefined, 'Nr.', 'Name', 'Vorname', 'Geburtsdatum', 'Unterschrift']);
    expect(ws.getRow(6).getCell(2).value).toBe('Al-Hassan');
    expect(ws.getRow(7).getCell(4).value).toBe('24.12.1998');
    expect(ws.getRow(8).getCell(2).value).toBe(`'=HYPERLINK("x")`);
    expect(ws.getRow(38).getCell(1).value).toBe(33);
  });

  it('writes a real A4 PDF whose text holds the names (umlauts included) over two pages', async () => {
    const file = path.join(dir, 'list.pdf');
    await writeAttendanceListPdf(data, file);
    const doc = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
    expect(doc.numPages).toBe(2);
    const { text: pages } = await extractText(doc, { mergePages: false });
    const text = async (n: number) => (pages[n - 1] ?? '').normalize('NFC');
    const first = await text(1);
    expect(first).toContain('Öztürk');
    expect(first).toContain('Unterschrift');
    expect(first).toContain('Datum: 10.04.2019');
    expect(first).toContain('Seite 1 von 2');
    expect(await text(2)).toContain('Person29');
  });

  it('wraps a long fair title instead of cutting it, on every page, and still fits the rows on A4', async () => {
    const file = path.join(dir, 'long-title.pdf');
    const title = 'Firmenkontaktbörse Pflege, Handwerk und Logistik mit Bewerbungstraining, Dolmetschenden und Kinderbetreuung im Kulturrathaus Endwort';
    await writeAttendanceListPdf({ ...data, title }, file);
    const doc = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
    const { text: pages } = await extractText(doc, { mergePages: false });
    for (const page of pages) {
      const flat = page.normalize('NFC').replace(/\s+/g, ' ');
      expect(flat).toContain('Kinderbetreuung im Kulturrathaus Endwort');
      expect(flat).not.toContain('…');
    }
    expect(pages.join(' ')).toContain('Person29');
    expect(doc.numPages).toBe(2);
  });
});
