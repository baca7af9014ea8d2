import { enrollmentStatuses } from '../../../../shared/domain/participants.js';
import { outcomeKinds } from '../../../../shared/domain/reports.js';

/**
 * The heading of a list: the figure, and the part it was opened on (a commune, a fair, a kind) — never the figure's
 * own name twice, as when a key-figure card passed its label.
 */
export function listTitle(figureTitle: string, finding: boolean, label: string): string {
  if (finding) return label || figureTitle;
  return label && label !== figureTitle ? `${figureTitle}: ${label}` : figureTitle;
}

const statusCodes: readonly string[] = enrollmentStatuses;
const kindCodes: readonly string[] = outcomeKinds;

/** What made a row count, in words: outcome kinds, enrollment statuses and organisation kinds are codes; the rest is text. */
export function detailText(detail: string | null, t: (key: string) => string): string {
  if (!detail) return '';
  if (kindCodes.includes(detail)) return t(`outcomeKinds.${detail}`);
  if (statusCodes.includes(detail)) return t(`list.status.${detail}`);
  if (detail === 'company' || detail === 'partner') return t(`list.orgKinds.${detail}`);
  return detail;
}

