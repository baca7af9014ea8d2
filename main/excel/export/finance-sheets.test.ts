import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import { financeSheetNames } from './finance-sheets.js';
import { tempApp } from '../../test/temp-db.js';
import { addPerson, aghProgram, enrol } from '../../features/placements/placements.seed.js';
import { checkFigures } from '../../features/reports/checks.service.js';
import { exportReport, reportData, reportJsonOf } from '../../features/reports/reports.service.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
let app: Awaited<ReturnType<typeof tempApp>>;
let programId: number;
const file = () => path.join(app.dir, 'nachweis.xlsx');
const frame = () => ({ programId, kind: 'program_end' as const, from: '2026-01-01', to: '2026-12-31', confirmRunning: true });
const created = new Date(Date.UTC(2027, 0, 15));

async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as OutputOf<N>;
}

/**
 * Staff at exactly 20 % over plan (allowed, rent saves more than that), travel one cent beyond 20 %, participant
 * costs with AGH hours, and one receipt dated before the grant period.
 */
beforeAll(async () => {
  app = await tempApp();
  const db = app.ctx.db;
  const seeded = await aghProgram(db, { Döbeln: 2 });
  programId = seeded.programId;
  await call('finance.savePlan', {
    programId,
    decisionDate: '2025-12-10',
    reference: 'SAB 4711',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    financingKind: 'fehlbedarf',
    eligibleTotalCents: 25_000_00,
    positions: [
      { key: 'personal', label: 'Personalausgaben', plannedCents: 10_000_00 },
      { key: 'miete', label: 'Miete', plannedCents: 10_000_00 },
      { key: 'reisen', label: 'Reisekosten', plannedCents: 1_000_00 },
      { key: 'teilnehmende', label: 'Teilnehmendenkosten', kind: 'teilnehmendenkosten', plannedCents: 2_000_00 },
      { key: 'verwaltung', label: 'Verwaltungspauschale', kind: 'pauschale', percentBp: 500 },
    ],
    income: [{ key: 'zuwendung', plannedCents: 22_000_00 }, { key: 'eigenmittel', plannedCents: 2_150_00 }],
  });
  const person = await addPerson(db, { lastName: 'Test', firstName: 'Anna', birthDate: '1990-01-01' });
  const enrollmentId = await enrol(db, person, programId, { appliedOn: '2026-01-02' });
  const pl = await call('placements.create', { enrollmentId, communeId: seeded.communeIds['Döbeln']!, site: 'Bauhof', activity: 'Pflege', startDate: '2026-03-02', hoursPerWeek: 20, agreementSignedOn: '2026-02-01' });
  await call('placements.saveHours', { entries: [{ placementId: pl.id, workDate: '2026-03-03', hoursX100: 725 }] });
  const receipts: [string, string, number, string][] = [
    ['2026-06-30', 'personal', 6_000_00, 'Gehalt 1. Hj.'],
    ['2026-12-31', 'personal', 6_000_00, 'Gehalt 2. Hj.'],
    ['2026-02-01', 'miete', 7_000_00, 'Miete'],
    ['2026-05-05', 'reisen', 1_200_01, 'Fahrtkosten'],
    ['2026-03-10', 'teilnehmende', 45_90, 'Handschuhe'],
    ['2025-11-30', 'miete', 99_00, 'Kaution (vor Bewilligung)'],
  ];
  for (const [date, positionKey, amountCents, purpose] of receipts) {
    // paid from May on: the earlier lines have no paid date
    await call('finance.createReceipt', { programId, date, positionKey, amountCents, purpose, number: `B-${date}`, paidOn: date >= '2026-05-01' ? date : null });
  }
  await call('finance.createPayment', { programId, date: '2026-03-01', amountCents: 15_000_00 });
  await exportReport(app.ctx.reader, frame(), file(), { created });
}, 60_000);
afterAll(async () => app?.dispose());

