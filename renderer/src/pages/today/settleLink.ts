import type { Reminder } from '../../../../shared/domain/reminders.js';
import { mondayOf } from '../../../../shared/domain/dates.js';

/** Signals that reminders changed (a decision, a new document), so the navigation badge counts again. */
export const remindersChanged = 'lotse:reminders-changed';
export function announceRemindersChanged(): void {
  window.dispatchEvent(new Event(remindersChanged));
}

/**
 * Where a reminder is settled: the app route of the form or grid that removes its cause. Null for a follow-up
 * (settled in a dialog on Heute itself) and a manual task (settled by „Erledigt“).
 */
export function settleLink(r: Pick<Reminder, 'settle'>): string | null {
  const { kind, participantId: pid, recordId, month } = r.settle;
  const person = (tab: string, query = '') => (pid === null ? null : `/teilnehmende/${pid}/${tab}${query}`);
  switch (kind) {
    case 'document':
      return person('dokumente', recordId === null ? '' : `?edit=${recordId}`);
    case 'newDocument':
      return person('dokumente', '?new=arbeitserlaubnis');
    case 'placement':
      return person('agh');
    case 'hours':
      if (recordId === null) return null;
      return `/agh?placement=${recordId}${month ? `&week=${mondayOf(`${month}-01`)}` : ''}`;
    case 'application':
      return person('kontakte');
    case 'consent':
      return person('datenschutz');
    case 'title':
      return person('stammdaten');
    case 'note':
      return person('notizen');
    default:
      return null;
  }
}
