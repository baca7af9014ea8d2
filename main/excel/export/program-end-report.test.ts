import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Figures } from '../../../shared/domain/reports.js';
import { seedFigures, type Seeded } from '../../features/dashboard/figures.seed.js';
import { computeFigures } from '../../features/dashboard/figures.service.js';
import { exportReport, reportData, reportJsonOf, saveReportTexts } from '../../features/reports/reports.service.js';
import { tempApp } from '../../test/temp-db.js';
import { sheetNames } from './program-end-report.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const from = '2026-01-01';
const to = '2026-12-31';
const created = new Date(Date.UTC(2026, 10, 24, 9, 30));
const injections = ['=HYPERLINK("http://evil.example","klick")', '+49 371 12345', '-1+2', '@SUM(A1:A2)'];

let app: Awaited<ReturnType<typeof tempApp>>;
let s: Seeded;
let f: Figures;
let file: string;
let wb: ExcelJS.Workbook;

/** Every formula cell of a workbook: sheet, address, formula and cached result. */
function formulas(book: ExcelJS.Workbook): Array<{ sheet: string; address: string; formula: string; result: unknown }> {
  const out: Array<{ sheet: string; address: string; formula: string; result: unknown }> = [];
  book.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v) out.push({ sheet: ws.name, address: cell.address, formula: v.formula ?? '', result: v.result });
      }),
    ),
  );
  return out;
}

/** Evaluates SUM(Xa:Xb) over the numbers in the sheet, independently of any spreadsheet program. */
function evaluateSum(ws: ExcelJS.Worksheet, formula: string): number | null {
  const m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (!m) return null;
  let total = 0;
  for (let r = Number(m[2]); r <= Number(m[4]); r++) {
    const v = ws.getCell(`${m[1]}${r}`).value;
    if (typeof v === 'number') total += v;
  }
  return total;
}

function allText(book: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(`${ws.name}!${c.address}\t${String(c.text)}`))));
  return out;
}

beforeAll(async () => {
  app = await tempApp();
  s = await seedFigures(app.ctx.db, 160, 5);
  const frame = { programId: s.programId, kind: 'program_end' as const, from, to, confirmRunning: true };
  await saveReportTexts(app.ctx.db, frame, [
    { section: 'ausgangslage', text: injections[0]! },
    { section: 'umsetzung', text: injections[1]! },
    { section: 'ergebnisse', text: injections[2]! },
    { section: 'netzwerk', text: injections[3]! },
    { section: 'ausblick', text: 'Das Programm wird fortgesetzt.' },
  ]);
  f = await computeFigures(app.ctx.reader, { programId: s.programId, from, to });
  file = path.join(app.dir, 'report.xlsx');
  await exportReport(app.ctx.reader, frame, file, { created });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
}, 60_000);
afterAll(async () => app?.dispose());

