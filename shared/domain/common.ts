import { z } from 'zod';

/** True if y-m-d is a real calendar date (31.02. is not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** A calendar date as stored everywhere: `YYYY-MM-DD` text, checked for being a real date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Datum im Format JJJJ-MM-TT erwartet' })
  .refine(
    (s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))),
    { message: 'Kein gültiges Kalenderdatum' },
  );

export const id = z.number().int().positive();

/** Optional free text: trimmed; empty becomes null so the database never holds "". */
export const optionalText = (max = 500) =>
  z
    .string()
    .max(max, { message: `Höchstens ${max} Zeichen` })
    .transform((s) => s.trim())
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const requiredText = (max = 200) =>
  z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, { message: 'Pflichtfeld' }).max(max, { message: `Höchstens ${max} Zeichen` }));

/** Today as YYYY-MM-DD in local time (coordinators think in local calendar days). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whole years between two ISO dates (age on a day, years in Saxony on the enrolment date). */
export function fullYearsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = toIso.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}
