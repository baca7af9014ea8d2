import { describe, expect, it } from 'vitest';
import { openRule } from '../../../../shared/domain/eligibility.js';
import type { Program } from '../../../../shared/domain/programs.js';
import { currentYear, isRunning, programPeriod, yearsOf } from './reportPeriods.js';

function program(startDate: string, endDate: string | null): Program {
  return {
    id: 7, name: 'P', operator: null, funder: null, fundingGuideline: null, grantReference: null, startDate, endDate,
    hourlyRateCents: 0, eligibilityRule: openRule, communes: [], followUpMonths: 6, successKinds: ['ausbildung'], targets: [],
    esfPlus: false, archived: false, createdAt: '', updatedAt: '',
  };
}

describe('report periods', () => {
  it('a program is running until the day after its end, and always without an end', () => {
    expect(isRunning(program('2020-01-01', null), '2026-12-03')).toBe(true);
    expect(isRunning(program('2026-01-01', '2027-12-31'), '2026-12-03')).toBe(true);
    expect(isRunning(program('2016-01-01', '2019-12-31'), '2026-12-03')).toBe(false);
    // the end day itself counts as ended: the server asks for confirmation only after today
    expect(isRunning(program('2016-01-01', '2026-12-03'), '2026-12-03')).toBe(false);
  });

  it('the Zwischennachweis starts with this year, kept inside the program years', () => {
    expect(currentYear(program('2026-01-01', '2027-12-31'), '2026-12-03')).toBe(2026);
    expect(currentYear(program('2016-01-01', '2019-12-31'), '2026-12-03')).toBe(2019);
    expect(currentYear(program('2028-01-01', null), '2026-12-03')).toBe(2028);
    expect(yearsOf(program('2028-03-01', null), '2026-12-03')).toEqual([2028]);
  });

  it('the Verwendungsnachweis covers the whole runtime, up to today while open', () => {
    expect(programPeriod(program('2020-01-01', null), '2026-12-03')).toEqual({ programId: 7, from: '2020-01-01', to: '2026-12-03' });
    expect(programPeriod(program('2016-01-01', '2019-12-31'), '2026-12-03')).toEqual({ programId: 7, from: '2016-01-01', to: '2019-12-31' });
  });
});
