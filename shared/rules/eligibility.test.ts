import { describe, expect, it } from 'vitest';
import type { EligibilityGroup } from '../domain/eligibility.js';
import { describeRule, evaluateEligibility } from './eligibility.js';
import { addYears } from '../domain/dates.js';

const names: Record<number, string> = { 1: 'Freiberg', 2: 'Döbeln', 6: 'Dresden' };
const lookup = (id: number) => names[id];
const dresdenRule: EligibilityGroup = {
  op: 'and',
  items: [
    { kind: 'residenceCommune', communeIds: [6] },
    {
      op: 'or',
      items: [
        { kind: 'residenceStatus', statuses: ['Aufenthaltsgestattung', 'Duldung'] },
        { kind: 'maxYearsInSaxony', years: 5 },
      ],
    },
  ],
};
const person = { communeId: 6, residenceStatus: 'Niederlassungserlaubnis', birthDate: '1990-05-01', arrivalInSaxony: '2019-03-01' };

describe('evaluateEligibility', () => {
  it('explains a failed years-in-Saxony condition in German', () => {
    const r = evaluateEligibility({ op: 'and', items: [dresdenRule.items[0]!, { kind: 'maxYearsInSaxony', years: 5 }] }, person, '2026-03-15', lookup);
    expect(r.eligible).toBe(false);
    expect(r.summary).toBe('Wohnort Dresden ✓, seit 7 Jahren in Sachsen ✗ (höchstens 5)');
    expect(r.reasons).toEqual([
      { ok: true, text: 'Wohnort Dresden ✓' },
      { ok: false, text: 'seit 7 Jahren in Sachsen ✗ (höchstens 5)' },
    ]);
  });

  it('is eligible up to and including the fifth anniversary of arrival, not the day after', () => {
    expect(evaluateEligibility(dresdenRule, person, '2024-03-01', lookup).eligible).toBe(true);
    expect(evaluateEligibility(dresdenRule, person, '2024-02-29', lookup).eligible).toBe(true);
    const after = evaluateEligibility(dresdenRule, person, '2024-03-02', lookup);
    expect(after.eligible).toBe(false);
    expect(after.summary).toContain('seit mehr als 5 Jahren in Sachsen ✗ (höchstens 5)');
  });

  it('OR group: a refugee status is enough however long they lived in Saxony', () => {
    const r = evaluateEligibility(dresdenRule, { ...person, residenceStatus: 'Duldung' }, '2026-11-24', lookup);
    expect(r.eligible).toBe(true);
    expect(r.summary).toBe('Wohnort Dresden ✓, (Aufenthaltsstatus Duldung ✓ oder seit 7 Jahren in Sachsen ✗ (höchstens 5))');
  });

  it('missing data fails its condition and says so', () => {
    const r = evaluateEligibility(
      { op: 'and', items: [{ kind: 'minAge', years: 18 }, { kind: 'residenceCommune', communeIds: [1, 2] }] },
      { communeId: null, residenceStatus: null, birthDate: null, arrivalInSaxony: null },
      '2026-01-01',
      lookup,
    );
    expect(r.eligible).toBe(false);
    expect(r.summary).toBe('Geburtsdatum unbekannt ✗ (mindestens 18 Jahre), Wohnort unbekannt ✗ (erforderlich: Freiberg, Döbeln)');
  });

  it('age counts full years on the date', () => {
    const rule: EligibilityGroup = { op: 'and', items: [{ kind: 'minAge', years: 18 }] };
    const p = { ...person, birthDate: '2008-06-10' };
    expect(evaluateEligibility(rule, p, '2026-06-09', lookup).summary).toBe('Alter 17 ✗ (mindestens 18)');
    expect(evaluateEligibility(rule, p, '2026-06-10', lookup).summary).toBe('Alter 18 ✓ (mindestens 18)');
  });

  it('an empty rule admits everybody', () => {
    expect(evaluateEligibility({ op: 'and', items: [] }, person, '2026-01-01', lookup).eligible).toBe(true);
  });

  it('addYears moves 29 February to 28 February', () => {
    expect(addYears('2020-02-29', 5)).toBe('2025-02-28');
  });

  it('describes a rule', () => {
    expect(describeRule(dresdenRule, lookup)).toBe(
      'Wohnort Dresden und (Aufenthaltsstatus Aufenthaltsgestattung oder Duldung oder höchstens 5 Jahre in Sachsen)',
    );
  });
});
