import { describe, expect, it } from 'vitest';
import { consentState, editableFieldsWithoutConsent, maySuccessStoryBePublished, retentionEndsOn } from './privacy.js';

describe('retentionEndsOn', () => {
  it('counts the years from the end of the year of the final report, else of the program end', () => {
    expect(retentionEndsOn({ finalReportSubmittedOn: '2020-03-15', endDate: '2019-12-31', retentionYears: 5 })).toBe('2026-01-01');
    expect(retentionEndsOn({ finalReportSubmittedOn: null, endDate: '2019-12-31', retentionYears: 5 })).toBe('2025-01-01');
    expect(retentionEndsOn({ finalReportSubmittedOn: '2020-12-31', endDate: null, retentionYears: 0 })).toBe('2021-01-01');
    expect(retentionEndsOn({ finalReportSubmittedOn: null, endDate: null, retentionYears: 5 })).toBeNull();
  });
});

describe('consent', () => {
  const base = { consentDate: '2026-01-01', consentExpiresOn: null, consentWithdrawnOn: null };
  it('states: valid, missing, expiring within 30 days, expired, withdrawn wins', () => {
    expect(consentState(base, '2026-11-24')).toBe('valid');
    expect(consentState({ ...base, consentDate: null }, '2026-11-24')).toBe('missing');
    expect(consentState({ ...base, consentExpiresOn: '2026-12-24' }, '2026-11-24')).toBe('expiring');
    expect(consentState({ ...base, consentExpiresOn: '2026-12-25' }, '2026-11-24')).toBe('valid');
    expect(consentState({ ...base, consentExpiresOn: '2026-11-23' }, '2026-11-24')).toBe('expired');
    expect(consentState({ ...base, consentDate: null, consentWithdrawnOn: '2026-11-01' }, '2026-11-24')).toBe('withdrawn');
  });
  it('a withdrawal blocks publishing a success story even if the flag is still set', () => {
    expect(maySuccessStoryBePublished({ consentSuccessStory: true, consentWithdrawnOn: null }, '2026-11-24')).toBe(true);
    expect(maySuccessStoryBePublished({ consentSuccessStory: true, consentWithdrawnOn: '2026-11-24' }, '2026-11-24')).toBe(false);
    expect(maySuccessStoryBePublished({ consentSuccessStory: false, consentWithdrawnOn: null }, '2026-11-24')).toBe(false);
  });
  it('without consent, the union of the programs\' legal-basis fields is editable', () => {
    expect(editableFieldsWithoutConsent({ legalBasisFields: ['lastName', 'firstName'] })).toEqual(['firstName', 'lastName']);
    expect(editableFieldsWithoutConsent([{ legalBasisFields: ['lastName'] }, { legalBasisFields: ['birthDate', 'lastName'] }])).toEqual([
      'birthDate',
      'lastName',
    ]);
    expect(editableFieldsWithoutConsent([])).toEqual([]);
  });
});
