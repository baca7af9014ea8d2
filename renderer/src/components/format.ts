import i18n from 'i18next';

/**
 * Display formats of the UI language (German: 24.11.2026, 1.234,5; English: 24/11/2026, 1,234.5); storage stays
 * ISO dates and integer cents. The formatters are built once per language and looked up at each call, so a switch
 * of the language applies to the next render.
 */
interface Formats {
  date: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
  timestamp: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  euro: Intl.NumberFormat;
  number: Intl.NumberFormat;
}

const cache = new Map<string, Formats>();

/** The Intl locale of the UI language: British English writes the day first, like German. */
export function uiLocale(language = i18n.language ?? 'de'): string {
  return language.startsWith('en') ? 'en-GB' : 'de-DE';
}

function formats(): Formats {
  const locale = uiLocale();
  let f = cache.get(locale);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
      // "Januar 2026" reads well in German; English axis labels stay short ("Jan 2026")
      month: new Intl.DateTimeFormat(locale, { month: locale === 'de-DE' ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }),
      timestamp: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
      euro: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    };
    cache.set(locale, f);
  }
  return f;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return formats().date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** "2026-01" → "Januar 2026" (German) or "Jan 2026" (English); anything else is returned as it is. */
export function formatMonth(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return formats().month.format(new Date(`${month}-01T00:00:00Z`));
}

/** An ISO-8601 timestamp in the coordinator's local time. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formats().timestamp.format(d);
}

/** The local clock time of an ISO-8601 timestamp. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formats().time.format(d);
}

export function formatEuro(cents: number): string {
  return formats().euro.format(cents / 100);
}

export function formatNumber(n: number): string {
  return formats().number.format(n);
}

/** "0,80" or "0.80" → 80 cents; null if not a valid amount. */
export function parseEuroToCents(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '').replace(/\./g, (m, i: number, s: string) => (s.includes(',') ? '' : m)).replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}
