import { describe, expect, it } from 'vitest';
import { compensationCents, formatHoursX100, parseHours, sumHoursX100 } from './compensation.js';
import { addDays, mondayOf, monthRange } from '../domain/dates.js';

describe('compensation in integer cents', () => {
  it('10,000 entries of 0,25 h at 0,80 € are exactly 2,500 h and 2,000.00 €', () => {
    const entries = Array.from({ length: 10_000 }, () => parseHours('0,25'));
    const x100 = entries.map((e) => (e.ok ? e.hoursX100 : NaN));
    const total = sumHoursX100(x100);
    expect(total).toBe(250_000);
    expect(compensationCents(total, 80)).toBe(200_000);
    // the float way drifts; the integer way does not
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += 0.1;
    expect(float).not.toBe(1000);
    const tenths = sumHoursX100(Array.from({ length: 10_000 }, () => 10));
    expect(tenths).toBe(100_000);
  });

  it('rounds half up once per placement-month', () => {
    expect(compensationCents(350, 80)).toBe(280); // 3,5 h × 0,80 €
    expect(compensationCents(1, 80)).toBe(1); // 0,8 ct → 1 ct
    expect(compensationCents(1, 50)).toBe(1); // 0,5 ct → 1 ct (half up)
    expect(compensationCents(1, 49)).toBe(0);
    expect(compensationCents(0, 80)).toBe(0);
    // per-month rounding: 3 days of 0,01 h is 2,4 ct → 2 ct, not 3 × 1 ct
    expect(compensationCents(sumHoursX100([1, 1, 1]), 80)).toBe(2);
  });

  it('refuses non-integers and negatives', () => {
    expect(() => compensationCents(0.5, 80)).toThrow(RangeError);
    expect(() => compensationCents(-1, 80)).toThrow(RangeError);
    expect(() => sumHoursX100([1, 0.1])).toThrow(RangeError);
  });
});

describe('parseHours (what a coordinator types)', () => {
  it.each([
    ['3,5', 350],
    ['3.5', 350],
    ['3', 300],
    [' 0,25 ', 25],
    ['10', 1000],
    ['7,75', 775],
    ['', 0],
    ['8h', 800],
    ['2,', 200],
  ])('%s → %i', (text, expected) => {
    expect(parseHours(text)).toEqual({ ok: true, hoursX100: expected });
  });
  it.each(['-1', '10,5', '11', 'abc', '3,555', '1e2'])('refuses %s', (text) => {
    expect(parseHours(text).ok).toBe(false);
  });
  it('formats hundredths with a decimal comma', () => {
    expect(formatHoursX100(350)).toBe('3,5');
    expect(formatHoursX100(25)).toBe('0,25');
    expect(formatHoursX100(800)).toBe('8');
    expect(formatHoursX100(250_000)).toBe('2500');
  });
});

describe('calendar helpers', () => {
  it('months and weeks', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02').to).toBe('2028-02-29');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday → Monday before
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
