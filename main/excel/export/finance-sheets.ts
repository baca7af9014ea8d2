import type ExcelJS from 'exceljs';
import { financingKindLabels, incomeLabels } from '../../../shared/domain/finance.js';
import { statusText, toleranceRule, tolerancePercent } from '../../../shared/rules/budget.js';
import type { FinanceReport } from './finance-data.js';
import { addTableSheet, columnLetter, formats, setText, setValue, type TableSheet } from './workbook.js';
import { germanDate } from '../../../shared/domain/dates.js';

/**
 * The money of the Verwendungsnachweis: "Zahlenmäßiger Nachweis" (per position planned, actual, difference and
 * percent, the ANBest-P tolerance, income against expenditure) and "Belegliste" (every receipt in date order with
 * the AGH compensation lines, sums per position as SUMIF formulas). Each actual amount of the Nachweis is a
 * reference to its sum on the Belegliste, so the two sheets cannot disagree; every formula carries Lotse's exact
 * cent figure as cached result, so a viewer that does not recalculate shows the same numbers.
 */

export const financeSheetNames = { nachweis: 'Zahlenmäßiger Nachweis', belegliste: 'Belegliste' } as const;

const euros = (cents: number) => cents / 100;

function euro(cell: ExcelJS.Cell, value: ExcelJS.CellValue): void {
  cell.value = value;
  cell.numFmt = formats.euro;
}

function header(row: ExcelJS.Row, labels: string[]): void {
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    setText(cell, label);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/**
 * Lets the data cells of each column share one style object. exceljs remembers the style of each style object it
 * wrote, so 20,000 receipts cost one style lookup per column instead of one per cell (a quarter of the writing
 * time). Every data cell of a column has the same format; none is styled on its own afterwards.
 */
function shareColumnStyles(t: TableSheet, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    // the format comes from a cell with a value: an empty cell (a receipt not yet paid) carries none
    let style: Partial<ExcelJS.Style> | null = null;
    for (let r = t.firstDataRow; r <= t.lastDataRow && style === null; r++) {
      if (t.sheet.getCell(r, c).value !== null) style = t.sheet.getCell(r, c).style;
    }
    if (style === null) continue;
    for (let r = t.firstDataRow; r <= t.lastDataRow; r++) t.sheet.getCell(r, c).style = style;
  }
}

/** Where the Belegliste keeps each position's sum (A1 address on its sheet). */
type SumRefs = Map<string, string>;

