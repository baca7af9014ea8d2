import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** The 50,000-row participant list as .xlsx and as German-Excel CSV (semicolons). */
export async function writeImportFiles(dir: string, n: number): Promise<{ xlsx: string; csv: string }> {
  const xlsx = path.join(dir, 'teilnehmende-50000.xlsx');
  const csv = path.join(dir, 'teilnehmende-50000.csv');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const ws = wb.addWorksheet('Teilnehmende');
  const header = ['Nachname', 'Vorname', 'Geburtsdatum', 'Geschlecht', 'Staatsangehörigkeit', 'Wohnort', 'Aufenthaltsstatus', 'Sprachniveau', 'Telefon', 'E-Mail', 'Aktenzeichen'];
  ws.addRow(header).commit();
  const lines = [header.join(';')];
  for (let i = 0; i < n; i++) {
    // every tenth row is someone already in the database (same case number scheme as generate.ts)
    const existing = i % 10 === 0;
    const r = [
      existing ? 'Müller' : `Import${i}`,
      'Amina',
      new Date(Date.UTC(1970 + (i % 40), i % 12, 1 + (i % 27))),
      i % 2 ? 'weiblich' : 'männlich',
      'Syrien',
      'Dresden',
      'Aufenthaltserlaubnis',
      'B1',
      `0351 ${String(100000 + i)}`,
      `person${i}@example.org`,
      existing ? `AZ-${String(i).padStart(6, '0')}` : `IM-${i}`,
    ];
    ws.addRow(r).commit();
    const d = r[2] as Date;
    lines.push([...r.slice(0, 2), `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`, ...r.slice(3)].join(';'));
  }
  ws.commit();
  await wb.commit();
  fs.writeFileSync(csv, `${lines.join('\r\n')}\r\n`, 'utf8');
  return { xlsx, csv };
}
