import type { Reminder, ReminderKind } from '../../../shared/domain/reminders.js';

/** A reminder as a rule finds it, before decisions (done, snoozed) and names are applied. */
export interface Candidate {
  key: string;
  kind: ReminderKind;
  due: string;
  /** the first day it is listed: the due date minus the rule's lead time */
  showFrom: string;
  participantId: number | null;
  title: string;
  settle: Reminder['settle'];
}

/** What every rule is given: the day looked from, the last day looked ahead to, and the rule's days. */
export interface RuleWindow {
  today: string;
  until: string;
  days: number;
}

/**
 * The key names the rule, the person and the record with the due date it is about: a decision (done, snoozed)
 * holds for exactly this reminder, and a renewed document or a moved date raises a fresh one.
 */
export function reminderKey(kind: ReminderKind, participantId: number | null, recordId: number | string, due: string): string {
  return `${kind}:p${participantId ?? 0}:${recordId}:${due}`;
}

/** The rule and person a key names (so a decision can be stored with its person, erased with them). */
export function parseReminderKey(key: string): { kind: string; participantId: number | null } | null {
  const m = /^([a-z_]+):p(\d+):[^:]+:\d{4}-\d{2}-\d{2}$/.exec(key);
  if (!m) return null;
  const pid = Number(m[2]);
  return { kind: m[1]!, participantId: pid === 0 ? null : pid };
}

/** 31.12.2026 */
