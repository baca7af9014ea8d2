import { isRealDate } from '../../../shared/domain/dates.js';

/**
 * Dates as people type them: day first (24.11.2026, 1.2.2026 in German; 24/11/2026 in English) or as stored
 * (2026-11-24). Years have four digits, so a birth date "1.2.95" is not silently read as 2095.
 */
const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const isoForm = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Typed text → `YYYY-MM-DD`, or null if it is no real calendar date. */
export function parseDateInput(text: string): string | null {
  const t = text.trim();
  const m = dayFirst.exec(t);
  const [y, mo, d] = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : (isoForm.exec(t)?.slice(1).map(Number) ?? []);
  if (y === undefined || mo === undefined || d === undefined || !isRealDate(y, mo, d)) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** `YYYY-MM-DD` → the UI language's way of writing it: 01.02.2026 (de) or 01/02/2026 (en). */
export function formatDateInput(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const sep = language.startsWith('en') ? '/' : '.';
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
}

/**
 * What a date field reports to its form while the user types: the stored form when the text is a date, '' when the
 * field is empty, otherwise the text itself, so the form's validation refuses it instead of dropping it silently.
 */
export function dateFieldValue(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const parsed = parseDateInput(t);
  if (parsed) return parsed;
  // a whole day-first date that does not exist (31.02.2026) goes on in the stored form, so the form says
  // "Kein gültiges Kalenderdatum" rather than asking for another format
  const m = dayFirst.exec(t);
  return m ? `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}` : text;
}
