import type { EligibilityGroup } from '../../../shared/domain/eligibility.js';

/**
 * The two seed programs' eligibility rules as issue 14 item 4 and DOMAIN.md "Rules" state them; the demo and the
 * eligibility tests use these same rules.
 *
 * AGH Mittelsachsen (§ 5 AsylbLG): lives in one of the program's communes AND is entitled under the AsylbLG (the
 * person's entitlement, not the status alone) AND is not in work AND is an adult.
 */
export function aghRule(communeIds: number[]): EligibilityGroup {
  return {
    op: 'and',
    items: [
      { kind: 'residenceCommune', communeIds },
      { kind: 'asylblgEntitled' },
      { kind: 'employmentStatus', statuses: ['arbeitslos', 'langzeitarbeitslos', 'nicht_erwerbstaetig'] },
      { kind: 'ageRange', min: 18, max: null },
    ],
  };
}

/**
 * Arbeitsmarktmentoren Dresden: lives in Dresden AND (seeks or has protection OR (has a migration background AND
 * has lived in Saxony for at most 5 years on the enrollment date)).
 */
export function mentoringRule(dresdenId: number): EligibilityGroup {
  return {
    op: 'and',
    items: [
      { kind: 'residenceCommune', communeIds: [dresdenId] },
      {
        op: 'or',
        items: [
          { kind: 'seekingProtection' },
          { op: 'and', items: [{ kind: 'migrationBackground' }, { kind: 'maxYearsInSaxony', years: 5 }] },
        ],
      },
    ],
  };
}