/** The Belegliste; returns the address of each position's sum for the Nachweis to refer to. */
export function beleglisteSheet(wb: ExcelJS.Workbook, f: FinanceReport, programName: string): SumRefs {
  const label = new Map(f.plan.positions.map((p) => [p.key, p.label]));
  const t = addTableSheet(
    wb,
    financeSheetNames.belegliste,
    [
      { key: 'nr', header: 'Nr.', kind: 'integer', width: 7 },
      { key: 'date', header: 'Datum', kind: 'date' },
      { key: 'number', header: 'Beleg-Nr.', kind: 'text', width: 14 },
      { key: 'payee', header: 'Empfänger/Einzahler', kind: 'text', width: 26 },
      { key: 'purpose', header: 'Zweck', kind: 'text', width: 40 },
      { key: 'position', header: 'Position', kind: 'text', width: 16 },
      { key: 'label', header: 'Positionsbezeichnung', kind: 'text', width: 30 },
      { key: 'amount', header: 'Betrag', kind: 'euro', width: 14 },
      { key: 'paid', header: 'Bezahlt am', kind: 'date' },
      { key: 'source', header: 'Art', kind: 'text', width: 22 },
    ],
    f.lines.map((l, i) => ({
      nr: i + 1,
      date: l.date,
      number: l.number,
      payee: l.payee,
      purpose: l.purpose,
      position: l.positionKey,
      label: label.get(l.positionKey) ?? l.positionKey,
      amount: l.amountCents,
      paid: l.paidOn,
      source: l.computed ? 'aus AGH-Stunden berechnet' : 'Beleg',
    })),
    { title: [`Belegliste – ${programName}`, `Zeitraum ${germanDate(f.from)} – ${germanDate(f.to)}, in Datumsfolge`] },
  );
  const ws = t.sheet;
  shareColumnStyles(t, 10);
  const amount = columnLetter(t.col('amount'));
  const position = columnLetter(t.col('position'));
  const range = (col: string) => `${col}${t.firstDataRow}:${col}${Math.max(t.lastDataRow, t.firstDataRow)}`;
  const totalRow = t.lastDataRow + 1;
  setText(ws.getCell(totalRow, t.col('label')), 'Summe aller Zeilen');
  ws.getCell(totalRow, t.col('label')).font = { bold: true };
  const total = f.lines.reduce((s, l) => s + l.amountCents, 0);
  euro(ws.getCell(totalRow, t.col('amount')), { formula: `SUM(${range(amount)})`, result: euros(total) });
  ws.getCell(totalRow, t.col('amount')).font = { bold: true };

  const sumHeader = totalRow + 2;
  setText(ws.getCell(sumHeader, t.col('position')), 'Position');
  setText(ws.getCell(sumHeader, t.col('label')), 'Summe je Position');
  setText(ws.getCell(sumHeader, t.col('amount')), 'Betrag');
  for (const c of ['position', 'label', 'amount']) ws.getCell(sumHeader, t.col(c)).font = { bold: true };
  const refs: SumRefs = new Map();
  f.positions
    .filter((p) => p.kind !== 'pauschale')
    .forEach((p, i) => {
      const r = sumHeader + 1 + i;
      setText(ws.getCell(r, t.col('position')), p.key);
      setText(ws.getCell(r, t.col('label')), p.label);
      const cents = p.receiptCents + p.aghCents;
      euro(ws.getCell(r, t.col('amount')), { formula: `SUMIF(${range(position)},${position}${r},${range(amount)})`, result: euros(cents) });
      refs.set(p.key, `$${amount}$${r}`);
    });
  incomeSection(t, f, sumHeader + 1 + refs.size + 1);
  return refs;
}

/** Income received in date order, below the expenditure and apart from it, with its sum. */
function incomeSection(t: TableSheet, f: FinanceReport, firstRow: number): void {
  const ws = t.sheet;
  setText(ws.getCell(firstRow, t.col('date')), 'Einnahmen in Datumsfolge');
  ws.getCell(firstRow, t.col('date')).font = { bold: true };
  const head = firstRow + 1;
  for (const [key, text] of [['date', 'Datum'], ['payee', 'Einnahmeart'], ['purpose', 'Bezug'], ['amount', 'Betrag'], ['source', 'Art']] as const) {
    setText(ws.getCell(head, t.col(key)), text);
    ws.getCell(head, t.col(key)).font = { bold: true };
  }
  f.incomeLines.forEach((l, i) => {
    const r = head + 1 + i;
    setValue(ws.getCell(r, t.col('date')), 'date', l.date);
    setText(ws.getCell(r, t.col('payee')), incomeLabels[l.incomeKey]);
    setText(ws.getCell(r, t.col('purpose')), l.reference);
    setValue(ws.getCell(r, t.col('amount')), 'euro', l.amountCents);
    setText(ws.getCell(r, t.col('source')), l.computed ? 'AGH, von der Kommune gezahlt' : 'Zahlungseingang');
  });
  const sum = head + 1 + f.incomeLines.length;
  const col = columnLetter(t.col('amount'));
  setText(ws.getCell(sum, t.col('purpose')), 'Summe Einnahmen');
  const total = f.incomeLines.reduce((s, l) => s + l.amountCents, 0);
  euro(ws.getCell(sum, t.col('amount')), f.incomeLines.length > 0 ? { formula: `SUM(${col}${head + 1}:${col}${sum - 1})`, result: euros(total) } : 0);
  ws.getRow(sum).font = { bold: true };
}

const ref = (address: string) => `'${financeSheetNames.belegliste}'!${address}`;