describe('program-end report workbook', () => {
  it('has one sheet per topic, document properties and the dashboard figures', () => {
    // the seeded program has targets, findings (people without consent, overrides), AGH work, activities, fairs
    // every sheet but the ESF Plus one, which only a program funded by ESF Plus gets (esf-plus.test.ts)
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(sheetNames).filter((n) => n !== sheetNames.esfPlus));
    const title = wb.getWorksheet(sheetNames.title)!;
    expect(title.getCell('A1').value).toBe('Verwendungsnachweis (Programmende)');
    const titleText = allText(wb).filter((l) => l.startsWith(`${sheetNames.title}!A`)).map((l) => l.split('\t')[1]);
    for (const label of ['Träger', 'Zuwendungsgeber', 'Förderrichtlinie', 'Aktenzeichen', 'Berichtszeitraum', 'Stand der Daten', 'Ort', 'Datum', 'rechtsverbindliche Unterschrift']) {
      expect(titleText, label).toContain(label);
    }
    expect(wb.subject).toBe('AGH Test');
    expect(wb.title).toContain('Verwendungsnachweis (Programmende) AGH Test 01.01.2026 – 31.12.2026');
    expect(wb.created.toISOString()).toBe(created.toISOString());
    const ov = wb.getWorksheet(sheetNames.overview)!;
    const value = (label: string) => {
      for (let r = 2; r <= ov.rowCount; r++) if (ov.getCell(r, 1).value === label) return ov.getCell(r, 2).value;
      throw new Error(`no row ${label}`);
    };
    expect(value('Teilnehmende im Zeitraum')).toBe(f.participants.total);
    expect(value('aufgenommen mit Ausnahme von der Fördervoraussetzung')).toBe(f.participants.overrides);
    expect(f.participants.overrides).toBeGreaterThan(0);
    expect(value('Besucher/-innen ohne Teilnahme (anwesend, Summe über die Börsen)')).toBe(f.visitors.present);
    expect(value('Definition Erfolg')).toBe(f.outcomes.success.definition);
    expect(value('abgeschlossen')).toBe(f.participants.completed);
    expect(value('abgebrochen')).toBe(f.participants.dropped);
    expect(value('AGH geleistete Stunden')).toBe(f.agh.hoursX100 / 100);
    expect(value('Aufwandsentschädigung')).toBe(f.agh.compensationCents / 100);
    expect(value('Ausgeschiedene mit erfasstem Verbleib')).toBe(f.outcomes.people);
    expect(value('Ausgeschiedene mit Erfolg')).toBe(f.outcomes.success.count);
    // real dates, not text
    expect(value('Berichtszeitraum von')).toBeInstanceOf(Date);
    expect((value('Berichtszeitraum bis') as Date).toISOString().slice(0, 10)).toBe(to);
  });

  it('formats every sheet: bold frozen header, autofilter, print setup, numbers as numbers', () => {
    for (const ws of wb.worksheets) {
      expect(ws.getCell(1, 1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      // the title sheet is a form, not a table
      if (ws.name !== sheetNames.title) expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(8);
    }
    const people = wb.getWorksheet(sheetNames.people)!;
    expect(typeof people.getCell(2, 3).value).toBe('number');
    expect(people.getCell(2, 3).numFmt).toBe('#,##0');
  });

  it('prints the fairs sheet readably: landscape, one page wide, header repeated, print area, narrow count columns', () => {
    const ws = wb.getWorksheet(sheetNames.fairs)!;
    const last = ws.actualRowCount;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', printArea: `A1:O${last}` });
    // all columns together about as wide as an A4 landscape page at 100 % (about 150 characters): fitting the sheet
    // to the page width then shrinks it little, where header-wide columns (286 characters) printed it at about 40 %
    const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(150);
    expect(ws.getCell(1, 3).alignment).toMatchObject({ textRotation: 90 });
    expect(ws.getCell(1, 2).alignment?.textRotation).toBeUndefined();
    // a long fair title wraps in a row tall enough for it
    expect(ws.getCell(2, 2).alignment).toMatchObject({ wrapText: true });
  });

  it('writes sums as formulas whose cached values equal the sum of their cells and the figures', () => {
    const all = formulas(wb);
    expect(all.length).toBeGreaterThan(20);
    for (const c of all.filter((x) => x.formula.startsWith('SUM('))) {
      const ws = wb.getWorksheet(c.sheet)!;
      // exceljs's reader drops a cached 0 (the file has <v>0</v>), hence `?? 0`
      expect(Number(c.result ?? 0), `${c.sheet}!${c.address}`).toBeCloseTo(evaluateSum(ws, c.formula)!, 6);
    }
    // every breakdown of the people sheet sums to the number of participants
    const people = wb.getWorksheet(sheetNames.people)!;
    const sums = all.filter((x) => x.sheet === sheetNames.people).map((x) => x.result);
    expect(sums).toHaveLength(7);
    for (const v of sums) expect(v).toBe(f.participants.total);
    expect(people.rowCount).toBeGreaterThan(10);
    const communes = wb.getWorksheet(sheetNames.communes)!;
    const sumRow = communes.getRow(2 + f.communes.length);
    expect(sumRow.getCell(1).value).toBe('Summe');
    expect((sumRow.getCell(9).value as { result: number }).result).toBeCloseTo(f.agh.compensationCents / 100, 6);
  });

  it('neutralises formula injection: such texts stay text cells', () => {
    const ws = wb.getWorksheet(sheetNames.narrative)!;
    const texts = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.set(c.value, c)));
    for (const t of injections) {
      const cell = texts.get(t);
      expect(cell, t).toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
      expect(cell!.numFmt).toBe('@');
    }
    // the organisation named "=HYPERLINK(...)" in the seed never becomes a formula either
    expect(formulas(wb).every((x) => /^(SUM|IF)\(/.test(x.formula))).toBe(true);
  });

  it('contains no surnames; success stories only of consenting people, by first name', () => {
    const text = allText(wb).join('\n');
    for (const p of s.people) expect(text.includes(p.lastName), p.lastName).toBe(false);
    const consented = s.people.slice(0, 12).filter((p) => p.consentSuccessStory && !p.consentWithdrawnOn);
    const stories = allText(wb).filter((l) => l.includes('Erfolgsgeschichte'));
    expect(stories).toHaveLength(consented.length);
    expect(consented.length).toBeGreaterThan(0);
  });

  it('is reproducible: a closed period gives the same cells whatever day and time zone it is exported on', async () => {
    // the same data and period, exported on other days (one a leap day, one years later) and in time zones 26 hours
    // apart: any figure that used "today" (ages, active enrollments, open placements) would change a cell
    const tz = process.env.TZ;
    const exportOn = async (now: string, zone: string) => {
      process.env.TZ = zone;
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      try {
        const out = path.join(app.dir, `on-${now.slice(0, 10)}-${zone.replace('/', '-')}.xlsx`);
        await exportReport(app.ctx.reader, { programId: s.programId, kind: 'program_end', from, to, confirmRunning: true }, out, { created });
        return out;
      } finally {
        vi.useRealTimers();
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
      }
    };
    /** every cell's stored value (dates as instants, formulas with their cached results), read in one time zone */
    const cells = async (file: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const out: string[] = [];
      book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
        const v = c.value;
        out.push(`${ws.name}!${c.address}\t${v instanceof Date ? v.toISOString() : JSON.stringify(v)}`);
      })));
      return out;
    };
    const base = await cells(file);
    for (const [now, zone] of [['2028-02-29T23:30:00Z', 'Pacific/Kiritimati'], ['2031-07-01T00:30:00Z', 'America/Adak']] as const) {
      const other = await cells(await exportOn(now, zone));
      expect(other.filter((line, i) => line !== base[i]), `${now} ${zone}`).toEqual([]);
      expect(other).toHaveLength(base.length);
    }
  });

  it('the interim report is the same workbook for one budget year', async () => {
    const interim = path.join(app.dir, 'interim.xlsx');
    await exportReport(app.ctx.reader, { programId: s.programId, kind: 'interim', from: '2026-01-01', to: '2026-12-31' }, interim, { created });
    const wi = new ExcelJS.Workbook();
    await wi.xlsx.readFile(interim);
    expect(wi.title).toContain('Zwischennachweis AGH Test');
    expect(wi.getWorksheet(sheetNames.overview)!.getCell('B2').value).toBe('Zwischennachweis');
    // its own Sachbericht (texts are stored per report kind and period), same figures
    expect(wi.getWorksheet(sheetNames.narrative)!.getCell('C2').value).toBe('');
    const strip = (lines: string[]) => lines.filter((l) => !/^(Übersicht!B2|Sachbericht!C|Deckblatt!A1)/.test(l));
    expect(strip(allText(wi))).toEqual(strip(allText(wb)));
  });

  it.skipIf(!hasSoffice)('LibreOffice recomputes every sum to the same value and keeps injected text as text', async () => {
    // drop the cached results, so LibreOffice must evaluate each formula itself
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(file);
    copy.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (v && typeof v === 'object' && 'formula' in v) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const uncached = path.join(app.dir, 'uncached.xlsx');
    await copy.xlsx.writeFile(uncached);
    const out = path.join(app.dir, 'lo');
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(app.dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, uncached], {
      timeout: 180_000,
      stdio: 'ignore',
    });
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(path.join(out, 'uncached.xlsx'));
    const mine = formulas(wb);
    const theirs = formulas(lo);
    expect(theirs.length).toBe(mine.length);
    for (const c of mine) {
      const t = theirs.find((x) => x.sheet === c.sheet && x.address === c.address);
      expect(t, `${c.sheet}!${c.address}`).toBeDefined();
      if (c.formula.startsWith('SUM(')) expect(Number(t!.result ?? 0), `${c.sheet}!${c.address}`).toBeCloseTo(Number(c.result ?? 0), 6);
    }
    const narrative = lo.getWorksheet(sheetNames.narrative)!;
    const strings: string[] = [];
    narrative.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && strings.push(cell.value)));
    for (const t of injections) expect(strings).toContain(t);
    expect(fs.existsSync(path.join(out, 'uncached.xlsx'))).toBe(true);
  }, 200_000);

  it('the CLI writes the same report', async () => {
    const out = path.join(app.dir, 'cli.xlsx');
    const bin = path.resolve(import.meta.dirname, '../../../bin/lotse.mjs');
    const res = spawnSync(process.execPath, [bin, 'report', 'program-end', '--db', app.dbPath, '--program', 'AGH Test', '--from', from, '--to', to, '--confirm-running', '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.readFile(out);
    // same cells except the creation date in the overview
    const strip = (lines: string[]) => lines.filter((l) => !l.startsWith(`${sheetNames.title}!B10`));
    expect(strip(allText(cli))).toEqual(strip(allText(wb)));
    const bad = spawnSync(process.execPath, [bin, 'report', 'program-end', '--db', app.dbPath, '--program', 'AGH Test', '--from', '2026-02-30', '--to', to, '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('kein gültiges Datum');
  }, 120_000);

  it('a Verwendungsnachweis of a running program needs the confirmation; a Zwischennachweis does not', async () => {
    const out = path.join(app.dir, 'running.xlsx');
    await expect(exportReport(app.ctx.reader, { programId: s.programId, kind: 'program_end', from, to }, out, { created })).rejects.toMatchObject({
      code: 'program_running',
    });
    const res = await app.router.call('reports.export', { programId: s.programId, kind: 'program_end', from, to });
    expect(res.ok).toBe(false);
    await exportReport(app.ctx.reader, { programId: s.programId, kind: 'interim', from, to }, out, { created });
    expect(fs.existsSync(out)).toBe(true);
  });

  it('leaves out AGH, activity and fair sheets for a program without that work, and Prüfhinweise without findings', async () => {
    const q = { programId: s.otherProgramId, from, to };
    await app.ctx.db.deleteFrom('activities').where('program_id', '=', s.otherProgramId).execute();
    await app.ctx.db.updateTable('participants').set({ consent_date: '2025-01-01' }).execute();
    await app.ctx.db.updateTable('enrollments').set({ override_reason: null, eligible: 1 }).where('program_id', '=', s.otherProgramId).execute();
    const other = path.join(app.dir, 'other.xlsx');
    await exportReport(app.ctx.reader, { ...q, kind: 'interim' }, other, { created });
    const wo = new ExcelJS.Workbook();
    await wo.xlsx.readFile(other);
    expect(wo.worksheets.map((w) => w.name)).toEqual([sheetNames.title, sheetNames.overview, sheetNames.people, sheetNames.outcomes, sheetNames.network, sheetNames.narrative]);
    const labels = allText(wo).filter((l) => l.startsWith(`${sheetNames.overview}!A`)).join('\n');
    expect(labels).not.toMatch(/AGH|Veranstaltungen|Firmenkontaktbörsen/);
  });

  it('report = dashboard = JSON: the CLI prints the figures of the same computation with the stable keys', async () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/lotse.mjs');
    const res = spawnSync(process.execPath, [bin, 'report', 'program-end', '--db', app.dbPath, '--program', 'AGH Test', '--from', from, '--to', to, '--kind', 'interim', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.stderr).toBe('');
    const json = JSON.parse(res.stdout) as ReturnType<typeof reportJsonOf>;
    const data = await reportData(app.ctx.reader, { programId: s.programId, kind: 'interim', from, to }, created);
    const dashboard = await computeFigures(app.ctx.reader, { programId: s.programId, from, to });
    expect(data.figures).toEqual(dashboard);
    expect(json).toEqual({ ...reportJsonOf(data, s.programId), stand: json.stand });
    expect(Object.keys(json.participants)).toEqual(['total', 'entered', 'exited', 'active', 'completed', 'dropped', 'overrides', 'byGender', 'byAgeGroup', 'byResidenceGroup', 'byCommune', 'byGermanLevel']);
    expect(Object.keys(json.agh)).toEqual(['slots', 'placements', 'people', 'hours', 'compensationCents']);
    expect(Object.keys(json.network)).toEqual(['companies', 'partners', 'employersSupported']);
    expect(json.targets.map((t) => t.key)).toEqual(['participants', 'success', 'aghPeople']);
    expect(json.targets[0]).toEqual({ key: 'participants', label: 'Teilnehmende', planned: 150, actual: dashboard.participants.total });
    expect(json.findings.map((x) => x.code)).toContain('eligibility_overrides');
    const check = spawnSync(process.execPath, [bin, 'check', '--db', app.dbPath, '--program', 'AGH Test', '--from', from, '--to', to, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(check.stdout)).toEqual({ findings: json.findings });
  }, 120_000);
});
