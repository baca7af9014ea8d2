import type { Kysely } from 'kysely';
import { eligibilityGroup } from '../../../shared/domain/eligibility.js';
import {
  entrySnapshot,
  enrollmentCreateInput,
  enrollmentTransitions,
  enrollmentUpdateInput,
  type Enrollment,
  type EnrollmentCreateInput,
  type EnrollmentStatus,
  type EnrollmentUpdateInput,
} from '../../../shared/domain/enrollments.js';
import { AppError } from '../../../shared/errors.js';
import { evaluateEligibility, type EligibilityResult } from '../../../shared/rules/eligibility.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { reanchorPerson } from './anchor.service.js';
import { eligibilityPeople } from '../participants/eligibility-person.js';
import { takeEntrySnapshot } from './entry-model.sql.js';
import { syncFollowUp } from './entry.sql.js';
import { germanDate, nowIso, todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

export interface EnrollmentQuery {
  participantId?: number | null;
  programId?: number | null;
  status?: EnrollmentStatus | null;
}

/** Enrollments of a person or a program, newest first. */
export async function listEnrollments(db: Db, q: EnrollmentQuery = {}): Promise<Enrollment[]> {
  let query = db
    .selectFrom('enrollments as e')
    .innerJoin('programs as pr', 'pr.id', 'e.program_id')
    .leftJoin('communes as ec', 'ec.id', 'e.entry_commune_id')
    .selectAll('e')
    .select(['pr.name as program_name', 'ec.name as entry_commune_name']);
  if (q.participantId) query = query.where('e.participant_id', '=', q.participantId);
  if (q.programId) query = query.where('e.program_id', '=', q.programId);
  if (q.status) query = query.where('e.status', '=', q.status);
  const rows = await query.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    participantId: r.participant_id,
    programId: r.program_id,
    programName: r.program_name,
    status: r.status,
    appliedOn: r.applied_on,
    startDate: r.start_date,
    endDate: r.end_date,
    exitReason: r.exit_reason,
    eligible: r.eligible === 1,
    eligibilityReason: r.eligibility_reason,
    overrideReason: r.override_reason,
    entry: entryOf(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

type EntryColumns = Pick<
  Database['enrollments'],
  | 'entry_birth_year'
  | 'entry_gender'
  | 'entry_commune_id'
  | 'entry_residence_status'
  | 'entry_residence_group'
  | 'entry_nationality'
  | 'entry_german_level'
  | 'entry_snapshot_on'
  | 'entry_corrected_reason'
  | 'entry_title_code'
  | 'entry_nationality_code'
  | 'entry_employment_status'
  | 'entry_isced_group'
  | 'entry_qualification_recognition'
  | 'entry_migration_background'
  | 'entry_arrival_in_germany'
  | 'entry_interpreter_language'
  | 'entry_childcare_need'
>;

const flag = (v: number | null) => (v === null ? null : v === 1);

/** The snapshot as the contract shows it; null while the enrollment has not started. */
function entryOf(r: { [K in keyof EntryColumns]: EntryColumns[K]['__select__'] } & { entry_commune_name: string | null }): Enrollment['entry'] {
  if (r.entry_snapshot_on === null) return null;
  return entrySnapshot.parse({
    birthYear: r.entry_birth_year,
    gender: r.entry_gender,
    communeId: r.entry_commune_id,
    communeName: r.entry_commune_name,
    residenceStatus: r.entry_residence_status,
    residenceGroup: r.entry_residence_group,
    nationality: r.entry_nationality,
    germanLevel: r.entry_german_level,
    snapshotOn: r.entry_snapshot_on,
    correctedReason: r.entry_corrected_reason,
    titleCode: r.entry_title_code,
    nationalityCode: r.entry_nationality_code,
    employmentStatus: r.entry_employment_status,
    iscedGroup: r.entry_isced_group,
    qualificationRecognition: r.entry_qualification_recognition,
    migrationBackground: flag(r.entry_migration_background),
    arrivalInGermany: r.entry_arrival_in_germany,
    interpreterLanguage: r.entry_interpreter_language,
    childcareNeed: flag(r.entry_childcare_need),
  });
}

export async function getEnrollment(db: Db, id: number): Promise<Enrollment> {
  const row = await db.selectFrom('enrollments').select(['participant_id']).where('id', '=', id).executeTakeFirst();
  const found = row ? (await listEnrollments(db, { participantId: row.participant_id })).find((e) => e.id === id) : undefined;
  if (!found) throw new AppError('not_found', `Anmeldung Nr. ${id} nicht gefunden.`, `Enrollment ${id} not found.`);
  return found;
}

/**
 * Evaluates a program's stored rule for a person on a date. Commune names come from the database so the
 * reason reads "Wohnort Dresden ✓" rather than an id.
 */
export async function checkEligibility(db: Db, participantId: number, programId: number, onDate: string | null): Promise<EligibilityResult> {
  const person = (await eligibilityPeople(db, [participantId])).get(participantId);
  if (!person) throw new AppError('not_found', `Teilnehmende/r Nr. ${participantId} nicht gefunden.`, 'Participant not found.');
  const program = await db.selectFrom('programs').select(['eligibility_rule']).where('id', '=', programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${programId} nicht gefunden.`, 'Program not found.');
  const communes = await db.selectFrom('communes').select(['id', 'name']).execute();
  const names = new Map(communes.map((c) => [c.id, c.name]));
  return evaluateEligibility(
    eligibilityGroup.parse(JSON.parse(program.eligibility_rule)),
    person,
    onDate ?? todayIso(),
    (id) => names.get(id),
  );
}

function notEligible(result: EligibilityResult): AppError {
  return new AppError(
    'not_eligible',
    `Nicht teilnahmeberechtigt: ${result.summary}. Eine Anmeldung ist nur mit begründeter Ausnahme möglich.`,
    'Not eligible; an override with a reason is required.',
    {
      reasons: result.reasons,
      summary: result.summary,
      fields: [{ path: 'overrideReason', message: 'Begründung für die Ausnahme angeben' }],
    },
  );
}

/** The day eligibility is judged on: the start, else the application, else today. */
function enrollmentDate(e: { startDate: string | null; appliedOn: string | null }): string {
  return e.startDate ?? e.appliedOn ?? todayIso();
}

function snapshot(e: Enrollment) {
  return {
    programId: e.programId,
    status: e.status,
    appliedOn: e.appliedOn,
    startDate: e.startDate,
    endDate: e.endDate,
    exitReason: e.exitReason,
    eligible: e.eligible,
    eligibilityReason: e.eligibilityReason,
    overrideReason: e.overrideReason,
  };
}

/**
 * What follows from an enrollment's status and dates, in the caller's transaction: the entry snapshot once it has
 * started, the person's records of the program re-anchored, and the follow-up created, moved or removed.
 */
export async function afterEnrollmentChange(db: Db, enrollmentId: number, participantId: number, programId: number): Promise<void> {
  await takeEntrySnapshot(db, enrollmentId);
  await reanchorPerson(db, participantId, programId);
  await syncFollowUp(db, enrollmentId);
}

/**
 * AGH placements that hold (or held) a place must lie inside their enrollment: the entry may not move after a
 * placement's start, and the exit may not come before a placement has ended (end it first, with its outcome).
 */
async function assertPlacementsInside(db: Db, enrollmentId: number, startDate: string | null, endDate: string | null): Promise<void> {
  const placements = await db
    .selectFrom('placements')
    .select(['start_date', 'end_date', 'site'])
    .where('enrollment_id', '=', enrollmentId)
    .where('status', '<>', 'wartend')
    .orderBy('start_date')
    .execute();
  const first = placements[0];
  if (first && startDate !== null && startDate > first.start_date) {
    throw new AppError('validation', `Der AGH-Einsatz (${first.site}) beginnt vor diesem Beginn der Teilnahme.`, 'A placement starts before this entry date.', {
      fields: [{ path: 'startDate', message: `Nach dem Beginn des AGH-Einsatzes (${germanDate(first.start_date)})` }],
    });
  }
  const open = placements.find((p) => endDate !== null && (p.end_date === null || p.end_date > endDate));
  if (open) {
    throw new AppError(
      'validation',
      `Der AGH-Einsatz (${open.site}) läuft über dieses Ende hinaus; bitte zuerst den Einsatz beenden.`,
      'A placement runs past this exit date; end the placement first.',
      { fields: [{ path: 'endDate', message: 'AGH-Einsatz läuft noch' }] },
    );
  }
}

/** Enrols a person; ineligible only with an override reason, which is stored with the evaluated reason. */
export async function createEnrollment(db: Db, input: EnrollmentCreateInput): Promise<Enrollment> {
  const data = enrollmentCreateInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('enrollments')
      .select('id')
      .where('participant_id', '=', data.participantId)
      .where('program_id', '=', data.programId)
      .where('status', 'in', ['interessiert', 'aktiv'])
      .executeTakeFirst();
    if (open) {
      throw new AppError('conflict', 'Die Person ist in diesem Programm bereits angemeldet.', 'Already enrolled in this program.', {
        fields: [{ path: 'programId', message: 'Bereits angemeldet' }],
      });
    }
    const result = await checkEligibility(trx, data.participantId, data.programId, enrollmentDate(data));
    if (!result.eligible && data.overrideReason === null) throw notEligible(result);
    const { id } = await trx
      .insertInto('enrollments')
      .values({
        participant_id: data.participantId,
        program_id: data.programId,
        status: data.status,
        applied_on: data.appliedOn,
        start_date: data.startDate,
        end_date: data.endDate,
        exit_reason: data.exitReason,
        eligible: result.eligible ? 1 : 0,
        eligibility_reason: result.summary,
        override_reason: result.eligible ? null : data.overrideReason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await afterEnrollmentChange(trx, id, data.participantId, data.programId);
    const created = await getEnrollment(trx, id);
    await audit(trx, { action: 'create', entity: 'enrollment', entityId: id, participantId: data.participantId, after: snapshot(created) });
    return id;
  });
  return getEnrollment(db, id);
}

/**
 * Changes status, dates and exit reason. The status only moves forward (interessiert → aktiv →
 * abgeschlossen | abgebrochen); eligibility is re-evaluated on the (possibly new) start date.
 */
export async function updateEnrollment(db: Db, input: EnrollmentUpdateInput): Promise<Enrollment> {
  const data = enrollmentUpdateInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getEnrollment(trx, data.id);
    if (!enrollmentTransitions[before.status].includes(data.status)) {
      throw new AppError(
        'validation',
        `Der Status kann nicht von „${before.status}“ zu „${data.status}“ wechseln.`,
        `Status cannot change from ${before.status} to ${data.status}.`,
        { fields: [{ path: 'status', message: `Nicht möglich nach „${before.status}“` }] },
      );
    }
    await assertPlacementsInside(trx, data.id, data.startDate, data.endDate);
    const result = await checkEligibility(trx, before.participantId, before.programId, enrollmentDate(data));
    const override = data.overrideReason ?? before.overrideReason;
    if (!result.eligible && override === null) throw notEligible(result);
    await trx
      .updateTable('enrollments')
      .set({
        status: data.status,
        applied_on: data.appliedOn,
        start_date: data.startDate,
        end_date: data.endDate,
        exit_reason: data.exitReason,
        eligible: result.eligible ? 1 : 0,
        eligibility_reason: result.summary,
        override_reason: result.eligible ? null : override,
        updated_at: nowIso(),
      })
      .where('id', '=', data.id)
      .execute();
    await afterEnrollmentChange(trx, data.id, before.participantId, before.programId);
    const after = await getEnrollment(trx, data.id);
    await audit(trx, {
      action: 'update',
      entity: 'enrollment',
      entityId: data.id,
      participantId: before.participantId,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return getEnrollment(db, data.id);
}

export interface QuotaRow {
  communeId: number;
  communeName: string;
  slots: number;
  filled: number;
  free: number;
  waiting: number;
}

/** Per commune of a program: slots, active placements (filled), free places and waiting placements. */
export async function programQuota(db: Db, programId: number): Promise<QuotaRow[]> {
  const communes = await db
    .selectFrom('program_communes as pc')
    .innerJoin('communes as c', 'c.id', 'pc.commune_id')
    .select(['pc.commune_id', 'c.name', 'pc.slots'])
    .where('pc.program_id', '=', programId)
    .orderBy('c.name')
    .execute();
  const counts = await db
    .selectFrom('placements')
    .select(['commune_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId)
    .where('status', 'in', ['aktiv', 'wartend'])
    .groupBy(['commune_id', 'status'])
    .execute();
  const count = (communeId: number, status: string) =>
    Number(counts.find((c) => c.commune_id === communeId && c.status === status)?.n ?? 0);
  return communes.map((c) => {
    const filled = count(c.commune_id, 'aktiv');
    return {
      communeId: c.commune_id,
      communeName: c.name,
      slots: c.slots,
      filled,
      free: Math.max(0, c.slots - filled),
      waiting: count(c.commune_id, 'wartend'),
    };
  });
}
