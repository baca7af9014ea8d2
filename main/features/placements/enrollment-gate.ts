import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Database, EnrollmentStatus } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { afterEnrollmentChange } from '../enrollments/enrollments.service.js';
import { germanDate, nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

interface GateEnrollment {
  id: number;
  participant_id: number;
  program_id: number;
  status: EnrollmentStatus;
}

/**
 * An AGH placement that holds a place (status 'aktiv') needs an active enrollment with a start date on or before
 * the placement's start, and the placement must start before the enrollment ended (issue 13). A person who is
 * only interested and starts an AGH becomes an active participant on the placement's first day: the enrollment
 * gets that start date (and with it the entry snapshot), and the change is audited. A waiting placement needs
 * no active enrollment yet.
 */
export async function admitToPlacement(db: Db, enrollmentId: number, placementStart: string, path = 'startDate'): Promise<void> {
  const e = await db
    .selectFrom('enrollments')
    .select(['id', 'participant_id', 'program_id', 'status', 'start_date', 'end_date'])
    .where('id', '=', enrollmentId)
    .executeTakeFirstOrThrow();
  if (e.status === 'interessiert' || (e.status === 'aktiv' && e.start_date === null)) {
    await startEnrollment(db, e, e.start_date ?? placementStart);
  }
  const start = e.start_date ?? placementStart;
  if (placementStart < start) {
    throw new AppError(
      'validation',
      `Der Einsatz beginnt vor der Teilnahme am Programm (Beginn ${germanDate(start)}).`,
      'The placement starts before the enrollment.',
      { fields: [{ path, message: `Vor dem Beginn der Teilnahme (${germanDate(start)})` }] },
    );
  }
  if (e.end_date !== null && placementStart > e.end_date) {
    throw new AppError(
      'validation',
      `Der Einsatz beginnt nach dem Ende der Teilnahme (${germanDate(e.end_date)}).`,
      'The placement starts after the enrollment ended.',
      { fields: [{ path, message: `Nach dem Ende der Teilnahme (${germanDate(e.end_date)})` }] },
    );
  }
}

async function startEnrollment(db: Db, e: GateEnrollment, startDate: string): Promise<void> {
  await db
    .updateTable('enrollments')
    .set({ status: 'aktiv', start_date: startDate, updated_at: nowIso() })
    .where('id', '=', e.id)
    .execute();
  await afterEnrollmentChange(db, e.id, e.participant_id, e.program_id);
  await audit(db, {
    action: 'update',
    entity: 'enrollment',
    entityId: e.id,
    participantId: e.participant_id,
    before: { status: e.status },
    after: { status: 'aktiv', startDate },
    details: 'AGH-Einsatz begonnen',
  });
}
