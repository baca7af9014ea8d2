import type { Kysely } from 'kysely';
import {
  activityInput,
  type Activity,
  type ActivityDetail,
  type ActivityInput,
  type ActivityKind,
  type AttendanceStatus,
  type ParticipantActivities,
} from '../../../shared/domain/activities.js';
import type { PersonMatch } from '../../../shared/domain/fairs.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { anchorsOn, reanchorActivity } from '../enrollments/anchor.service.js';
import { displayName, searchParticipants } from '../fairs/people.js';
import { germanDate, nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

export interface ActivityQuery {
  id?: number;
  programId?: number | undefined;
  kind?: ActivityKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number;
}

async function load(db: Db, where: ActivityQuery): Promise<Activity[]> {
  let q = db
    .selectFrom('activities as a')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .selectAll('a')
    .select('o.name as organisation_name');
  if (where.id !== undefined) q = q.where('a.id', '=', where.id);
  if (where.programId !== undefined) q = q.where('a.program_id', '=', where.programId);
  if (where.kind) q = q.where('a.kind', '=', where.kind);
  if (where.from) q = q.where('a.date', '>=', where.from);
  if (where.to) q = q.where('a.date', '<=', where.to);
  if (where.limit !== undefined) q = q.limit(where.limit);
  const rows = await q.orderBy('a.date', 'desc').orderBy('a.id', 'desc').execute();
  if (rows.length === 0) return [];
  // one grouped count over the attendance index instead of four subqueries per row
  const counts = new Map<number, Record<AttendanceStatus, number>>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const part = await db
      .selectFrom('attendance')
      .select((eb) => ['activity_id', 'status', eb.fn.countAll<number>().as('n')])
      .where('activity_id', 'in', ids.slice(i, i + 500))
      .groupBy(['activity_id', 'status'])
      .execute();
    for (const c of part) {
      const entry = counts.get(c.activity_id) ?? { angemeldet: 0, anwesend: 0, entschuldigt: 0, unentschuldigt: 0 };
      entry[c.status] = Number(c.n);
      counts.set(c.activity_id, entry);
    }
  }
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { angemeldet: 0, anwesend: 0, entschuldigt: 0, unentschuldigt: 0 };
    return {
      id: r.id,
      programId: r.program_id,
      kind: r.kind,
      title: r.title,
      date: r.date,
      durationMinutes: r.duration_minutes,
      place: r.place,
      mentor: r.mentor,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      notes: r.notes,
      counts: { total: c.angemeldet + c.anwesend + c.entschuldigt + c.unentschuldigt, ...c },
    };
  });
}

/** Sessions, newest first, with attendance counted by status. */
export async function listActivities(db: Db, query: ActivityQuery = {}): Promise<Activity[]> {
  return load(db, query);
}

async function getRow(db: Db, id: number): Promise<Activity> {
  const [a] = await load(db, { id });
  if (!a) throw new AppError('not_found', `Aktivität ${id} nicht gefunden.`, `Activity ${id} not found.`);
  return a;
}

/** One session with its attendance list in alphabetical order. */
export async function getActivity(db: Db, id: number): Promise<ActivityDetail> {
  const a = await getRow(db, id);
  const rows = await db
    .selectFrom('attendance as t')
    .innerJoin('participants as p', 'p.id', 't.participant_id')
    .select(['t.participant_id', 'p.last_name', 'p.first_name', 't.status'])
    .where('t.activity_id', '=', id)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .execute();
  return {
    ...a,
    attendance: rows.map((r) => ({ participantId: r.participant_id, name: displayName(r.last_name, r.first_name), status: r.status })),
  };
}

async function assertRefs(db: Db, data: ReturnType<typeof activityInput.parse>) {
  const p = await db.selectFrom('programs').select('id').where('id', '=', data.programId).executeTakeFirst();
  if (!p) throw new AppError('validation', 'Unbekanntes Programm.', 'Unknown program.', { fields: [{ path: 'programId', message: 'Unbekanntes Programm' }] });
  if (data.organisationId !== null) {
    const o = await db.selectFrom('organisations').select('id').where('id', '=', data.organisationId).executeTakeFirst();
    if (!o) {
      throw new AppError('validation', 'Unbekannte Organisation.', 'Unknown organisation.', {
        fields: [{ path: 'organisationId', message: 'Unbekannte Organisation' }],
      });
    }
  }
}

function row(data: ReturnType<typeof activityInput.parse>) {
  return {
    program_id: data.programId,
    kind: data.kind,
    title: data.title,
    date: data.date,
    duration_minutes: data.durationMinutes,
    place: data.place,
    mentor: data.mentor,
    organisation_id: data.organisationId,
    notes: data.notes,
  };
}

/** Creates a seminar, coaching session or excursion. */
export async function createActivity(db: Db, input: ActivityInput): Promise<Activity> {
  const data = activityInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    await assertRefs(trx, data);
    const { id } = await trx.insertInto('activities').values(row(data)).returning('id').executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'activity', entityId: id, after: data });
    return id;
  });
  return getRow(db, id);
}

export async function updateActivity(db: Db, id: number, input: ActivityInput): Promise<Activity> {
  const data = activityInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getRow(trx, id);
    await assertRefs(trx, data);
    await trx.updateTable('activities').set({ ...row(data), updated_at: nowIso() }).where('id', '=', id).execute();
    // another day or program can move attendance into or out of the people's enrollments
    if (before.date !== data.date || before.programId !== data.programId) await reanchorActivity(trx, id);
    await audit(trx, { action: 'update', entity: 'activity', entityId: id, before, after: data });
  });
  return getRow(db, id);
}

