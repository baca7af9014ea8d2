import type { Program } from '../../../../shared/domain/programs.js';
import type { Period } from '../dashboard/usePeriod.js';
import { todayIso } from '../../../../shared/domain/dates.js';

/** The program's whole runtime (until today if still open): the usual frame of a Verwendungsnachweis. */
export function programPeriod(p: Program, today = todayIso()): Period {
  return { programId: p.id, from: p.startDate, to: p.endDate ?? today };
}

/** Budget years of a program (start year to end year, or to this year while open); a future program has its first. */
export function yearsOf(p: Program, today = todayIso()): number[] {
  const first = Number(p.startDate.slice(0, 4));
  const last = Math.max(first, Number((p.endDate ?? today).slice(0, 4)));
  const out: number[] = [];
  for (let y = first; y <= last && out.length < 20; y++) out.push(y);
  return out;
}

/** The budget year a Zwischennachweis starts with: this year, within the program's years. */
export function currentYear(p: Program, today = todayIso()): number {
  const years = yearsOf(p, today);
  const now = Number(today.slice(0, 4));
  return Math.min(Math.max(now, years[0]!), years.at(-1)!);
}

/** Still running on the server's terms: no end date, or an end after today. */
export function isRunning(p: Program, today = todayIso()): boolean {
  return p.endDate === null || p.endDate > today;
}

/** A period bound in the URL is taken only as a full ISO day. */
export const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** One budget year: the frame of a Zwischennachweis. */
export function yearFrame(p: Program, year: number): Period {
  return { programId: p.id, from: `${year}-01-01`, to: `${year}-12-31` };
}
