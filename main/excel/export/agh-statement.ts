import type { Statement } from '../../../shared/domain/placements.js';
import { addSumCell, addTableSheet, createWorkbook, setText, writeWorkbook } from './workbook.js';

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

/**
 * The monthly statement of Aufwandsentschädigung for one commune as a workbook: one row per placement with real
 * numbers (hours, €/h, amount in euro format) and a SUM row whose cached value is Lotse's exact integer-cent sum.
 */
export async function writeAghStatement(s: Statement, file: string): Promise<void> {
  const wb = createWorkbook();
  const columns = [
    { key: 'nr', header: 'Nr.', kind: 'integer' as const, width: 6 },
    { key: 'name', header: 'Name, Vorname', kind: 'text' as const, width: 30 },
    { key: 'site', header: 'Einsatzstelle', kind: 'text' as const, width: 28 },
    { key: 'activity', header: 'Tätigkeit', kind: 'text' as const, width: 26 },
    { key: 'hours', header: 'Stunden', kind: 'hours' as const, width: 11 },
    { key: 'rate', header: '€ je Stunde', kind: 'euro' as const, width: 12 },
    { key: 'amount', header: 'Betrag', kind: 'euro' as const, width: 14 },
  ];
  const t = addTableSheet(
    wb,
    'Abrechnung',
    columns,
    s.rows.map((r, i) => ({
      nr: i + 1,
      name: r.participantName,
      site: r.site,
      activity: r.activity,
      hours: r.hoursX100,
      rate: r.rateCents,
      amount: r.amountCents,
    })),
    {
      title: [
        `Aufwandsentschädigung AGH – ${s.communeName} – ${germanMonth(s.month)}`,
        `${s.programName}${s.operator ? ` · Träger: ${s.operator}` : ''}`,
      ],
    },
  );
  const sumRow = t.lastDataRow + 1;
  setText(t.sheet.getCell(sumRow, t.col('name')), 'Summe');
  t.sheet.getCell(sumRow, t.col('name')).font = { bold: true };
  addSumCell(t, sumRow, 'hours', 'hours', s.totalHoursX100);
  addSumCell(t, sumRow, 'amount', 'euro', s.totalCents);
  t.sheet.headerFooter = { oddFooter: `&L${s.communeName} ${s.month}&RSeite &P von &N` };
  await writeWorkbook(wb, file);
}
