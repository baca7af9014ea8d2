import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { addMonths, addMonthsText, indexedByText } from '../../db/engine/sql-parts.js';
import type { Database } from '../../db/schema.js';
import { germanDate } from '../../../shared/domain/dates.js';

/**
 * The anchor rule (issue 13): every attendance, fair registration, fair contact and outcome belongs to the
 * person's enrollment in the record's program that
 *   - has left 'interessiert' and has a start date on or before the record's date, and
 *   - has no end date, or an end date on or after the record's date — for outcomes (and follow-ups) the end
 *     date plus the program's follow-up months.
 * Of several, the one with the latest start wins. This module is the only place the rule is written: services
 * use it for new records, enrollment changes re-anchor through it, and the migration links old rows with it.
 * A record whose anchor is NULL is kept: attendance and outcomes become a finding of the checks, fair
 * registrations and contacts count as visitors.
 */

// `db` is typed loosely so the migration (Kysely<unknown>) can use the same functions as the services
type AnyDb = Kysely<Database> | Kysely<unknown>;

export type AnchoredTable = 'attendance' | 'fair_registrations' | 'fair_contacts' | 'outcomes';
export const anchoredTables: readonly AnchoredTable[] = ['attendance', 'fair_registrations', 'fair_contacts', 'outcomes'];

/** Enrollment conditions shared by every kind; `day` is the record's date expression. */
const covers = (day: string, lastDay: string) =>
  `e.status <> 'interessiert' AND e.start_date IS NOT NULL AND e.start_date <= ${day}
   AND (e.end_date IS NULL OR ${day} <= ${lastDay})`;


const order = `ORDER BY e.start_date DESC, e.id DESC LIMIT 1`;

/**
 * Correlated subquery giving the anchoring enrollment of one row of `table` (referenced by its table name).
 * INDEXED BY: without statistics (a database never analysed, e.g. during the migration) the planner reads the
 * program's enrollments in start-date order for every row — minutes at 100,000 people — instead of the person's.
 */
function anchorSubquery(db: AnyDb, table: AnchoredTable): string {
  const byPerson = indexedByText(db, 'enrollments_program_person');
  switch (table) {
    case 'attendance':
      return `(SELECT e.id FROM activities r JOIN enrollments e ${byPerson} ON e.program_id = r.program_id
        WHERE r.id = attendance.activity_id AND e.participant_id = attendance.participant_id
          AND ${covers('r.date', 'e.end_date')} ${order})`;
    case 'fair_registrations':
    case 'fair_contacts':
      return `(SELECT e.id FROM fairs r JOIN enrollments e ${byPerson} ON e.program_id = r.program_id
        WHERE r.id = ${table}.fair_id AND e.participant_id = ${table}.participant_id
          AND ${covers('r.date', 'e.end_date')} ${order})`;
    case 'outcomes':
      // an outcome without a program takes the covering enrollment of any program (its program is then set)
      return `(SELECT e.id FROM enrollments e ${indexedByText(db, 'enrollments_participant')} JOIN programs p ON p.id = e.program_id
        WHERE e.participant_id = outcomes.participant_id
          AND (outcomes.program_id IS NULL OR e.program_id = outcomes.program_id)
          AND ${covers('outcomes.date', addMonthsText(db, 'e.end_date', 'p.follow_up_months'))} ${order})`;
  }
}

/** Rows of `table` of one person in one program (what an enrollment change can move). */
function personProgramFilter(table: AnchoredTable): string {
  switch (table) {
    case 'attendance':
      return `participant_id = $person AND activity_id IN (SELECT id FROM activities WHERE program_id = $program)`;
    case 'fair_registrations':
    case 'fair_contacts':
      return `participant_id = $person AND fair_id IN (SELECT id FROM fairs WHERE program_id = $program)`;
    case 'outcomes':
      return `participant_id = $person AND (program_id = $program OR program_id IS NULL)`;
  }
}

/** Only rows whose anchor changes are written, so unchanged rows keep their updated_at. */
function anchorUpdate(db: AnyDb, table: AnchoredTable, where: string): string {
  const anchor = anchorSubquery(db, table);
  return `UPDATE ${table} SET enrollment_id = ${anchor} WHERE (${where}) AND enrollment_id IS DISTINCT FROM ${anchor}`;
}

/** Ids are checked to be integers and written into the statement: nothing else can reach the SQL text. */
function bind(text: string, values: Record<string, number>): RawBuilder<unknown> {
  const filled = text.replace(/\$([a-z]+)/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (!Number.isSafeInteger(value)) throw new TypeError(`anchor: ${name} must be an integer id`);
    return String(value);
  });
  return sql.raw(filled);
}

