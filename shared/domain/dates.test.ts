import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, daysInMonth, fullYearsBetween, germanDate, isRealDate, mondayOf, monthRange, nowIso, todayIso } from './dates.js';

describe('date helpers', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    // the day daylight saving starts in Germany has 23 hours; calendar arithmetic must not lose it
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('adds months and years, a missing day becoming the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(fullYearsBetween('2000-02-29', '2026-02-28')).toBe(25);
    expect(fullYearsBetween('2000-03-01', '2026-03-01')).toBe(26);
  });

  it('knows months, weeks and real dates', () => {
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(isRealDate(2026, 2, 29)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week before
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it('reads today from the local clock and stamps moments in UTC', () => {
    const halfPastMidnight = new Date(2026, 0, 2, 0, 30); // local time
    expect(todayIso(halfPastMidnight)).toBe('2026-01-02');
    expect(nowIso(new Date(Date.UTC(2026, 0, 2, 0, 30)))).toBe('2026-01-02T00:30:00.000Z');
    expect(germanDate('2026-11-03')).toBe('03.11.2026');
    expect(germanDate(null)).toBe('');
  });
});
