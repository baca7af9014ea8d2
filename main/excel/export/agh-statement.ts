import type { Statement } from '../../../shared/domain/placements.js';
import { addSumCell, addTableSheet, createWorkbook, setText, writeWorkbook, type TableSheet } from './workbook.js';
import { monthRange } from '../../../shared/domain/dates.js';

const monthNames = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** "2026-11" → "November 2026". */
export function germanMonth(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** File name of a commune's statement, safe on Windows. */
export function statementFileName(s: Statement): string {
  const commune = s.communeName.replace(/[\\/:*?"<>|]/g, '-');
  return `AGH-Abrechnung ${commune} ${s.month}.xlsx`;
}

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Second title line: program, Träger, period and Aktenzeichen. */
function subtitle(s: Statement): string {
  const { from, to } = monthRange(s.month);
  const parts = [s.programName, s.operator ? `Träger: ${s.operator}` : null, `Zeitraum ${de(from)} – ${de(to)}`, s.fileReference ? `Az. ${s.fileReference}` : null];
  const state = s.status === 'entwurf' ? 'ENTWURF' : s.status === 'ausgezahlt' && s.paidOn ? `ausgezahlt am ${de(s.paidOn)}` : 'festgestellt';
  return `${parts.filter(Boolean).join(' · ')} · ${state}`;
}

/** "Sachlich und rechnerisch richtig" with name, date and signature lines under the sums. */
function signatureRows(t: TableSheet, s: Statement, sumRow: number): void {
  const col = t.col('name');
  const lines: [string, boolean][] = [
    ['Sachlich und rechnerisch richtig', true],
    [`Name: ${s.checkedBy ?? '______________________________'}`, false],
    [`Datum: ${s.establishedOn ? de(s.establishedOn) : '______________'}`, false],
    ['Unterschrift: ______________________________', false],
  ];
  lines.forEach(([text, bold], i) => {
    const cell = t.sheet.getCell(sumRow + 3 + i * 2, col);
    setText(cell, text);
    if (bold) cell.font = { bold: true };
  });
}

/**
 * The monthly statement of Aufwandsentschädigung for one commune as a workbook: one row per placement with real
 * numbers (hours, €/h, compensation, extra costs, total in euro format), SUM rows whose cached values are Lotse's
 * exact integer-cent sums, and the "sachlich und rechnerisch richtig" block.
 */
export async function writeAghStatement(s: Statement, file: string): Promise<void> {
  const wb = createWorkbook();
  const columns = [
    { key: 'nr', header: 'Nr.', kind: 'integer' as const, width: 6 },
    { key: 'name', header: 'Name, Vorname', kind: 'text' as const, width: 30 },
    { key: 'file', header: 'Aktenzeichen', kind: 'text' as const, width: 14 },
    { key: 'site', header: 'Einsatzstelle', kind: 'text' as const, width: 26 },
    { key: 'activity', header: 'Tätigkeit', kind: 'text' as const, width: 22 },
    { key: 'hours', header: 'Stunden', kind: 'hours' as const, width: 10 },
    { key: 'rate', header: '€ je Stunde', kind: 'euro' as const, width: 11 },
    { key: 'amount', header: 'Entschädigung', kind: 'euro' as const, width: 14 },
    { key: 'extra', header: 'Mehraufwand', kind: 'euro' as const, width: 13 },
    { key: 'total', header: 'Gesamt', kind: 'euro' as const, width: 14 },
  ];
  const t = addTableSheet(
    wb,
    'Abrechnung',
    columns,
    s.rows.map((r, i) => ({
      nr: i + 1,
      name: r.participantName,
      file: r.fileNumber,
      site: r.site,
      activity: r.activity,
      hours: r.hoursX100,
      rate: r.rateCents,
      amount: r.amountCents,
      extra: r.extraCostsCents,
      total: r.payoutCents,
    })),
    { title: [`Aufwandsentschädigung AGH – ${s.communeName} – ${germanMonth(s.month)}`, subtitle(s)] },
  );
  const sumRow = t.lastDataRow + 1;
  setText(t.sheet.getCell(sumRow, t.col('name')), 'Summe');
  t.sheet.getCell(sumRow, t.col('name')).font = { bold: true };
  addSumCell(t, sumRow, 'hours', 'hours', s.totalHoursX100);
  addSumCell(t, sumRow, 'amount', 'euro', s.totalCents);
  addSumCell(t, sumRow, 'extra', 'euro', s.totalExtraCostsCents);
  addSumCell(t, sumRow, 'total', 'euro', s.totalPayoutCents);
  signatureRows(t, s, sumRow);
  t.sheet.headerFooter = { oddFooter: `&L${s.communeName} ${s.month}&RSeite &P von &N` };
  await writeWorkbook(wb, file);
}
