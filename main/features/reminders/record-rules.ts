import type { Kysely } from 'kysely';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import type { Database } from '../../db/schema.js';
import { reminderKey, type Candidate, type RuleWindow } from './candidate.js';
import { inCare } from './still-here.js';
import { addDays, germanDate, monthRange } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** The month before the one of `day`, as YYYY-MM. */
export function previousMonth(day: string): string {
  return addDays(`${day.slice(0, 7)}-01`, -1).slice(0, 7);
}

/**
 * Hours of last month are missing: a placement that ran during last month has no hours entered for it. Due on the
 * rule's day of this month (default the 5th), overdue after it.
 */
export async function hoursMissing(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const month = previousMonth(w.today);
  const { from, to } = monthRange(month);
  const day = Math.min(Math.max(w.days, 1), 28);
  const due = `${w.today.slice(0, 7)}-${String(day).padStart(2, '0')}`;
  if (due > w.until) return [];
  const rows = await db
    .selectFrom('placements as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .where('p.anonymised_at', 'is', null)
    .where('a.status', 'in', ['aktiv', 'beendet'])
    .where('a.start_date', '<=', to)
    .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', from)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('hours as h').select('h.id').whereRef('h.placement_id', '=', 'a.id').where('h.work_date', '>=', from).where('h.work_date', '<=', to))),
    )
    .select(['a.id', 'a.participant_id', 'a.site'])
    .execute();
  const monthName = new Date(`${from}T00:00:00Z`).toLocaleDateString('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return rows.map((r) => ({
    key: reminderKey('hours_missing', r.participant_id, r.id, due),
    kind: 'hours_missing',
    due,
    showFrom: due,
    participantId: r.participant_id,
    title: `Stunden ${monthName} fehlen (${r.site})`,
    settle: { kind: 'hours', participantId: r.participant_id, recordId: r.id, month },
  }));
}

/** A follow-up after exit not yet checked, from the lead time before its due day. */
export async function followUpDue(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('follow_ups as f')
    .innerJoin('enrollments as e', 'e.id', 'f.enrollment_id')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .where('p.anonymised_at', 'is', null)
    .where('f.checked_on', 'is', null)
    .where('f.due_on', '<=', addDays(w.until, w.days))
    .select(['f.id', 'f.due_on', 'e.participant_id'])
    .execute();
  return rows.map((r) => ({
    key: reminderKey('follow_up_due', r.participant_id, r.id, r.due_on),
    kind: 'follow_up_due',
    due: r.due_on,
    showFrom: addDays(r.due_on, -w.days),
    participantId: r.participant_id,
    title: `Nachbefragung fällig am ${germanDate(r.due_on)}`,
    settle: { kind: 'followUp', participantId: r.participant_id, recordId: r.id, month: null },
  }));
}

/**
 * An application sent that has had no answer (status still „versendet“) for the rule's days; people still in care,
 * applications made since their current participation began.
 */
