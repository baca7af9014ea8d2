import { describe, expect, it } from 'vitest';
import type { EligibilityGroup } from '../domain/eligibility.js';
import { describeRule, evaluateEligibility } from './eligibility.js';
import { titleAttributes, titleOn, type HeldTitle } from './title-history.js';

const h = (titleCode: string, validFrom: string | null, validUntil: string | null = null): HeldTitle => ({ titleCode, validFrom, validUntil });

describe('titleOn', () => {
  const history = [h('gestattung', '2019-01-10', '2021-05-31'), h('ae_25_2', '2021-06-01', '2024-05-31')];
  it('is the title valid on the day', () => {
    expect(titleOn(history, '2020-01-01')?.titleCode).toBe('gestattung');
    expect(titleOn(history, '2021-06-01')?.titleCode).toBe('ae_25_2');
  });
  it('after the last title ran out it is still that title (best knowledge); before the first none', () => {
    expect(titleOn(history, '2026-01-01')?.titleCode).toBe('ae_25_2');
    expect(titleOn(history, '2018-01-01')).toBeUndefined();
  });
  it('an entry with an open start counts as the oldest', () => {
    expect(titleOn([h('duldung', null), h('ae_25_5', '2025-01-01')], '2026-01-01')?.titleCode).toBe('ae_25_5');
    expect(titleOn([h('duldung', null), h('ae_25_5', '2025-01-01')], '2024-01-01')?.titleCode).toBe('duldung');
  });
});

describe('titleAttributes', () => {
  it('a Fiktionsbescheinigung takes the attributes of the title it continues', () => {
    const a = titleAttributes([h('gestattung', '2020-01-01', '2025-12-31'), h('fiktion', '2026-01-01')], '2026-02-01');
    expect(a).toMatchObject({ asylblg: 'yes', labourMarket: 'permission', seekingProtection: true });
    expect(a.title?.code).toBe('fiktion');
  });
  it('a Fiktionsbescheinigung alone is undecided', () => {
    expect(titleAttributes([h('fiktion', null)], '2026-02-01')).toMatchObject({ asylblg: 'depends', labourMarket: 'depends', seekingProtection: null });
  });
  it('remembers an earlier protection title', () => {
    const a = titleAttributes([h('ae_25_2', '2016-01-01', '2020-12-31'), h('ne', '2021-01-01')], '2026-01-01');
    expect(a).toMatchObject({ seekingProtection: false, hadProtection: true });
  });
});

describe('rules of the first version still work through the catalogue', () => {
  const rule: EligibilityGroup = { op: 'and', items: [{ kind: 'residenceStatus', statuses: ['Aufenthaltserlaubnis'] }] };
  const person = { communeId: null, birthDate: null, arrivalInSaxony: null };
  it('"Aufenthaltserlaubnis" covers every residence permit of the catalogue', () => {
    expect(evaluateEligibility(rule, { ...person, residenceStatus: 'Aufenthaltserlaubnis § 25 Abs. 2 AufenthG (Flüchtlingsschutz, subsidiärer Schutz)' }, '2026-01-01', () => undefined).eligible).toBe(true);
    expect(evaluateEligibility(rule, { ...person, residenceStatus: 'AE § 24' }, '2026-01-01', () => undefined).eligible).toBe(true);
    expect(evaluateEligibility(rule, { ...person, residenceStatus: 'Duldung' }, '2026-01-01', () => undefined).eligible).toBe(false);
  });
  it('describes the new kinds in German', () => {
    const r: EligibilityGroup = {
      op: 'and',
      items: [
        { kind: 'titleGroup', groups: ['asyl', 'duldung'] },
        { kind: 'labourMarketAccess', access: ['allowed'] },
        { kind: 'ageRange', min: 18, max: 27 },
        { kind: 'maxYearsInGermany', years: 3 },
      ],
    };
    expect(describeRule(r, () => undefined)).toBe(
      'Aufenthaltstitel Aufenthaltsgestattung (Asylverfahren) oder Duldung und Arbeitsmarktzugang erlaubt und 18 bis 27 Jahre alt und höchstens 3 Jahre in Deutschland',
    );
  });
  it('evaluates age range and years in Germany with their reasons', () => {
    const r: EligibilityGroup = { op: 'and', items: [{ kind: 'ageRange', min: 18, max: 27 }, { kind: 'maxYearsInGermany', years: 3 }] };
    const res = evaluateEligibility(r, { ...person, residenceStatus: null, birthDate: '1990-01-01', arrivalInGermany: '2024-01-01' }, '2026-01-01', () => undefined);
    expect(res.reasons).toEqual([
      { ok: false, text: 'Alter 36 ✗ (18 bis 27)' },
      { ok: true, text: 'seit 2 Jahren in Deutschland ✓ (höchstens 3)' },
    ]);
  });
});
