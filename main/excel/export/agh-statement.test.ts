import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '../../../shared/domain/placements.js';
import { saveHours } from '../../features/placements/hours.service.js';
import { addPerson, aghProgram, enrol } from '../../features/placements/placements.seed.js';
import { createPlacement } from '../../features/placements/placements.service.js';
import { monthlyStatement } from '../../features/placements/statement.service.js';
import { tempApp } from '../../test/temp-db.js';
import { writeAghStatement } from './agh-statement.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;
let programId = 0;
let doebeln = 0;
let statement: Statement;

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;

/** "1,234.56 €" or "1.234,56 €" → cents; LibreOffice shows cells in its locale's format, always 2 decimals here. */
function csvCents(text: string): number {
  const t = text.replace(/[€\s"]/g, '');
  const m = /^(\d[\d.,]*?)[.,](\d{2})$/.exec(t);
  if (!m) throw new Error(`not an amount with two decimals: ${text}`);
  return Number(m[1]!.replace(/[.,]/g, '')) * 100 + Number(m[2]);
}

beforeAll(async () => {
  app = await tempApp();
  const db = app.ctx.db;
  const made = await aghProgram(db, { Döbeln: 3, Freiberg: 3 });
  programId = made.programId;
  doebeln = made.communeIds['Döbeln']!;
  const people = [
    ['Müller', 'Anna'],
    ['Al-Ḥaddād', 'Yūsuf'],
    ['=HYPERLINK("http://x")', 'Eve'],
  ] as const;
  const placements: number[] = [];
  for (const [last, first] of people) {
    const en = await enrol(db, await addPerson(db, { lastName: last, firstName: first }), programId);
    placements.push(
      (
        await createPlacement(db, {
          enrollmentId: en,
          communeId: doebeln,
          site: 'Bauhof Döbeln',
          activity: 'Stadtverschönerung',
          startDate: '2026-10-01',
          hoursPerWeek: 20,
        })
      ).id,
    );
  }
  // November: Müller 3,5 h every weekday; Al-Ḥaddād 0,25 h steps; the third 7,75 h on two days; an October day
  // and a Freiberg placement must not count
  const entries = [];
  for (let d = 1; d <= 30; d++) {
    const day = `2026-11-${String(d).padStart(2, '0')}`;
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    entries.push({ placementId: placements[0]!, workDate: day, hoursX100: 350 });
    entries.push({ placementId: placements[1]!, workDate: day, hoursX100: 25 * ((d % 4) + 1) });
  }
  entries.push({ placementId: placements[2]!, workDate: '2026-11-10', hoursX100: 775 });
  entries.push({ placementId: placements[2]!, workDate: '2026-11-11', hoursX100: 775 });
  entries.push({ placementId: placements[0]!, workDate: '2026-10-30', hoursX100: 800 });
  await saveHours(db, entries);
  const other = await enrol(db, await addPerson(db, { lastName: 'Nowak', firstName: 'Piotr' }), programId);
  const fb = await createPlacement(db, {
    enrollmentId: other,
    communeId: made.communeIds['Freiberg']!,
    site: 'Tierpark',
    activity: 'Pflege',
    startDate: '2026-10-01',
  });
  await saveHours(db, [{ placementId: fb.id, workDate: '2026-11-02', hoursX100: 500 }]);
  statement = await monthlyStatement(app.ctx.reader, programId, doebeln, '2026-11');
});
afterAll(async () => {
  await app.dispose();
});

describe('AGH monthly statement (service, workbook, LibreOffice, CLI)', () => {
  it('sums hours and integer cents per placement for the commune and month only', () => {
    // 21 weekdays in November 2026
    const mueller = statement.rows.find((r) => r.participantName === 'Müller, Anna')!;
    expect(mueller.hoursX100).toBe(21 * 350);
    expect(mueller.amountCents).toBe(5880); // 73,5 h × 0,80 €
    expect(statement.rows).toHaveLength(3);
    const expectedHours = statement.rows.reduce((s, r) => s + r.hoursX100, 0);
    expect(statement.totalHoursX100).toBe(expectedHours);
    expect(statement.totalCents).toBe(statement.rows.reduce((s, r) => s + Math.floor((r.hoursX100 * 80 + 50) / 100), 0));
    expect(statement.rows.map((r) => r.participantName)).not.toContain('Nowak, Piotr');
  });

  it('exports a workbook with real numbers, euro format, a SUM formula and print layout (read back with exceljs)', async () => {
    const file = path.join(app.dir, 'statement.xlsx');
    await writeAghStatement(statement, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Abrechnung')!;
    expect(ws.getCell('A1').value).toBe('Aufwandsentschädigung AGH – Döbeln – November 2026');
    const header = 4;
    expect(ws.getRow(header).values).toEqual([
      undefined,
      'Nr.',
      'Name, Vorname',
      'Aktenzeichen',
      'Einsatzstelle',
      'Tätigkeit',
      'Stunden',
      '€ je Stunde',
      'Entschädigung',
      'Mehraufwand',
      'Gesamt',
    ]);
    expect(ws.getCell(header, 2).font?.bold).toBe(true);
    const first = ws.getRow(header + 1);
    expect(typeof first.getCell(6).value).toBe('number');
    expect(first.getCell(8).numFmt).toBe('#,##0.00 €');
    // formula injection: the name is a plain string cell, never a formula
    const evil = ws.getColumn(2).values.find((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'));
    expect(typeof evil).toBe('string');
    const sumRow = ws.getRow(header + 1 + statement.rows.length);
    expect(sumRow.getCell(2).value).toBe('Summe');
    const sum = sumRow.getCell(8).value as { formula: string; result: number };
    expect(sum.formula).toBe(`SUM(H5:H${4 + statement.rows.length})`);
    expect(Math.round(sum.result * 100)).toBe(statement.totalCents);
    const cellsSum = statement.rows.reduce((s, _r, i) => s + Math.round((ws.getCell(header + 1 + i, 8).value as number) * 100), 0);
    expect(cellsSum).toBe(statement.totalCents);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it.skipIf(!hasSoffice)('LibreOffice converts it to CSV with the same sum, also when it must recompute the formula', async () => {
    const out = path.join(app.dir, 'csv');
    const file = path.join(app.dir, 'statement-lo.xlsx');
    await writeAghStatement(statement, file);
    // a copy without cached results forces LibreOffice to evaluate the SUM itself
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Abrechnung')!;
    const sumRow = 5 + statement.rows.length;
    for (const col of [6, 8]) {
      const v = ws.getCell(sumRow, col).value as { formula: string };
      ws.getCell(sumRow, col).value = { formula: v.formula } as ExcelJS.CellFormulaValue;
    }
    const uncached = path.join(app.dir, 'statement-uncached.xlsx');
    await wb.xlsx.writeFile(uncached);
    // UTF-8, comma separated, cells as shown (so the euro format is visible in the CSV)
    const csvFilter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true';
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(app.dir, 'lo-profile')}`, '--headless', '--convert-to', csvFilter, '--outdir', out, file, uncached], {
      timeout: 120_000,
      stdio: 'ignore',
    });
    for (const name of ['statement-lo.csv', 'statement-uncached.csv']) {
      const lines = fs.readFileSync(path.join(out, name), 'utf8').trim().split(/\r?\n/);
      const summe = lines.find((l) => l.includes('Summe'))!;
      expect(summe, name).toBeTruthy();
      const cells = summe.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
      expect(cells[7], name).toContain('€');
      expect(csvCents(cells[7]!), name).toBe(statement.totalCents);
      expect(csvCents(cells[5]!), name).toBe(statement.totalHoursX100);
    }
  }, 180_000);

  it('the CLI writes the same statement', async () => {
    const out = path.join(app.dir, 'cli.xlsx');
    const bin = path.resolve(import.meta.dirname, '../../../bin/lotse.mjs');
    const res = spawnSync(process.execPath, [bin, 'report', 'agh-statement', '--db', app.dbPath, '--program', 'AGH Test', '--commune', 'döbeln', '--month', '2026-11', '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Abrechnung')!;
    const sum = ws.getCell(5 + statement.rows.length, 8).value as { result: number };
    expect(Math.round(sum.result * 100)).toBe(statement.totalCents);
    const bad = spawnSync(process.execPath, [bin, 'report', 'nope', '--db', app.dbPath], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unbekannter Bericht');
  }, 120_000);
});
