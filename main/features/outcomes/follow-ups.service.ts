import type { Kysely } from 'kysely';
import {
  followUpQuery,
  followUpResultInput,
  type FollowUp,
  type FollowUpQuery,
  type FollowUpResultInput,
} from '../../../shared/domain/outcomes.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/**
 * Follow-ups are created when an enrollment exits (enrollments/entry.sql.ts, syncFollowUp): due at exit + the
 * program's follow-up months. This module lists them and records their result.
 */
function baseQuery(db: Db) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('enrollments as e', 'e.id', 'f.enrollment_id')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .innerJoin('programs as pr', 'pr.id', 'e.program_id')
    .select([
      'f.id',
      'f.enrollment_id',
      'e.participant_id',
      'p.last_name',
      'p.first_name',
      'e.program_id',
      'pr.name as program_name',
      'e.end_date',
      'f.due_on',
      'f.checked_on',
      'f.result_kind',
      'f.lasted',
      'f.notes',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toFollowUp(r: Row): FollowUp {
  return {
    id: r.id,
    enrollmentId: r.enrollment_id,
    participantId: r.participant_id,
    lastName: r.last_name,
    firstName: r.first_name,
    programId: r.program_id,
    programName: r.program_name,
    // a follow-up exists only for an exited enrollment, which always has an end date
    exitDate: r.end_date ?? r.due_on,
    dueOn: r.due_on,
    checkedOn: r.checked_on,
    resultKind: r.result_kind,
    lasted: r.lasted === null ? null : r.lasted === 1,
    notes: r.notes,
  };
}

/** Follow-ups by due date (earliest first); anonymised or archived people are kept, as their figures are. */
export async function listFollowUps(db: Db, input: FollowUpQuery = {}): Promise<FollowUp[]> {
  const q = followUpQuery.parse(input);
  let query = baseQuery(db);
  if (q.programId !== undefined) query = query.where('e.program_id', '=', q.programId);
  if (q.dueBy !== undefined) query = query.where('f.due_on', '<=', q.dueBy);
  if (q.openOnly) query = query.where('f.checked_on', 'is', null);
  const rows = await query.orderBy('f.due_on').orderBy('f.id').execute();
  return rows.map(toFollowUp);
}

async function getFollowUp(db: Db, id: number): Promise<FollowUp> {
  const row = await baseQuery(db).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Nachbefragung Nr. ${id} nicht gefunden.`, `Follow-up ${id} not found.`);
  return toFollowUp(row);
}

/** Records the result of a follow-up; the check cannot predate the exit it follows. Audited. */
export async function recordFollowUp(db: Db, input: FollowUpResultInput): Promise<FollowUp> {
  const d = followUpResultInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getFollowUp(trx, d.id);
    if (d.checkedOn < before.exitDate) {
      throw new AppError('validation', 'Die Nachbefragung liegt vor dem Austritt.', 'The follow-up predates the exit.', {
        fields: [{ path: 'checkedOn', message: 'Liegt vor dem Austritt' }],
      });
    }
    await trx
      .updateTable('follow_ups')
      .set({
        checked_on: d.checkedOn,
        result_kind: d.resultKind,
        lasted: d.lasted === null ? null : d.lasted ? 1 : 0,
        notes: d.notes,
        updated_at: nowIso(),
      })
      .where('id', '=', d.id)
      .execute();
    const after = await getFollowUp(trx, d.id);
    await audit(trx, {
      action: 'record_follow_up',
      entity: 'follow_up',
      entityId: d.id,
      participantId: before.participantId,
      before: { checkedOn: before.checkedOn, resultKind: before.resultKind, lasted: before.lasted, notes: before.notes },
      after: { checkedOn: after.checkedOn, resultKind: after.resultKind, lasted: after.lasted, notes: after.notes },
    });
  });
  return getFollowUp(db, d.id);
}