/** An outcome anchored to an enrollment gets that enrollment's program when it had none. */
const fillOutcomePrograms = (where: string) =>
  `UPDATE outcomes SET program_id = (SELECT program_id FROM enrollments WHERE id = outcomes.enrollment_id)
   WHERE (${where}) AND program_id IS NULL AND enrollment_id IS NOT NULL`;

/** Links every row of every anchored table (migration, demo, bench); rows without an anchor stay NULL. */
export async function anchorAll(db: AnyDb): Promise<void> {
  for (const table of anchoredTables) {
    await sql.raw(anchorUpdate(db, table, 'true')).execute(db);
  }
  await sql.raw(fillOutcomePrograms('true')).execute(db);
}

/**
 * Re-anchors one person's records of one program, inside the caller's transaction. Called whenever an
 * enrollment's status or dates change, or it is deleted.
 */
export async function reanchorPerson(db: AnyDb, participantId: number, programId: number): Promise<void> {
  const values = { person: participantId, program: programId };
  for (const table of anchoredTables) {
    await bind(anchorUpdate(db, table, personProgramFilter(table)), values).execute(db);
  }
  await bind(fillOutcomePrograms(personProgramFilter('outcomes')), values).execute(db);
}

/** Re-anchors the attendance of one activity (its date or program changed). */
export async function reanchorActivity(db: AnyDb, activityId: number): Promise<void> {
  await bind(anchorUpdate(db, 'attendance', 'activity_id = $activity'), { activity: activityId }).execute(db);
}

/** Re-anchors registrations and contacts of one fair (its date or program changed). */
export async function reanchorFair(db: AnyDb, fairId: number): Promise<void> {
  for (const table of ['fair_registrations', 'fair_contacts'] as const) {
    await bind(anchorUpdate(db, table, 'fair_id = $fair'), { fair: fairId }).execute(db);
  }
}

/** Re-anchors a program's outcomes (its follow-up months changed). */
export async function reanchorProgramOutcomes(db: AnyDb, programId: number): Promise<void> {
  await bind(anchorUpdate(db, 'outcomes', 'program_id = $program'), { program: programId }).execute(db);
}

export interface Anchor {
  enrollmentId: number;
  programId: number;
}

/**
 * The anchoring enrollment of each person for a record of `programId` on `day` (attendance, fair registration,
 * contact); people without one are missing from the map.
 */
export async function anchorsOn(db: Kysely<Database>, programId: number, day: string, participantIds: number[]): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  const unique = [...new Set(participantIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const list = await enrollmentsCovering(db, programId, day, chunk);
    for (const r of list) if (!found.has(r.participant_id)) found.set(r.participant_id, r.id);
  }
  return found;
}

/** Enrollments of the people in a program that cover `day`, latest start first. */
async function enrollmentsCovering(db: Kysely<Database>, programId: number, day: string, people: number[]) {
  return db
    .selectFrom('enrollments as e')
    .select(['e.id', 'e.participant_id'])
    .where('e.program_id', '=', programId)
    .where('e.participant_id', 'in', people)
    .where('e.status', '<>', 'interessiert')
    .where('e.start_date', 'is not', null)
    .where('e.start_date', '<=', day)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', day)]))
    .orderBy('e.start_date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/**
 * The enrollment an outcome of `day` belongs to: in `programId`, or in any program when it is null; the window
 * reaches to exit + the program's follow-up months.
 */
export async function outcomeAnchor(db: Kysely<Database>, participantId: number, programId: number | null, day: string): Promise<Anchor | null> {
  let q = db
    .selectFrom('enrollments as e')
    .innerJoin('programs as p', 'p.id', 'e.program_id')
    .select(['e.id', 'e.program_id'])
    .where('e.participant_id', '=', participantId)
    .where('e.status', '<>', 'interessiert')
    .where('e.start_date', 'is not', null)
    .where('e.start_date', '<=', day)
    .where((eb) =>
      eb.or([eb('e.end_date', 'is', null), eb(sql<string>`${day}`, '<=', addMonths(db, sql.ref('e.end_date'), sql.ref('p.follow_up_months')))]),
    );
  if (programId !== null) q = q.where('e.program_id', '=', programId);
  const row = await q.orderBy('e.start_date', 'desc').orderBy('e.id', 'desc').executeTakeFirst();
  return row ? { enrollmentId: row.id, programId: row.program_id } : null;
}

/** The field error of a new attendance or outcome that no enrollment covers. */
export function notEnrolledError(day: string, path: string, who?: string): AppError {
  const message = `Nicht im Programm eingeschrieben am ${germanDate(day)} – bitte zuerst die Teilnahme (Beginn) erfassen`;
  return new AppError(
    'validation',
    who ? `${who}: ${message}` : message,
    `Not enrolled in the program on ${day}; record the enrollment (start) first.`,
    { fields: [{ path, message }] },
  );
}
