import { aghTwiceMessage, looksLikeAghCompensation, type ReceiptField, type ReceiptMapping } from '../../../shared/domain/finance.js';
import { centsFromNumber, parseMoney, type ParsedMoney } from '../../../shared/rules/money.js';
import type { Cell, RawRow, RawSheet } from './read.js';
import { headerKey } from './table.js';
import { parseDate, text } from './values.js';

/**
 * Turns the rows of an accounting export into receipts: which column holds which receipt field (proposed from the
 * header, as the people import does with its own words), and each row's values parsed — German amounts exactly
 * into cents, dates as the people import reads them. Pure: no database; the position is resolved by the caller's
 * list of positions.
 */

const aliases: Record<ReceiptField, string[]> = {
  date: ['datum', 'belegdatum', 'buchungsdatum', 'rechnungsdatum', 'date', 'bookingdate'],
  number: ['belegnr', 'belegnummer', 'beleg', 'rechnungsnr', 'rechnungsnummer', 'nr', 'number', 'invoice', 'belegnrextern'],
  payee: ['empfaenger', 'zahlungsempfaenger', 'lieferant', 'kreditor', 'name', 'firma', 'payee', 'auftragnehmer', 'empfaengereinzahler'],
  purpose: ['zweck', 'verwendungszweck', 'buchungstext', 'text', 'bezeichnung', 'beschreibung', 'gegenstand', 'purpose'],
  position: ['position', 'finanzplanposition', 'kostenart', 'ausgabeposition', 'haushaltsposition', 'pos', 'positionsnr', 'kategorie'],
  amount: ['betrag', 'betrageur', 'betragbrutto', 'summe', 'brutto', 'ausgabe', 'ausgaben', 'amount', 'betrageuro', 'eur'],
  paidOn: ['bezahltam', 'zahlungsdatum', 'zahldatum', 'bezahlt', 'wertstellung', 'valuta', 'paidon'],
};

const fieldOf = new Map<string, ReceiptField>(Object.entries(aliases).flatMap(([f, keys]) => keys.map((k) => [k, f as ReceiptField] as const)));

/** The receipt field a header names, or null. */
export function receiptFieldForHeader(header: string): ReceiptField | null {
  return fieldOf.get(headerKey(header)) ?? null;
}

/** Each column's field from its header; a field taken by an earlier column is not given twice. */
export function proposeReceiptMapping(headers: string[]): ReceiptMapping {
  const used = new Set<ReceiptField>();
  return headers.map((h) => {
    const f = receiptFieldForHeader(h);
    if (!f || used.has(f)) return null;
    used.add(f);
    return f;
  });
}

export interface ReceiptLayout {
  headerIndex: number;
  headerRow: number;
  headers: string[];
}

