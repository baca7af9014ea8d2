import { describe, expect, it } from 'vitest';
import { openRule } from '../../../../shared/domain/eligibility.js';
import { programInput, type Program } from '../../../../shared/domain/programs.js';
import { figuresFormOf, figuresInputOf } from './programFigures.js';

const base: Program = {
  id: 1, name: 'P', operator: null, funder: null, fundingGuideline: null, grantReference: null, startDate: '2020-01-01',
  endDate: null, hourlyRateCents: 0, eligibilityRule: openRule, communes: [], followUpMonths: 9,
  successKinds: ['sv_beschaeftigung_qualifiziert', 'ausbildung'], targets: [{ key: 'fairs', planned: 4, label: 'Firmenkontaktmessen' }],
  esfPlus: true, archived: false, createdAt: '', updatedAt: '',
};

describe('program figures form', () => {
  it('round-trips a program: months, success kinds in list order, only the targets that have a value', () => {
    const input = figuresInputOf(figuresFormOf(base));
    expect(input).toEqual({
      followUpMonths: 9, successKinds: ['ausbildung', 'sv_beschaeftigung_qualifiziert'], targets: [{ key: 'fairs', planned: 4 }], esfPlus: true,
    });
  });

  it('a new program starts with 6 months, the default success definition and no targets', () => {
    const input = figuresInputOf(figuresFormOf(null));
    expect(input.followUpMonths).toBe(6);
    expect(input.successKinds).toEqual(['ausbildung', 'sv_beschaeftigung_qualifiziert']);
    expect(input.targets).toEqual([]);
    expect(input.esfPlus).toBe(false);
  });

  it('typed mistakes reach the schema with the path the section shows them at', () => {
    const form = figuresFormOf(null);
    const input = figuresInputOf({ ...form, followUpMonths: '40', successKinds: [], targets: { ...form.targets, participants: '60', fairs: '-1' } });
    const parsed = programInput.safeParse({ name: 'P', startDate: '2020-01-01', ...input });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    // participants comes first in targetKeys, fairs second among the filled ones: index 1
    expect(paths).toEqual(expect.arrayContaining(['followUpMonths', 'successKinds', 'targets.1.planned']));
  });
});
