import type { Statement } from '../../shared/domain/placements.js';
import { monthRange } from '../../shared/rules/compensation.js';
import { germanMonth } from '../excel/export/agh-statement.js';
import { euro } from './agh-statement.js';
import { PdfWriter, type TableCell } from './pdf.js';

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** File name of a commune's payout receipt list, safe on Windows. */
export function payoutReceiptsName(s: Statement): string {
  return `AGH-Auszahlungsquittung ${s.communeName.replace(/[\\/:*?"<>|]/g, '-')} ${s.month}.pdf`;
}

const widths = [20, 150, 70, 70, 80, 115];

function cells(values: string[], bold = false): TableCell[] {
  return values.map((text, i) => ({ text, width: widths[i]!, align: i === 0 || i === 3 ? 'right' : 'left', bold }) as TableCell);
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
  const lineLeft = w.margin + widths.slice(0, 4).reduce((a, b) => a + b + 4, 0);
  s.rows.forEach((r, i) => {
    w.space(16);
    w.row(cells([String(i + 1), r.participantName, r.fileNumber ?? '', euro(r.payoutCents), '', '']), style);
    // the person writes the date and signs on this line
    w.rule(lineLeft, widths[4]! + 4 + widths[5]!);
  });
  w.space(10);
  w.row(cells(['', 'Summe', '', euro(s.totalPayoutCents), '', ''], true), style);
  return w.save();
}
