/**
 * Calendar dates as Lotse stores them: `YYYY-MM-DD` text, months `YYYY-MM`, moments ISO-8601 in UTC. The one home
 * of date arithmetic for main and renderer. Arithmetic on days runs on UTC midnight, so no daylight-saving change
 * can shift a day; only `todayIso` reads the local clock, because coordinators think in local calendar days.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
const parts = (isoDate: string): [number, number, number] => [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))];

/** Days of a month (1–12) of a year: leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True if y-m-d is a real calendar date (31.02. is not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** The local calendar day of a moment, by default now: a backup at 00:30 in Dresden belongs to that day, not UTC's. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A moment as stored in `*_at` columns and audit entries: ISO-8601 in UTC. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** Adds days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The same day `months` months later (or earlier); a day the target month lacks becomes its last (31.01. + 1 → 28.02.). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = parts(isoDate);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The date `years` years after `isoDate`; 29.02. becomes 28.02. in a non-leap year. */
export function addYears(isoDate: string, years: number): string {
  return addMonths(isoDate, years * 12);
}

/** Whole years between two ISO dates (age on a day, years in Saxony on the enrollment date). */
export function fullYearsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = parts(fromIso);
  const [ty, tm, td] = parts(toIso);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

/** First and last day of a month "YYYY-MM". */
export function monthRange(month: string): { from: string; to: string } {
  const last = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { from: `${month}-01`, to: `${month}-${pad2(last)}` };
}

/** Monday of the week containing the date (German weeks start on Monday). */
export function mondayOf(isoDate: string): string {
  const dow = (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(isoDate, -dow);
}

/** German writing of a stored date for messages, PDFs and sheets: 2026-11-03 → 03.11.2026; empty for none. */
export function germanDate(isoDate: string | null): string {
  if (!isoDate) return '';
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}
