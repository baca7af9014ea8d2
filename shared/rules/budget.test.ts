import { describe, expect, it } from 'vitest';
import { checkPositions, forecastCents, withinTolerance } from './budget.js';

describe('ANBest-P tolerance', () => {
  it('allows exactly 20 % above plan and refuses one cent more', () => {
    expect(withinTolerance(100_000, 120_000)).toBe(true);
    expect(withinTolerance(100_000, 120_001)).toBe(false);
    expect(withinTolerance(0, 1)).toBe(false);
    expect(withinTolerance(0, 0)).toBe(true);
  });

  it('flags an overrun beyond 20 %, and one within 20 % that other positions do not make up for', () => {
    const covered = checkPositions([
      { key: 'a', plannedCents: 100_000, actualCents: 120_000 },
      { key: 'b', plannedCents: 100_000, actualCents: 80_000 },
    ]);
    expect(covered.map((p) => p.status)).toEqual(['in_toleranz', 'im_plan']);
    const beyond = checkPositions([
      { key: 'a', plannedCents: 100_000, actualCents: 120_001 },
      { key: 'b', plannedCents: 100_000, actualCents: 70_000 },
    ]);
    expect(beyond[0]!.status).toBe('ueber_toleranz');
    const uncovered = checkPositions([
      { key: 'a', plannedCents: 100_000, actualCents: 110_000 },
      { key: 'b', plannedCents: 100_000, actualCents: 95_000 },
    ]);
    expect(uncovered[0]!.status).toBe('nicht_ausgeglichen');
    expect(uncovered[0]!.differenceCents).toBe(10_000);
  });

  it('forecasts from the rate of spending so far', () => {
    // 10 of 20 days gone, 1.000 € spent → 2.000 €
    expect(forecastCents(100_000, '2026-01-01', '2026-01-20', '2026-01-10')).toBe(200_000);
    expect(forecastCents(100_000, '2026-01-01', '2026-01-20', '2026-02-01')).toBe(100_000);
  });
});
