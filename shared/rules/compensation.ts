/**
 * AGH hours and Aufwandsentschädigung in integers only. Hours are stored as hundredths (`hours_x100`: 0,25 h = 25),
 * money as cents, so sums over any number of entries are exact (no float drift).
 *
 * Rounding rule: the amount is computed once per placement and month from the month's total hours:
 *   cents = round_half_up(totalHoursX100 × rateCents / 100)
 * (not per day), so splitting the same hours differently over the days never changes the amount. With hours in
 * quarter steps and whole-cent rates the result is usually exact; where it is not (e.g. 0,01 h × 0,80 €) half a
 * cent and more rounds up, as commercial rounding in Germany does.
 */

/** Most hours one person may work in an AGH on one day. */
export const MAX_HOURS_X100_PER_DAY = 1000;

/** Cents owed for hours (hundredths) at a rate (cents per hour), rounded half up to whole cents. */
export function compensationCents(hoursX100: number, rateCents: number): number {
  if (!Number.isSafeInteger(hoursX100) || !Number.isSafeInteger(rateCents) || hoursX100 < 0 || rateCents < 0) {
    throw new RangeError('hours_x100 and rate_cents must be non-negative integers');
  }
  const product = hoursX100 * rateCents;
  if (!Number.isSafeInteger(product)) throw new RangeError('amount too large');
  // integer half-up division by 100
  return Math.floor((product + 50) / 100);
}

/** Sum of integer hundredths; throws rather than drift if a value is not an integer. */
export function sumHoursX100(values: Iterable<number>): number {
  let sum = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError('hours_x100 must be integers');
    sum += v;
  }
  return sum;
}

export type ParsedHours = { ok: true; hoursX100: number } | { ok: false; message: string; messageEn: string };

/**
 * Parses what a coordinator types into an hours cell: "3,5", "3.5", "3", "0,25", "" (= 0). At most two decimals;
 * never negative; at most 10 h. Done on the text so "0,1" + "0,2" never becomes 0.30000000000000004.
 */
export function parseHours(text: string): ParsedHours {
  const t = text.trim().replace(/\s+/g, '').replace(/h$/i, '');
  if (t === '') return { ok: true, hoursX100: 0 };
  if (t.startsWith('-')) return { ok: false, message: 'Stunden dürfen nicht negativ sein', messageEn: 'Hours must not be negative' };
  const m = /^(\d{1,3})(?:[,.](\d{0,2}))?$/.exec(t);
  if (!m) return { ok: false, message: `„${text.trim()}“ ist keine Stundenzahl (Beispiel: 3,5)`, messageEn: 'Not a number of hours' };
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  const hoursX100 = whole * 100 + frac;
  if (hoursX100 > MAX_HOURS_X100_PER_DAY) {
    return { ok: false, message: 'Höchstens 10 Stunden am Tag', messageEn: 'At most 10 hours per day' };
  }
  return { ok: true, hoursX100 };
}

/** 350 → "3,5"; 25 → "0,25"; 0 → "0" (German decimal comma, no trailing zeros). */
export function formatHoursX100(hoursX100: number): string {
  const sign = hoursX100 < 0 ? '-' : '';
  const abs = Math.abs(hoursX100);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