export async function deleteActivity(db: Db, id: number): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const before = await getRow(trx, id);
    const used = await trx.selectFrom('outcomes').select('id').where('source_activity_id', '=', id).executeTakeFirst();
    if (used) {
      throw new AppError('conflict', 'Auf diese Aktivität gehen Ergebnisse zurück; sie kann nicht gelöscht werden.', 'Activity has outcomes.');
    }
    await trx.deleteFrom('activities').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'activity', entityId: id, before, peopleCount: before.counts.total });
  });
  return { ok: true };
}

/** Name search to add people to a session; people already on its list are marked. */
export async function searchActivityPeople(db: Db, activityId: number, query: string, limit: number): Promise<PersonMatch[]> {
  const people = await searchParticipants(db, query, limit);
  if (people.length === 0) return [];
  const on = await db
    .selectFrom('attendance')
    .select(['participant_id', 'status'])
    .where('activity_id', '=', activityId)
    .where(
      'participant_id',
      'in',
      people.map((p) => p.id),
    )
    .execute();
  const byId = new Map(on.map((r) => [r.participant_id, r.status]));
  return people.map((p) => ({
    participantId: p.id,
    name: displayName(p.last_name, p.first_name),
    birthDate: p.birth_date,
    registered: byId.has(p.id),
    checkedIn: byId.get(p.id) === 'anwesend',
  }));
}

/**
 * Bulk attendance: every entry's status is set (people new to the session are added) and `remove` takes people
 * off, all in one transaction, so a session of 30 is saved with one call.
 */
export async function saveAttendance(
  db: Db,
  activityId: number,
  entries: { participantId: number; status: AttendanceStatus }[],
  remove: number[] = [],
): Promise<ActivityDetail> {
  await db.transaction().execute(async (trx) => {
    const activity = await getRow(trx, activityId);
    const ids = [...new Set(entries.map((e) => e.participantId))];
    const known = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await trx.selectFrom('participants').select('id').where('id', 'in', ids.slice(i, i + 500)).execute()) known.add(r.id);
    }
    const missing = ids.find((i) => !known.has(i));
    if (missing !== undefined) {
      throw new AppError('not_found', `Teilnehmende/r Nr. ${missing} nicht gefunden.`, `Participant ${missing} not found.`);
    }
    const anchors = await anchorsOn(trx, activity.programId, activity.date, ids);
    await refuseUnanchoredNewcomers(trx, activity, entries, anchors);
    const now = nowIso();
    for (const e of entries) {
      const enrollmentId = anchors.get(e.participantId) ?? null;
      await trx
        .insertInto('attendance')
        .values({ activity_id: activityId, participant_id: e.participantId, status: e.status, enrollment_id: enrollmentId })
        .onConflict((oc) => oc.columns(['activity_id', 'participant_id']).doUpdateSet({ status: e.status, enrollment_id: enrollmentId, updated_at: now }))
        .execute();
    }
    for (let i = 0; i < remove.length; i += 500) {
      await trx.deleteFrom('attendance').where('activity_id', '=', activityId).where('participant_id', 'in', remove.slice(i, i + 500)).execute();
    }
    await audit(trx, {
      action: 'attendance',
      entity: 'activity',
      entityId: activityId,
      peopleCount: entries.length + remove.length,
      after: { set: entries.length, removed: remove.length },
    });
  });
  return getActivity(db, activityId);
}

/**
 * People new to the session need an enrollment in the program on its day; attendance recorded before this rule
 * (already on the list) may still change status, and stays a finding of the checks until it is anchored.
 */
async function refuseUnanchoredNewcomers(
  db: Db,
  activity: Activity,
  entries: { participantId: number }[],
  anchors: Map<number, number>,
): Promise<void> {
  const unanchored = entries.map((e, i) => ({ ...e, i })).filter((e) => !anchors.has(e.participantId));
  if (unanchored.length === 0) return;
  const listed = new Set<number>();
  for (let i = 0; i < unanchored.length; i += 500) {
    const rows = await db
      .selectFrom('attendance')
      .select('participant_id')
      .where('activity_id', '=', activity.id)
      .where('participant_id', 'in', unanchored.slice(i, i + 500).map((e) => e.participantId))
      .execute();
    for (const r of rows) listed.add(r.participant_id);
  }
  const refused = unanchored.filter((e) => !listed.has(e.participantId));
  if (refused.length === 0) return;
  const message = `Nicht im Programm eingeschrieben am ${germanDate(activity.date)} – bitte zuerst die Teilnahme (Beginn) erfassen`;
  throw new AppError(
    'validation',
    refused.length === 1 ? message : `${refused.length} Personen: ${message}`,
    `${refused.length} people are not enrolled in the program on ${activity.date}; record their enrollment (start) first.`,
    {
      fields: refused.map((e) => ({ path: `entries.${e.i}.participantId`, message })),
      participantIds: refused.map((e) => e.participantId),
    },
  );
}

/** A participant's sessions; hours count only sessions attended. */
export async function activitiesForParticipant(db: Db, participantId: number): Promise<ParticipantActivities> {
  const rows = await db
    .selectFrom('attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select(['a.id', 'a.kind', 'a.title', 'a.date', 'a.duration_minutes', 't.status'])
    .where('t.participant_id', '=', participantId)
    .orderBy('a.date', 'desc')
    .execute();
  const present = rows.filter((r) => r.status === 'anwesend');
  const minutes = present.reduce((s, r) => s + r.duration_minutes, 0);
  return {
    sessions: rows.map((r) => ({ activityId: r.id, kind: r.kind, title: r.title, date: r.date, durationMinutes: r.duration_minutes, status: r.status })),
    // minutes → hundredths of an hour, rounded once at the end so sums stay exact
    hoursPresentX100: Math.round((minutes * 100) / 60),
    sessionsPresent: present.length,
  };
}
