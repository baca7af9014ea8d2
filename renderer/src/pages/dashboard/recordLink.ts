import type { DrilldownRow } from '../../../../shared/domain/reports.js';

/**
 * Where a record behind a figure or finding can be looked at and fixed: a person's tab (their enrollments for
 * records outside an enrollment, the privacy tab for a missing consent), or the fair, activity or program itself.
 */
export function recordLink(row: DrilldownRow, findingCode?: string): string | null {
  if (row.participantId !== null) {
    const base = `#/teilnehmende/${row.participantId}`;
    if (findingCode === undefined) return base;
    if (findingCode === 'missing_consent') return `${base}/datenschutz`;
    return `${base}/programme`;
  }
  switch (row.entity) {
    case 'fair':
      return `#/boersen/${row.id}`;
    case 'activity':
      return `#/aktivitaeten/${row.id}`;
    case 'organisation':
      return `#/organisationen/${row.id}`;
    case 'program':
      return '#/programme';
    case 'receipt':
      return '#/finanzen';
    default:
      return null;
  }
}
