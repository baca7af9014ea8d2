import type { Statement } from '../../shared/domain/placements.js';
import { formatHoursX100 } from '../../shared/rules/compensation.js';
import { germanMonth } from '../excel/export/agh-statement.js';
import { PdfWriter, type TableCell } from './pdf.js';
import { monthRange } from '../../shared/domain/dates.js';

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** 123456 → "1.234,56 €" */
export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} €`;
}

/** File name of a commune's statement as PDF, safe on Windows. */
export function statementPdfName(s: Statement): string {
  return `AGH-Abrechnung ${s.communeName.replace(/[\\/:*?"<>|]/g, '-')} ${s.month}.pdf`;
}

/** Column widths in points; they fill the content width of an A4 page with 40 pt margins (515 pt with the gaps). */
const widths = { nr: 18, name: 100, file: 52, site: 92, hours: 36, rate: 34, amount: 50, extra: 48, total: 53 };

const margin = 40;

function cells(values: [string, string, string, string, string, string, string, string, string], bold = false): TableCell[] {
  const w = Object.values(widths);
  return values.map((text, i) => ({ text, width: w[i]!, align: i === 0 || i >= 4 ? 'right' : 'left', bold }) as TableCell);
}

function letterhead(w: PdfWriter, s: Statement): void {
  if (s.operator) w.text(s.operator, { size: 12, bold: true });
  if (s.operatorAddress) w.text(s.operatorAddress, { size: 9, gray: true });
  w.space(18);
  w.text(`An: ${s.communeName}`, { size: 10 });
  w.space(14);
  w.text('Abrechnung der Aufwandsentschädigung – Arbeitsgelegenheiten (AGH)', { size: 14, bold: true });
  if (s.status === 'entwurf') w.text('ENTWURF – noch nicht festgestellt', { size: 10, bold: true, gray: true });
  w.space(6);
  const { from, to } = monthRange(s.month);
  w.field('Zeitraum', `${de(from)} – ${de(to)} (${germanMonth(s.month)})`, 110, { size: 10 });
  w.field('Programm', s.programName, 110, { size: 10 });
  w.field('Kommune', s.communeName, 110, { size: 10 });
  w.field('Aktenzeichen', s.fileReference ?? '—', 110, { size: 10 });
  w.space(12);
}

function table(w: PdfWriter, s: Statement): void {
  const style = { size: 8 };
  w.row(cells(['Nr.', 'Name, Vorname', 'Aktenz.', 'Einsatzstelle', 'Std.', '€/Std.', 'Entschä- digung', 'Mehr- aufwand', 'Gesamt'], true), style);
  w.rule();
  w.space(2);
  s.rows.forEach((r, i) => {
    if (i > 0) w.space(3);
    w.row(
      cells([
        String(i + 1),
        r.participantName,
        r.fileNumber ?? '',
        r.site,
        formatHoursX100(r.hoursX100),
        euro(r.rateCents),
        euro(r.amountCents),
        euro(r.extraCostsCents),
        euro(r.payoutCents),
      ]),
      style,
    );
  });
  w.space(2);
  w.rule();
  w.row(
    cells(['', 'Summe', '', '', formatHoursX100(s.totalHoursX100), '', euro(s.totalCents), euro(s.totalExtraCostsCents), euro(s.totalPayoutCents)], true),
    style,
  );
}

function signatureBlock(w: PdfWriter, s: Statement): void {
  w.space(28);
  w.text('Sachlich und rechnerisch richtig', { size: 11, bold: true });
  w.space(8);
  // a draft is printed to be checked and signed by hand: lines to write on
  w.field('Name', s.checkedBy ?? '_'.repeat(36), 110, { size: 10 });
  w.field('Datum', s.establishedOn ? de(s.establishedOn) : '_'.repeat(14), 110, { size: 10 });
  w.space(30);
  w.rule(w.margin, 220);
  w.space(2);
  w.text('Unterschrift', { size: 8, gray: true });
  if (s.status === 'ausgezahlt' && s.paidOn) {
    w.space(16);
    w.text(`Ausgezahlt am ${de(s.paidOn)}`, { size: 10, bold: true });
  }
}

/**
 * The monthly statement as the finance office files it: Träger letterhead and address, the commune, period line,
 * program and Aktenzeichen; per person file number, site, hours, rate, compensation, extra costs and total; the
 * sums; and the "sachlich und rechnerisch richtig" block with name, date and signature line.
 */
export async function renderAghStatement(s: Statement): Promise<Uint8Array> {
  const w = await PdfWriter.create({ title: `AGH-Abrechnung ${s.communeName} ${s.month}`, author: s.operator ?? 'Lotse' }, margin);
  letterhead(w, s);
  if (s.rows.length === 0) w.text('Keine Stunden und kein Mehraufwand in diesem Monat.', { size: 10 });
  else table(w, s);
  signatureBlock(w, s);
  return w.save();
}
