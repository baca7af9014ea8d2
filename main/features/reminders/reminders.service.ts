import type { Kysely } from 'kysely';
import {
  reminderDecision,
  reminderRule,
  reminderRuleCodes,
  taskInput,
  type Reminder,
  type ReminderDecision,
  type ReminderRule,
  type ReminderRuleCode,
  type TaskInput,
} from '../../../shared/domain/reminders.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { parseReminderKey, type Candidate, type RuleWindow } from './candidate.js';
import { documentExpiry, placementPapers } from './document-rules.js';
import { applicationUnanswered, consentExpiring, followUpDue, hoursMissing, manualTasks, noteFollowUp, titleExpired } from './record-rules.js';
import { addDays, mondayOf, nowIso, todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;
type Rule = (db: Db, w: RuleWindow) => Promise<Candidate[]>;

const rules: Record<ReminderRuleCode, Rule> = {
  document_expiry: documentExpiry,
  placement_papers: placementPapers,
  hours_missing: hoursMissing,
  follow_up_due: followUpDue,
  application_unanswered: applicationUnanswered,
  consent_expiring: consentExpiring,
  title_expired: titleExpired,
  note_follow_up: noteFollowUp,
};

export async function listRules(db: Db): Promise<ReminderRule[]> {
  const rows = await db.selectFrom('reminder_rules').select(['code', 'days', 'active']).execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return reminderRuleCodes.flatMap((code) => {
    const r = byCode.get(code);
    return r ? [{ code, days: Number(r.days), active: Number(r.active) === 1 }] : [];
  });
}

/** Changes a rule's days or switches it off; audited. */
export async function updateRule(db: Db, input: ReminderRule): Promise<ReminderRule> {
  const rule = reminderRule.parse(input);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reminder_rules')
      .set({ days: rule.days, active: rule.active ? 1 : 0, updated_at: nowIso() })
      .where('code', '=', rule.code)
      .execute();
    await audit(trx, { action: 'update', entity: 'reminder_rule', after: rule });
  });
  return rule;
}

/** The Sunday that ends the week of `day`. */
export const endOfWeek = (day: string) => addDays(mondayOf(day), 6);

export interface ReminderWindow {
  today?: string;
  until?: string;
}

/**
 * What is overdue or falls due up to `until` (default: the end of this week), computed from the data now, minus
 * what was marked done and what is snoozed beyond today. Sorted by due date, then kind.
 */
export async function listReminders(db: Db, window: ReminderWindow = {}): Promise<Reminder[]> {
  const today = window.today ?? todayIso();
  const until = window.until ?? endOfWeek(today);
  const candidates: Candidate[] = [];
  for (const r of await listRules(db)) {
    if (r.active) candidates.push(...(await rules[r.code](db, { today, until, days: r.days })));
  }
  candidates.push(...(await manualTasks(db, { today, until, days: 0 })));
  const listed = candidates.filter((c) => c.showFrom <= until);
  const hidden = await hiddenKeys(db, listed.map((c) => c.key), today);
  const open = listed.filter((c) => !hidden.has(c.key));
  const names = await namesOf(db, open.map((c) => c.participantId).filter((id): id is number => id !== null));
  return open
    .map((c) => ({
      key: c.key,
      kind: c.kind,
      due: c.due,
      overdue: c.due < today,
      participantId: c.participantId,
      participantName: c.participantId === null ? null : (names.get(c.participantId) ?? null),
      title: c.title,
      settle: c.settle,
    }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}

async function hiddenKeys(db: Db, keys: string[], today: string): Promise<Set<string>> {
  const hidden = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('reminder_states')
      .select(['reminder_key', 'state', 'snoozed_until'])
      .where('reminder_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.state === 'done' || (r.snoozed_until !== null && r.snoozed_until > today)) hidden.add(r.reminder_key);
  }
  return hidden;
}

async function namesOf(db: Db, ids: number[]): Promise<Map<number, string>> {
  const map = new Map<number, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('participants').select(['id', 'last_name', 'first_name']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) map.set(r.id, [r.last_name, r.first_name].filter(Boolean).join(', '));
  }
  return map;
}

/** How many reminders Heute lists, and how many of them are overdue (the badge). */
export async function countReminders(db: Db, window: ReminderWindow = {}): Promise<{ total: number; overdue: number }> {
  const list = await listReminders(db, window);
  return { total: list.length, overdue: list.filter((r) => r.overdue).length };
}

const badKey = () =>
  new AppError('validation', 'Unbekannte Erinnerung.', 'Unknown reminder.', { fields: [{ path: 'key', message: 'Unbekannte Erinnerung' }] });

/** Marks a reminder done, or snoozes it until a day with a reason; audited without the reason's text. */
export async function decideReminder(db: Db, input: ReminderDecision): Promise<{ ok: true }> {
  const d = reminderDecision.parse(input);
  const parsed = parseReminderKey(d.key);
  if (!parsed) throw badKey();
  if (parsed.participantId !== null) {
    const exists = await db.selectFrom('participants').select('id').where('id', '=', parsed.participantId).executeTakeFirst();
    if (!exists) throw badKey();
  }
  const values = {
    rule: parsed.kind,
    participant_id: parsed.participantId,
    state: d.state,
    snoozed_until: d.state === 'snoozed' ? d.until : null,
    reason: d.reason,
    updated_at: nowIso(),
  };
  const action = d.state === 'done' ? 'reminder_done' : 'reminder_snoozed';
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reminder_states')
      .values({ reminder_key: d.key, ...values })
      .onConflict((oc) => oc.column('reminder_key').doUpdateSet(values))
      .execute();
    await audit(trx, {
      action,
      entity: 'reminder',
      participantId: parsed.participantId,
      details: d.state === 'snoozed' ? `${parsed.kind} bis ${d.until}` : parsed.kind,
    });
  });
  return { ok: true };
}

/** Takes back a decision: the reminder is listed again while its data still raise it. */
export async function reopenReminder(db: Db, key: string): Promise<{ ok: true }> {
  await db.deleteFrom('reminder_states').where('reminder_key', '=', key).execute();
  return { ok: true };
}

export async function createTask(db: Db, input: TaskInput): Promise<{ id: number }> {
  const t = taskInput.parse(input);
  if (t.participantId !== null) {
    const p = await db.selectFrom('participants').select('anonymised_at').where('id', '=', t.participantId).executeTakeFirst();
    if (!p || p.anonymised_at) {
      throw new AppError('validation', 'Teilnehmende nicht gefunden.', 'Participant not found.', {
        fields: [{ path: 'participantId', message: 'Teilnehmende nicht gefunden', messageEn: 'Participant not found' }],
      });
    }
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('tasks')
      .values({ participant_id: t.participantId, title: t.title, due_on: t.dueOn, notes: t.notes })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'task', entityId: row.id, participantId: t.participantId, after: { dueOn: t.dueOn } });
    return { id: row.id };
  });
}

export async function deleteTask(db: Db, id: number): Promise<{ ok: true }> {
  await db.deleteFrom('tasks').where('id', '=', id).execute();
  return { ok: true };
}
