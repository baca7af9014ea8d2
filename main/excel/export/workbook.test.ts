import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { addSumCell, addTableSheet, columnLetter, createWorkbook, formats, writeWorkbook } from './workbook.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-wb-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbook helpers', () => {
  it('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('writes real dates and numbers, keeps formula-like text as text, sums an empty table to 0', async () => {
    const wb = createWorkbook();
    const cols = [
      { key: 'name', header: 'Name', kind: 'text' as const },
      { key: 'day', header: 'Datum', kind: 'date' as const },
      { key: 'amount', header: 'Betrag', kind: 'euro' as const },
    ];
    const t = addTableSheet(wb, 'Liste', cols, [
      { name: '=HYPERLINK("http://evil","klick")', day: '2026-11-24', amount: 123456 },
      { name: '+49 351 123', day: null, amount: 1 },
      { name: '@SUM(A1)', day: '2026-02-28', amount: null },
    ]);
    addSumCell(t, t.lastDataRow + 1, 'amount', 'euro', 123457);
    const empty = addTableSheet(wb, 'Leer', cols, [], { landscape: false });
    addSumCell(empty, empty.lastDataRow + 1, 'amount', 'euro', 0);
    const file = path.join(dir, 'helpers.xlsx');
    await writeWorkbook(wb, file);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet('Liste')!;
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://evil","klick")');
    expect(ws.getCell('A3').value).toBe('+49 351 123');
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 10, 24)));
    expect(ws.getCell('B2').numFmt).toBe(formats.date);
    expect(ws.getCell('C2').value).toBe(1234.56);
    expect(ws.getCell('C2').numFmt).toBe('#,##0.00 €');
    expect(ws.getCell('C5').value).toEqual({ formula: 'SUM(C2:C4)', result: 1234.57 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    const leer = back.getWorksheet('Leer')!;
    expect(leer.getCell('C2').value).toBe(0);
    expect(leer.pageSetup.orientation).toBe('portrait');
  });
});
