import { parseMoney } from '../../../../shared/rules/money.js';
import { formatCents } from '../../../../shared/rules/money.js';

/** Typed amount → cents, or null when it cannot be read exactly (the rule of shared/rules/money.ts). */
export function centsOf(text: string): number | null {
  const r = parseMoney(text);
  return r.ok ? r.cents : null;
}

/**
 * A typed percentage ("10", "7,5") → basis points. A percentage with two decimals has the shape of an amount, and
 * basis points are its hundredths just as cents are a euro's: the money parser reads it exactly.
 */
export function basisPointsOf(text: string): number | null {
  return centsOf(text);
}

/** Cents as an editable German amount without the currency sign ("1.234,56"). */
export const amountText = (cents: number) => formatCents(cents, false);
/** Basis points as an editable percentage ("7,5"). */
export const percentText = (bp: number | null) => (bp === null ? '' : formatCents(bp, false).replace(/,00$/, '').replace(/(,\d)0$/, '$1'));