async function workbook(f = file()) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
}
// exceljs leaves out a cached result of 0 when it reads a file back
const cached = (c: ExcelJS.Cell) => (typeof c.value === 'object' && c.value !== null && 'formula' in c.value ? Number(c.value.result ?? 0) : Number(c.value));
const rowOf = (ws: ExcelJS.Worksheet, col: number, text: string) => {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && row.getCell(col).value === text) found = n;
  });
  return found;
};

describe('zahlenmäßiger Nachweis in the report', () => {
  it('gives the money in the JSON with the stable keys, the AGH compensation once', async () => {
    const json = reportJsonOf(await reportData(app.ctx.reader, frame(), created), programId);
    const f = json.finance!;
    // 7,25 h × 0,80 € = 5,80 € of AGH compensation on the participant costs
    expect(f.positions).toEqual([
      { key: 'personal', label: 'Personalausgaben', plannedCents: 10_000_00, actualCents: 12_000_00 },
      { key: 'miete', label: 'Miete', plannedCents: 10_000_00, actualCents: 7_000_00 },
      { key: 'reisen', label: 'Reisekosten', plannedCents: 1_000_00, actualCents: 1_200_01 },
      { key: 'teilnehmende', label: 'Teilnehmendenkosten', plannedCents: 2_000_00, actualCents: 45_90 + 5_80 },
      { key: 'verwaltung', label: 'Verwaltungspauschale', plannedCents: 1_150_00, actualCents: Math.round((20_251_71 * 5) / 100) },
    ]);
    expect(f.receipts).toBe(5);
    expect(f.receiptsTotalCents).toBe(20_245_91);
    expect(f.plannedCents).toBe(24_150_00);
    expect(f.actualCents).toBe(20_251_71 + 1_012_59);
    expect(f.income).toEqual([
      { key: 'zuwendung', plannedCents: 22_000_00, actualCents: 15_000_00 },
      { key: 'eigenmittel', plannedCents: 2_150_00, actualCents: 0 },
    ]);
    expect(json.agh.compensationCents).toBe(5_80);
  });

  it('prints the same money through the CLI (`report program-end --json`)', async () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/lotse.mjs');
    const res = spawnSync(process.execPath, [bin, 'report', 'program-end', '--db', app.dbPath, '--program', 'AGH Test', '--from', '2026-01-01', '--to', '2026-12-31', '--kind', 'interim', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.stderr).toBe('');
    const json = JSON.parse(res.stdout) as ReturnType<typeof reportJsonOf>;
    const data = await reportData(app.ctx.reader, { ...frame(), kind: 'interim' }, created);
    expect(json.finance).toEqual(reportJsonOf(data, programId).finance);
    expect(json.finance!.actualCents).toBe(21_264_30);
  }, 90_000);

  it('names the receipt outside the grant period as a finding of the checks', async () => {
    const findings = await checkFigures(app.ctx.reader, { programId, from: '2026-01-01', to: '2026-12-31' });
    expect(findings.find((x) => x.code === 'receipt_outside_grant')).toMatchObject({ count: 1, severity: 'warning' });
  });

  it('writes the Nachweis with the tolerance rule at exactly 20 % and just above, actuals taken from the Belegliste', async () => {
    const wb = await workbook();
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(-2)).toEqual([financeSheetNames.nachweis, financeSheetNames.belegliste]);
    const ws = wb.getWorksheet(financeSheetNames.nachweis)!;
    const staff = rowOf(ws, 2, 'Personalausgaben');
    const travel = rowOf(ws, 2, 'Reisekosten');
    expect(cached(ws.getCell(staff, 4))).toBe(12_000);
    expect(cached(ws.getCell(staff, 5))).toBe(2_000);
    expect(cached(ws.getCell(staff, 6))).toBeCloseTo(1.2, 10);
    expect(String(ws.getCell(staff, 7).value)).toMatch(/innerhalb 20 % \(ANBest-P Nr\. 1\.2\)/);
    expect(String(ws.getCell(travel, 7).value)).toMatch(/mehr als 20 % überschritten – nicht zulässig nach ANBest-P Nr\. 1\.2/);
    // the actual is a reference to the position's sum on the Belegliste
    const staffActual = ws.getCell(staff, 4).value as ExcelJS.CellFormulaValue;
    expect(staffActual.formula).toMatch(/^'Belegliste'!\$H\$\d+$/);
    const total = rowOf(ws, 2, 'Summe Ausgaben');
    expect(cached(ws.getCell(total, 4))).toBeCloseTo((20_251_71 + 1_012_59) / 100, 6);
    const balance = rowOf(ws, 2, 'Einnahmen abzüglich Ausgaben');
    expect(cached(ws.getCell(balance, 4))).toBeCloseTo((15_000_00 - 21_264_30) / 100, 6);
  });

  it('lists every receipt in date order with sums per position whose cached values are exact', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet(financeSheetNames.belegliste)!;
    const header = rowOf(ws, 1, 'Nr.');
    const dates: string[] = [];
    const amounts: number[] = [];
    for (let r = header + 1; ws.getCell(r, 1).value !== null; r++) {
      dates.push((ws.getCell(r, 2).value as Date).toISOString().slice(0, 10));
      amounts.push(Math.round(Number(ws.getCell(r, 8).value) * 100));
    }
    expect(dates).toEqual([...dates].sort());
    // five receipts of the period and one computed AGH line; the receipt before the grant is not in the period
    expect(dates).toHaveLength(6);
    expect(ws.getCell(header + 3, 10).value).toBe('aus AGH-Stunden berechnet');
    // the first line has no paid date (a computed AGH line or an unpaid receipt); later dates keep their format
    const paidFormats = new Set<string>();
    for (let r = header + 1; r < header + 1 + dates.length; r++) if (ws.getCell(r, 9).value instanceof Date) paidFormats.add(ws.getCell(r, 9).numFmt);
    expect([...paidFormats]).toEqual(['dd.mm.yyyy']);
    const sums = rowOf(ws, 7, 'Summe je Position');
    const perPosition = new Map<string, number>();
    for (let r = sums + 1; ws.getCell(r, 6).value !== null; r++) {
      const v = ws.getCell(r, 8).value as ExcelJS.CellFormulaValue;
      expect(v.formula).toMatch(/^SUMIF\(F\d+:F\d+,F\d+,H\d+:H\d+\)$/);
      perPosition.set(String(ws.getCell(r, 6).value), Math.round(Number(v.result) * 100));
    }
    expect(Object.fromEntries(perPosition)).toEqual({ personal: 12_000_00, miete: 7_000_00, reisen: 1_200_01, teilnehmende: 51_70 });
    expect(amounts.reduce((s, a) => s + a, 0)).toBe([...perPosition.values()].reduce((s, a) => s + a, 0));
    // income apart from the expenditure, in date order, with its sum
    const income = rowOf(ws, 2, 'Einnahmen in Datumsfolge');
    expect(ws.getCell(income + 2, 4).value).toBe('Zuwendung');
    const incomeSum = rowOf(ws, 5, 'Summe Einnahmen');
    expect(cached(ws.getCell(incomeSum, 8))).toBe(15_000);
  });

  it.skipIf(!hasSoffice)('LibreOffice recomputes every money formula to Lotse\'s cached value', async () => {
    const copy = await workbook();
    const mine: { sheet: string; address: string; result: number }[] = [];
    for (const name of Object.values(financeSheetNames)) {
      copy.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (v && typeof v === 'object' && 'formula' in v) {
            mine.push({ sheet: name, address: cell.address, result: Number(v.result ?? 0) });
            cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
          }
        }),
      );
    }
    expect(mine.length).toBeGreaterThan(20);
    const uncached = path.join(app.dir, 'uncached.xlsx');
    await copy.xlsx.writeFile(uncached);
    const out = path.join(app.dir, 'lo');
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(app.dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, uncached], { timeout: 180_000, stdio: 'ignore' });
    const lo = await workbook(path.join(out, 'uncached.xlsx'));
    for (const c of mine) {
      const theirs = lo.getWorksheet(c.sheet)!.getCell(c.address);
      expect(cached(theirs), `${c.sheet}!${c.address} ${JSON.stringify(theirs.value)}`).toBeCloseTo(c.result, 6);
    }
  }, 200_000);
});