interface Layout {
  ws: ExcelJS.Worksheet;
  row: number;
}

function planHead(l: Layout, f: FinanceReport, programName: string): void {
  const p = f.plan;
  const lines = [
    `Zahlenmäßiger Nachweis – ${programName}`,
    `Bescheid vom ${germanDate(p.decisionDate)}${p.reference ? `, Az. ${p.reference}` : ''} (${p.version === 1 ? 'Bewilligungsbescheid' : `Änderungsbescheid, Fassung ${p.version}`})`,
    `${financingKindLabels[p.financingKind]}${p.rateBp !== null ? ` ${(p.rateBp / 100).toLocaleString('de-DE')} %` : ''}; zuwendungsfähige Gesamtausgaben ${euros(p.eligibleTotalCents).toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`,
    `Bewilligungszeitraum ${germanDate(p.periodFrom)} – ${germanDate(p.periodTo)}; Berichtszeitraum ${germanDate(f.from)} – ${germanDate(f.to)}`,
  ];
  lines.forEach((text, i) => {
    setText(l.ws.getCell(i + 1, 1), text);
    if (i === 0) l.ws.getCell(1, 1).font = { bold: true, size: 13 };
  });
  l.row = lines.length + 2;
}

/** Difference and percent of a row as formulas over its planned (C) and actual (D) cells. */
function differenceCells(ws: ExcelJS.Worksheet, r: number, planned: number, actual: number): void {
  euro(ws.getCell(r, 5), { formula: `D${r}-C${r}`, result: euros(actual - planned) });
  const pct = ws.getCell(r, 6);
  pct.value = planned === 0 ? null : { formula: `IF(C${r}=0,"",D${r}/C${r})`, result: actual / planned };
  pct.numFmt = formats.percent;
}

