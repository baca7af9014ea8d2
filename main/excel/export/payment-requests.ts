import { requestStateLabels, type PaymentRequest } from '../../../shared/domain/finance.js';
import { addSumCell, addTableSheet, createWorkbook, setText, writeWorkbook } from './workbook.js';

/** File name of a program's list of payment requests, safe on Windows. */
export function requestsFileName(programName: string): string {
  return `Mittelabrufe ${programName.replace(/[\\/:*?"<>|]/g, '-')}.xlsx`;
}

/**
 * The payment requests (Mittelabrufe) of a program as a workbook: per request its period, what was spent and
 * received up to its end, what is requested, state and filing date; the requested amounts summed (formula with
 * Lotse's exact cent sum as cached value).
 */
export async function writePaymentRequests(programName: string, requests: PaymentRequest[], file: string): Promise<void> {
  const wb = createWorkbook();
  const columns = [
    { key: 'nr', header: 'Nr.', kind: 'integer' as const, width: 6 },
    { key: 'from', header: 'Zeitraum von', kind: 'date' as const },
    { key: 'to', header: 'Zeitraum bis', kind: 'date' as const },
    { key: 'spent', header: 'Ausgaben bis Periodenende', kind: 'euro' as const, width: 18 },
    { key: 'received', header: 'Erhaltene Zuwendung', kind: 'euro' as const, width: 18 },
    { key: 'requested', header: 'Angeforderter Betrag', kind: 'euro' as const, width: 18 },
    { key: 'state', header: 'Status', kind: 'text' as const, width: 14 },
    { key: 'filed', header: 'Gestellt am', kind: 'date' as const },
    { key: 'note', header: 'Bemerkung', kind: 'text' as const, width: 30 },
  ];
  const t = addTableSheet(
    wb,
    'Mittelabrufe',
    columns,
    requests.map((r, i) => ({
      nr: i + 1,
      from: r.periodFrom,
      to: r.periodTo,
      spent: r.spentCents,
      received: r.receivedCents,
      requested: r.requestedCents,
      state: requestStateLabels[r.state],
      filed: r.filedOn,
      note: r.note,
    })),
    { title: [`Mittelabrufe – ${programName}`] },
  );
  const sumRow = t.lastDataRow + 1;
  setText(t.sheet.getCell(sumRow, t.col('state')), 'Summe angefordert');
  addSumCell(t, sumRow, 'requested', 'euro', requests.reduce((s, r) => s + r.requestedCents, 0));
  await writeWorkbook(wb, file);
}