/** The header is the row among the first 30 that names the most receipt fields. */
export function findReceiptHeader(sheet: RawSheet): ReceiptLayout & { score: number } {
  let best = 0;
  let bestScore = -1;
  sheet.rows.slice(0, 30).forEach((row, i) => {
    const score = new Set(row.cells.map((c) => receiptFieldForHeader(text(c) ?? '')).filter((f) => f !== null)).size;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  const row = sheet.rows[best];
  return { headerIndex: best, headerRow: row?.rowNumber ?? 1, headers: row ? row.cells.map((c) => text(c) ?? '') : [], score: Math.max(bestScore, 0) };
}

/** The sheet that looks most like a receipt list. */
export function pickReceiptSheet(sheets: RawSheet[]): RawSheet {
  return sheets.reduce((best, s) => (findReceiptHeader(s).score > findReceiptHeader(best).score ? s : best), sheets[0]!);
}

export interface ImportedReceipt {
  row: number;
  date: string;
  number: string | null;
  payee: string | null;
  purpose: string | null;
  positionKey: string;
  amountCents: number;
  paidOn: string | null;
}

export interface Rejection {
  row: number;
  reason: string;
  reasonEn: string;
}

export interface PositionRef {
  key: string;
  label: string;
  kind: string;
}

const moneyOf = (cell: Cell): ParsedMoney =>
  typeof cell === 'number' ? centsFromNumber(cell) : parseMoney(text(cell) ?? '');

/** The position a cell names, by its key or its label (spelling and case aside). */
function positionOf(cell: Cell, positions: PositionRef[]): PositionRef | string | null {
  const t = text(cell);
  if (t === null) return null;
  const k = headerKey(t);
  return positions.find((p) => p.key === t || headerKey(p.key) === k || headerKey(p.label) === k) ?? t;
}

const footer = /^(summe|gesamt|insgesamt|total|zwischensumme|übertrag|uebertrag)\b/i;

function valueAt(row: RawRow, mapping: ReceiptMapping, field: ReceiptField): Cell {
  const i = mapping.indexOf(field);
  return i < 0 ? null : (row.cells[i] ?? null);
}

type RowResult = { ok: true; receipt: ImportedReceipt } | { ok: false; rejection: Rejection } | { ok: 'skip' };

function reject(row: number, reason: string, reasonEn: string): RowResult {
  return { ok: false, rejection: { row, reason, reasonEn } };
}

/** One row as a receipt, or why it is refused (date and position are required, the amount must be exact). */
export function parseReceiptRow(row: RawRow, mapping: ReceiptMapping, positions: PositionRef[], today: string): RowResult {
  const first = row.cells.map(text).find((t) => t !== null) ?? '';
  if (footer.test(first)) return { ok: 'skip' };
  const date = parseDate(valueAt(row, mapping, 'date'), 'past', today);
  if (!date.ok) return reject(row.rowNumber, 'Datum ungültig', 'Invalid date');
  if (date.value === null) return reject(row.rowNumber, 'Datum fehlt', 'Date missing');
  const position = positionOf(valueAt(row, mapping, 'position'), positions);
  if (position === null) return reject(row.rowNumber, 'Position fehlt', 'Position missing');
  if (typeof position === 'string') return reject(row.rowNumber, `Position „${position}“ gibt es im Finanzierungsplan nicht`, `No position "${position}" in the plan`);
  if (position.kind === 'pauschale') return reject(row.rowNumber, `Auf die Pauschale „${position.label}“ werden keine Belege gebucht`, 'No receipts on a flat rate');
  const money = moneyOf(valueAt(row, mapping, 'amount'));
  if (!money.ok) return reject(row.rowNumber, money.message, money.messageEn);
  const paid = parseDate(valueAt(row, mapping, 'paidOn'), 'past', today);
  if (!paid.ok) return reject(row.rowNumber, 'Bezahlt-am-Datum ungültig', 'Invalid payment date');
  const payee = text(valueAt(row, mapping, 'payee'));
  const purpose = text(valueAt(row, mapping, 'purpose'));
  if (looksLikeAghCompensation(purpose, payee)) return reject(row.rowNumber, aghTwiceMessage.de, aghTwiceMessage.en);
  return {
    ok: true,
    receipt: {
      row: row.rowNumber,
      date: date.value,
      number: text(valueAt(row, mapping, 'number')),
      payee,
      purpose,
      positionKey: position.key,
      amountCents: money.cents,
      paidOn: paid.value,
    },
  };
}

export interface ParsedReceipts {
  rowsTotal: number;
  accepted: ImportedReceipt[];
  rejected: Rejection[];
}

/** Every row below the header, as receipts or rejections with row and reason. */
export function parseReceiptRows(sheet: RawSheet, layout: ReceiptLayout, mapping: ReceiptMapping, positions: PositionRef[], today: string): ParsedReceipts {
  const out: ParsedReceipts = { rowsTotal: 0, accepted: [], rejected: [] };
  for (const row of sheet.rows.slice(layout.headerIndex + 1)) {
    const r = parseReceiptRow(row, mapping, positions, today);
    if (r.ok === 'skip') continue;
    out.rowsTotal++;
    if (r.ok) out.accepted.push(r.receipt);
    else out.rejected.push(r.rejection);
  }
  return out;
}