function expenditure(l: Layout, f: FinanceReport, refs: SumRefs): { first: number; sum: number } {
  const ws = l.ws;
  setText(ws.getCell(l.row, 1), 'A. Ausgaben');
  ws.getCell(l.row, 1).font = { bold: true };
  header(ws.getRow(l.row + 1), ['Nr.', 'Position', 'Geplant', 'Ist', 'Differenz', 'Ist in % des Plans', `Prüfung ${toleranceRule}`]);
  const first = l.row + 2;
  f.positions.forEach((p, i) => {
    const r = first + i;
    ws.getCell(r, 1).value = i + 1;
    setText(ws.getCell(r, 2), p.kind === 'pauschale' ? `${p.label} (${(f.plan.positions.find((x) => x.key === p.key)?.percentBp ?? 0) / 100} % der übrigen Positionen)` : p.label);
    euro(ws.getCell(r, 3), euros(p.plannedCents));
    const sum = refs.get(p.key);
    euro(ws.getCell(r, 4), sum ? { formula: ref(sum), result: euros(p.actualCents) } : euros(p.actualCents));
    differenceCells(ws, r, p.plannedCents, p.actualCents);
    setText(ws.getCell(r, 7), statusText(p.status));
    if (p.status === 'ueber_toleranz' || p.status === 'nicht_ausgeglichen') ws.getCell(r, 7).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const sum = first + f.positions.length;
  setText(ws.getCell(sum, 2), 'Summe Ausgaben');
  sumRow(ws, sum, first, f.plannedCents, f.actualCents);
  l.row = sum + 2;
  return { first, sum };
}

function sumRow(ws: ExcelJS.Worksheet, r: number, first: number, planned: number, actual: number): void {
  const last = r - 1;
  euro(ws.getCell(r, 3), last >= first ? { formula: `SUM(C${first}:C${last})`, result: euros(planned) } : 0);
  euro(ws.getCell(r, 4), last >= first ? { formula: `SUM(D${first}:D${last})`, result: euros(actual) } : 0);
  differenceCells(ws, r, planned, actual);
  ws.getRow(r).font = { bold: true };
}

function income(l: Layout, f: FinanceReport): number {
  const ws = l.ws;
  setText(ws.getCell(l.row, 1), 'B. Einnahmen');
  ws.getCell(l.row, 1).font = { bold: true };
  header(ws.getRow(l.row + 1), ['Nr.', 'Einnahmeart', 'Geplant', 'Ist (erhalten)', 'Differenz', 'Ist in % des Plans']);
  const first = l.row + 2;
  f.income.forEach((x, i) => {
    const r = first + i;
    ws.getCell(r, 1).value = i + 1;
    setText(ws.getCell(r, 2), x.label);
    euro(ws.getCell(r, 3), euros(x.plannedCents));
    euro(ws.getCell(r, 4), euros(x.actualCents));
    differenceCells(ws, r, x.plannedCents, x.actualCents);
  });
  const sum = first + f.income.length;
  setText(ws.getCell(sum, 2), 'Summe Einnahmen');
  sumRow(ws, sum, first, f.incomePlannedCents, f.incomeActualCents);
  l.row = sum + 2;
  return sum;
}

function balance(l: Layout, f: FinanceReport, expenditureSum: number, incomeSum: number): void {
  const ws = l.ws;
  setText(ws.getCell(l.row, 1), 'C. Gegenüberstellung');
  ws.getCell(l.row, 1).font = { bold: true };
  const r = l.row + 1;
  setText(ws.getCell(r, 2), 'Einnahmen abzüglich Ausgaben');
  euro(ws.getCell(r, 3), { formula: `C${incomeSum}-C${expenditureSum}`, result: euros(f.incomePlannedCents - f.plannedCents) });
  euro(ws.getCell(r, 4), { formula: `D${incomeSum}-D${expenditureSum}`, result: euros(f.incomeActualCents - f.actualCents) });
  ws.getRow(r).font = { bold: true };
  l.row = r + 2;
}

function notes(l: Layout, f: FinanceReport): void {
  const ws = l.ws;
  const lines = [
    `${toleranceRule}: Einzelansätze dürfen um bis zu ${tolerancePercent} % überschritten werden, soweit die Überschreitung durch entsprechende Einsparungen bei anderen Einzelansätzen ausgeglichen wird.`,
    ...f.positions
      .filter((p) => p.status === 'ueber_toleranz' || p.status === 'nicht_ausgeglichen')
      .map((p) => `Achtung – ${p.label}: ${statusText(p.status)}.`),
    ...(f.aghCents !== 0 ? [`Die AGH-Aufwandsentschädigung (${euros(f.aghCents).toLocaleString('de-DE', { minimumFractionDigits: 2 })} €) ist aus den erfassten Stunden berechnet und einmal in den Teilnehmendenkosten enthalten.`] : []),
    `Die Ist-Beträge der Positionen sind die Summen je Position auf dem Blatt „${financeSheetNames.belegliste}“.`,
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(l.row + i, 1);
    setText(cell, text);
    if (text.startsWith('Achtung')) cell.font = { bold: true, color: { argb: 'FFC00000' } };
  });
}

/** Fills the Nachweis sheet (added before the Belegliste, so it comes first in the workbook). */
export function fillNachweisSheet(ws: ExcelJS.Worksheet, f: FinanceReport, programName: string, refs: SumRefs): void {
  ws.columns = [{ width: 6 }, { width: 52 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 60 }];
  const l: Layout = { ws, row: 1 };
  planHead(l, f, programName);
  const { sum: expenditureSum } = expenditure(l, f, refs);
  const incomeSum = income(l, f);
  balance(l, f, expenditureSum, incomeSum);
  notes(l, f);
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.headerFooter = { oddFooter: '&LLotse&RSeite &P von &N' };
}

/** Adds both money sheets to a report workbook. */
export function addFinanceSheets(wb: ExcelJS.Workbook, f: FinanceReport, programName: string): void {
  const nachweis = wb.addWorksheet(financeSheetNames.nachweis);
  const refs = beleglisteSheet(wb, f, programName);
  fillNachweisSheet(nachweis, f, programName, refs);
}
