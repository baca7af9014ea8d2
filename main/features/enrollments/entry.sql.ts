import { addMonthsText, nowExpr } from '../../db/engine/sql-parts.js';
import { sql, type Kysely } from 'kysely';
import { residenceGroupOf } from '../../../shared/rules/residence-groups.js';
import type { Database } from '../../db/schema.js';

// typed loosely so the migration (Kysely<unknown>) takes snapshots with the same statements as the services
type AnyDb = Kysely<Database> | Kysely<unknown>;

/** An enrollment has started when it left 'interessiert' with a start date; only then is a snapshot taken. */
const started = `enrollments.status <> 'interessiert' AND enrollments.start_date IS NOT NULL`;

/**
 * Takes the entry snapshot (characteristics at entry) of started enrollments that have none yet, from the
 * person's current values; `enrollmentId` limits it to one. A snapshot once taken is never overwritten here.
 */
export async function takeEntrySnapshots(db: AnyDb, enrollmentId?: number): Promise<void> {
  if (enrollmentId !== undefined && !Number.isSafeInteger(enrollmentId)) throw new TypeError('enrollmentId must be an integer');
  const only = enrollmentId === undefined ? '' : `AND enrollments.id = ${enrollmentId}`;
  await sql
    .raw(
      `UPDATE enrollments SET
        (entry_birth_year, entry_gender, entry_commune_id, entry_residence_status, entry_nationality,
         entry_german_level, entry_snapshot_on) =
        (SELECT coalesce(p.birth_year, CAST(substr(p.birth_date, 1, 4) AS INTEGER)), p.gender, p.commune_id,
                p.residence_status, p.nationality, p.german_level, enrollments.start_date
           FROM participants p WHERE p.id = enrollments.participant_id)
      WHERE ${started} AND enrollments.entry_snapshot_on IS NULL ${only}`,
    )
    .execute(db);
  await fillResidenceGroups(db, only);
}

/**
 * Sets entry_residence_group from entry_residence_status where it is still empty. The mapping lives in
 * TypeScript (shared/rules/residence-groups.ts), so it runs once per distinct status text, not per row.
 */
async function fillResidenceGroups(db: AnyDb, only: string): Promise<void> {
  const distinct = await sql<{ status: string }>`
    SELECT DISTINCT entry_residence_status AS status FROM enrollments
    WHERE entry_residence_status IS NOT NULL AND entry_residence_group IS NULL ${sql.raw(only)}`.execute(db);
  for (const { status } of distinct.rows) {
    const group = residenceGroupOf(status);
    if (group === '') continue;
    await sql`UPDATE enrollments SET entry_residence_group = ${group}
      WHERE entry_residence_status = ${status} AND entry_residence_group IS NULL ${sql.raw(only)}`.execute(db);
  }
}

/**
 * Creates or moves the follow-up of exited enrollments (due = exit + the program's follow-up months; a recorded
 * result is kept) and removes those of enrollments that are no longer exited. `where` limits it, e.g.
 * `enrollments.id = 5` or `enrollments.program_id = 2`; it is built by the callers below from integers only.
 */
async function syncFollowUpsWhere(db: AnyDb, where: string): Promise<void> {
  const exited = `enrollments.status IN ('abgeschlossen', 'abgebrochen') AND enrollments.end_date IS NOT NULL`;
  await sql
    .raw(
      `INSERT INTO follow_ups (enrollment_id, due_on)
        SELECT enrollments.id, ${addMonthsText(db, 'enrollments.end_date', 'p.follow_up_months')}
        FROM enrollments JOIN programs p ON p.id = enrollments.program_id
        WHERE ${exited} AND (${where})
      ON CONFLICT (enrollment_id) DO UPDATE SET due_on = excluded.due_on,
        updated_at = ${nowExpr(db)}
        WHERE follow_ups.due_on <> excluded.due_on`,
    )
    .execute(db);
  await sql
    .raw(
      `DELETE FROM follow_ups WHERE enrollment_id IN
        (SELECT enrollments.id FROM enrollments WHERE NOT (${exited}) AND (${where}))`,
    )
    .execute(db);
}

const integer = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new TypeError('id must be an integer');
  return n;
};

/** All enrollments (migration, demo). */
export const syncAllFollowUps = (db: AnyDb) => syncFollowUpsWhere(db, 'true');
/** One enrollment, after its status or dates changed. */
export const syncFollowUp = (db: AnyDb, enrollmentId: number) => syncFollowUpsWhere(db, `enrollments.id = ${integer(enrollmentId)}`);
/** A program's enrollments, after its follow-up months changed. */
export const syncProgramFollowUps = (db: AnyDb, programId: number) =>
  syncFollowUpsWhere(db, `enrollments.program_id = ${integer(programId)}`);
