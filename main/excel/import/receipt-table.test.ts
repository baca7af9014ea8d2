import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from './read.js';
import { findReceiptHeader, parseReceiptRows, pickReceiptSheet, proposeReceiptMapping } from './receipt-table.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-receipts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const positions = [
  { key: 'sach', label: 'Sachausgaben', kind: 'betrag' },
  { key: 'pauschale', label: 'Verwaltungspauschale', kind: 'pauschale' },
];

describe('receipts from an .xlsx accounting export', () => {
  it('takes real dates and numeric amounts exactly, refusing a third decimal', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Deckblatt').getCell('A1').value = 'Export';
    const ws = wb.addWorksheet('Buchungen');
    ws.addRow(['Datum', 'Belegnummer', 'Verwendungszweck', 'Position', 'Betrag']);
    ws.addRow([new Date(Date.UTC(2026, 2, 5)), 4711, 'Papier', 'Sachausgaben', 1234.56]);
    ws.addRow([new Date(Date.UTC(2026, 2, 6)), 4712, 'Toner', 'sach', 0.1 + 0.2]);
    ws.addRow([new Date(Date.UTC(2026, 2, 7)), 4713, 'Rundung', 'sach', 12.345]);
    ws.addRow([new Date(Date.UTC(2026, 2, 8)), 4714, 'Aufwandsentschaedigung AGH März', 'sach', 8]);
    const file = path.join(dir, 'export.xlsx');
    await wb.xlsx.writeFile(file);

    const sheet = pickReceiptSheet((await readWorkbook(file)).sheets);
    expect(sheet.name).toBe('Buchungen');
    const layout = findReceiptHeader(sheet);
    const mapping = proposeReceiptMapping(layout.headers);
    expect(mapping).toEqual(['date', 'number', 'purpose', 'position', 'amount']);
    const parsed = parseReceiptRows(sheet, layout, mapping, positions, '2026-12-01');
    expect(parsed.accepted.map((r) => [r.date, r.number, r.positionKey, r.amountCents])).toEqual([
      ['2026-03-05', '4711', 'sach', 1_234_56],
      ['2026-03-06', '4712', 'sach', 30],
    ]);
    expect(parsed.rejected).toEqual([
      { row: 4, reason: '„12,345“ ist kein Betrag (höchstens zwei Nachkommastellen)', reasonEn: '"12,345" is not an amount (at most two decimals)' },
      { row: 5, reason: expect.stringMatching(/aus den erfassten Stunden/), reasonEn: expect.stringMatching(/recorded hours/) },
    ]);
  });
});
