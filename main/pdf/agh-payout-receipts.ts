import type { Statement } from '../../shared/domain/placements.js';
import { germanMonth } from '../excel/export/agh-statement.js';
import { euro } from './agh-statement.js';
import { PdfWriter, type TableCell } from './pdf.js';
import { monthRange } from '../../shared/domain/dates.js';

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** File name of a commune's payout receipt list, safe on Windows. */
export function payoutReceiptsName(s: Statement): string {
  return `AGH-Auszahlungsquittung ${s.communeName.replace(/[\\/:*?"<>|]/g, '-')} ${s.month}.pdf`;
}

// 515 pt with the six 4 pt gaps: the content width of an A4 page with 40 pt margins; the fifth column is empty
// space between the amount and the date
const widths = [20, 132, 66, 66, 12, 85, 110];

function cells(values: string[], bold = false): TableCell[] {
  const all = [...values.slice(0, 4), '', ...values.slice(4)];
  return all.map((text, i) => ({ text, width: widths[i]!, align: i === 0 || i === 3 ? 'right' : 'left', bold }) as TableCell);
}

/**
 * Auszahlungsquittung: the month's payouts (compensation and extra costs) per person, with a line for the date
 * received and the signature, so the people confirm the cash or transfer they got.
 */
export async function renderPayoutReceipts(s: Statement): Promise<Uint8Array> {
  const w = await PdfWriter.create({ title: `AGH-Auszahlungsquittung ${s.communeName} ${s.month}`, author: s.operator ?? 'Lotse' }, 40);
  if (s.operator) w.text(s.operator, { size: 12, bold: true });
  if (s.operatorAddress) w.text(s.operatorAddress, { size: 9, gray: true });
  w.space(18);
  w.text('Auszahlungsquittung – Aufwandsentschädigung AGH', { size: 14, bold: true });
  const { from, to } = monthRange(s.month);
  w.text(`${s.communeName} · ${de(from)} – ${de(to)} (${germanMonth(s.month)}) · ${s.programName}`, { size: 10 });
  if (s.fileReference) w.text(`Aktenzeichen: ${s.fileReference}`, { size: 10 });
  w.space(8);
  w.text('Mit meiner Unterschrift bestätige ich, den genannten Betrag erhalten zu haben.', { size: 9, gray: true });
  w.space(12);
  const style = { size: 9 };
  w.row(cells(['Nr.', 'Name, Vorname', 'Aktenz.', 'Betrag', 'Erhalten am', 'Unterschrift'], true), style);
  w.rule();
  const dateLeft = w.margin + widths.slice(0, 5).reduce((a, b) => a + b + 4, 0);
  const signLeft = dateLeft + widths[5]! + 4;
  s.rows.forEach((r, i) => {
    w.space(16);
    w.row(cells([String(i + 1), r.participantName, r.fileNumber ?? '', euro(r.payoutCents), '', '']), style);
    // the person writes the date and signs on these lines
    w.rule(dateLeft, widths[5]! - 10);
    w.rule(signLeft, widths[6]!);
  });
  w.space(10);
  w.row(cells(['', 'Summe', '', euro(s.totalPayoutCents), '', ''], true), style);
  return w.save();
}
