/**
 * Amounts of money as integer cents, parsed from what people type and what accounting exports write.
 *
 * Decisions (issue 16, "Bad input"):
 * - German format is the norm: "1.234,56 €", "1234,56", "-12,50", "12,50-" (trailing minus of accounting lists).
 * - A dot followed by exactly three digits groups thousands ("1.234" = 1.234,00 €), as in German.
 * - A single dot followed by one or two digits and no comma is a decimal point ("1234.56" = 1.234,56 €): no
 *   German number can look like that, and exports of English-language tools write it.
 * - English grouping with a decimal point ("1,234.56") is refused: "1,234" alone would be 1,23 € in German, so
 *   such a list is ambiguous and must be fixed at the source rather than guessed.
 * - More than two decimals are refused (no rounding of money behind anyone's back).
 * Parsing works on the digits, never through floating point, so every amount is exact.
 */

export type ParsedMoney = { ok: true; cents: number } | { ok: false; message: string; messageEn: string };

const refuse = (text: string, why: string, whyEn: string): ParsedMoney => ({
  ok: false,
  message: `„${text}“ ist kein Betrag (${why})`,
  messageEn: `"${text}" is not an amount (${whyEn})`,
});

const spaces = /[\s\u00a0\u2007\u202f']/g;

/** Whole euros and up to two decimal digits → cents, exactly; null when the result is no safe integer. */
function toCents(euros: string, decimals: string): number | null {
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Splits off a sign written before ("-12,50", "−12,50", "+5") or after ("12,50-") the number. */
function splitSign(s: string): { negative: boolean; body: string } {
  const t = s.replace(/^−/, '-').replace(/−$/, '-');
  if (t.startsWith('-')) return { negative: true, body: t.slice(1) };
  if (t.startsWith('+')) return { negative: false, body: t.slice(1) };
  if (t.endsWith('-')) return { negative: true, body: t.slice(0, -1) };
  return { negative: false, body: t };
}

/** The digits before and after the decimal separator, or why the text is refused. */
function splitDecimals(body: string, original: string): { euros: string; decimals: string } | ParsedMoney {
  let m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(body);
  if (m) {
    const decimals = m[2] ?? '';
    if (decimals.length > 2) return refuse(original, 'höchstens zwei Nachkommastellen', 'at most two decimals');
    return { euros: m[1]!.replace(/\./g, ''), decimals };
  }
  m = /^(\d+)\.(\d{1,2})$/.exec(body);
  if (m) return { euros: m[1]!, decimals: m[2]! };
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(body)) {
    return refuse(original, 'englische Schreibweise – bitte 1.234,56 schreiben', 'English notation – please write 1.234,56');
  }
  if (/^\d+\.\d{3,}$/.test(body) || /^\d+,\d{3,}$/.test(body)) {
    return refuse(original, 'höchstens zwei Nachkommastellen', 'at most two decimals');
  }
  return refuse(original, 'Beispiel: 1.234,56', 'example: 1.234,56');
}

/** Parses a typed or imported amount into cents; see the decisions above. Empty text is refused. */
export function parseMoney(text: string): ParsedMoney {
  const original = text.trim();
  const s = original.replace(/€|eur(o)?/gi, '').replace(spaces, '');
  if (s === '') return { ok: false, message: 'Betrag fehlt', messageEn: 'Amount missing' };
  const { negative, body } = splitSign(s);
  const parts = splitDecimals(body, original);
  if ('ok' in parts) return parts;
  const cents = toCents(parts.euros, parts.decimals);
  if (cents === null) return refuse(original, 'zu groß', 'too large');
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

/**
 * A number read from a spreadsheet cell (a float of euros) as cents. Refused when it has more than two decimals
 * (beyond float noise), so 12.345 is never silently rounded.
 */
export function centsFromNumber(euros: number): ParsedMoney {
  const cents = Math.round(euros * 100);
  if (!Number.isFinite(euros) || !Number.isSafeInteger(cents)) return refuse(String(euros), 'zu groß', 'too large');
  if (Math.abs(euros * 100 - cents) > 1e-6 * Math.max(1, Math.abs(cents))) {
    return refuse(String(euros).replace('.', ','), 'höchstens zwei Nachkommastellen', 'at most two decimals');
  }
  return { ok: true, cents: cents === 0 ? 0 : cents };
}

/** 123456 → "1.234,56 €"; -1250 → "-12,50 €" (German grouping, always two decimals). */
export function formatCents(cents: number, withSymbol = true): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${euros},${rest}${withSymbol ? ' €' : ''}`;
}
