import { describe, expect, it } from 'vitest';
import type { DrilldownRow } from '../../../../shared/domain/reports.js';
import { recordLink } from './recordLink.js';

const row = (x: Partial<DrilldownRow>): DrilldownRow => ({ id: 5, participantId: null, entity: 'participant', initials: '', name: null, date: null, detail: null, ...x });

describe('recordLink', () => {
  it('opens a person where the finding is fixed: enrollments, or the privacy tab for a missing consent', () => {
    expect(recordLink(row({ entity: 'attendance', participantId: 9 }), 'attendance_outside_enrollment')).toBe('#/teilnehmende/9/programme');
    expect(recordLink(row({ entity: 'participant', participantId: 9 }), 'missing_consent')).toBe('#/teilnehmende/9/datenschutz');
    expect(recordLink(row({ entity: 'participant', participantId: 9 }))).toBe('#/teilnehmende/9');
  });

  it('opens records that are not about a person on their own page', () => {
    expect(recordLink(row({ entity: 'fair', id: 3 }), 'fair_outside_program')).toBe('#/boersen/3');
    expect(recordLink(row({ entity: 'activity', id: 4 }), 'activity_outside_program')).toBe('#/aktivitaeten/4');
    expect(recordLink(row({ entity: 'program', id: 1 }), 'period_outside_program')).toBe('#/programme');
    expect(recordLink(row({ entity: 'organisation', id: 8 }))).toBe('#/organisationen/8');
    expect(recordLink(row({ entity: 'receipt', id: 2 }), 'receipt_outside_grant')).toBe('#/finanzen');
    expect(recordLink(row({ entity: 'contact', id: 8 }))).toBeNull();
  });
});