export async function applicationUnanswered(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .where('p.anonymised_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .where('a.status', '=', 'versendet')
    .where('a.applied_on', '<=', addDays(w.until, -w.days))
    .select(['a.id', 'a.participant_id', 'a.applied_on', 'o.name as organisation'])
    .execute();
  const care = await inCare(db, rows.map((r) => r.participant_id));
  // an application from before the current participation belongs to an earlier one and is not chased now
  const current = rows.filter((r) => (care.get(r.participant_id) ?? '\uffff') <= r.applied_on);
  return current.map((r) => {
    const due = addDays(r.applied_on, w.days);
    return {
      key: reminderKey('application_unanswered', r.participant_id, r.id, due),
      kind: 'application_unanswered',
      due,
      showFrom: due,
      participantId: r.participant_id,
      title: `Bewerbung vom ${germanDate(r.applied_on)}${r.organisation ? ` bei ${r.organisation}` : ''} ohne Antwort`,
      settle: { kind: 'application', participantId: r.participant_id, recordId: r.id, month: null },
    };
  });
}

/** A consent that expires within the lead time or has expired (and was not withdrawn). */
export async function consentExpiring(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('participants as p')
    .where('p.anonymised_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .where('p.consent_withdrawn_on', 'is', null)
    .where('p.consent_expires_on', 'is not', null)
    .where('p.consent_expires_on', '<=', addDays(w.until, w.days))
    .select(['p.id', 'p.consent_expires_on'])
    .execute();
  return rows.map((r) => {
    const due = r.consent_expires_on!;
    return {
      key: reminderKey('consent_expiring', r.id, r.id, due),
      kind: 'consent_expiring',
      due,
      showFrom: addDays(due, -w.days),
      participantId: r.id,
      title: due < w.today ? `Einwilligung seit ${germanDate(addDays(due, 1))} abgelaufen` : `Einwilligung gültig bis ${germanDate(due)}`,
      settle: { kind: 'consent', participantId: r.id, recordId: null, month: null },
    };
  });
}

/**
 * The current residence title's valid-until passes: the new title is to be asked for. A title followed by another
 * (one valid longer or without end) is settled; people still in care only.
 */
export async function titleExpired(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('participant_titles as t')
    .innerJoin('participants as p', 'p.id', 't.participant_id')
    .where('p.anonymised_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .where('t.valid_until', 'is not', null)
    .where('t.valid_until', '<=', addDays(w.until, w.days))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('participant_titles as n')
            .select('n.id')
            .whereRef('n.participant_id', '=', 't.participant_id')
            .whereRef('n.id', '<>', 't.id')
            .where((eb) => eb.or([eb('n.valid_until', 'is', null), eb('n.valid_until', '>', eb.ref('t.valid_until'))])),
        ),
      ),
    )
    .select(['t.id', 't.participant_id', 't.title_code', 't.valid_until'])
    .execute();
  const care = await inCare(db, rows.map((r) => r.participant_id));
  return rows.filter((r) => care.has(r.participant_id)).map((r) => {
    const due = r.valid_until!;
    const label = residenceTitle(r.title_code)?.label ?? r.title_code;
    return {
      key: reminderKey('title_expired', r.participant_id, r.id, due),
      kind: 'title_expired',
      due,
      showFrom: addDays(due, -w.days),
      participantId: r.participant_id,
      title: `${label} gültig bis ${germanDate(due)}: neuen Titel eintragen`,
      settle: { kind: 'title', participantId: r.participant_id, recordId: r.id, month: null },
    };
  });
}

/** A contact note's follow-up date. */
export async function noteFollowUp(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('notes as n')
    .innerJoin('participants as p', 'p.id', 'n.participant_id')
    .where('p.anonymised_at', 'is', null)
    .where('n.follow_up_on', 'is not', null)
    .where('n.follow_up_on', '<=', addDays(w.until, w.days))
    .select(['n.id', 'n.participant_id', 'n.kind', 'n.date', 'n.follow_up_on'])
    .execute();
  const kinds: Record<string, string> = { beratung: 'Beratung', telefonat: 'Telefonat', hausbesuch: 'Hausbesuch', email: 'E-Mail' };
  return rows.map((r) => {
    const due = r.follow_up_on!;
    return {
      key: reminderKey('note_follow_up', r.participant_id, r.id, due),
      kind: 'note_follow_up',
      due,
      showFrom: addDays(due, -w.days),
      participantId: r.participant_id,
      title: `Wiedervorlage: ${kinds[r.kind] ?? r.kind} vom ${germanDate(r.date)}`,
      settle: { kind: 'note', participantId: r.participant_id, recordId: r.id, month: null },
    };
  });
}

/** Manual tasks, listed from their due day (the week's view shows them ahead). */
export async function manualTasks(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .leftJoin('participants as p', 'p.id', 't.participant_id')
    .where('p.anonymised_at', 'is', null)
    .where('t.due_on', '<=', w.until)
    .select(['t.id', 't.participant_id', 't.title', 't.due_on'])
    .execute();
  return rows.map((r) => ({
    key: reminderKey('task', r.participant_id, r.id, r.due_on),
    kind: 'task',
    due: r.due_on,
    showFrom: r.due_on,
    participantId: r.participant_id,
    title: r.title,
    settle: { kind: 'task', participantId: r.participant_id, recordId: r.id, month: null },
  }));
}

