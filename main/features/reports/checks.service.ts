import { engineOf, type EngineKind } from '../../db/engine/kind.js';
import { indexedBy, pinnedJoin } from '../../db/engine/sql-parts.js';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { findingCodes, type Finding, type FindingCode, type FiguresQuery } from '../../../shared/domain/reports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { initials, noPerson, type Built } from '../dashboard/drilldown.service.js';
import { activityWhere, enrolledWhere, enrollmentStateWhere, placementValidWhere } from '../dashboard/figures.service.js';

type Db = Kysely<Database>;

/**
 * The checks before export ("Prüfung", issue 13): what makes the figures of a program and period doubtful. Each
 * finding is one SQL definition used twice — counted here, listed by the drill-down (figure 'finding', key = code)
 * — so the number and the list behind it agree. Export stays possible; the workbook then carries "Prüfhinweise".
 */

/** Placements (alias pl) of the program that hold or held a place in the period. */
const placementsOfPeriod = (q: FiguresQuery) => sql<SqlBool>`(pl.program_id = ${q.programId} AND pl.status <> 'wartend'
  AND pl.start_date <= ${q.to} AND (pl.end_date IS NULL OR pl.end_date >= ${q.from}))`;

/** Program dates (alias pr) that a date expression lies outside of. */
const outsideProgram = (day: RawBuilder<unknown>) =>
  sql<SqlBool>`(${day} < pr.start_date OR (pr.end_date IS NOT NULL AND ${day} > pr.end_date))`;

function personRows(entity: string, from: RawBuilder<unknown>, where: RawBuilder<SqlBool>, cols: { id: string; pid: string; date: string; detail: string }): Built {
  return {
    rows: sql`SELECT ${sql.raw(cols.id)} AS id, ${sql.raw(cols.pid)} AS participant_id, ${sql.lit(entity)} AS entity, ${initials},
        ${sql.raw(cols.date)} AS date, ${sql.raw(cols.detail)} AS detail
      FROM ${from} JOIN participants p ON p.id = ${sql.raw(cols.pid)} WHERE ${where} ORDER BY 5, 1`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`,
  } as Built;
}

function recordRows(entity: 'fair' | 'activity' | 'program' | 'receipt', from: RawBuilder<unknown>, where: RawBuilder<SqlBool>, cols: { id: string; date: string; detail: string }): Built {
  return {
    rows: sql`SELECT ${sql.raw(cols.id)} AS id, NULL AS participant_id, ${sql.lit(entity)} AS entity, ${noPerson},
        ${sql.raw(cols.date)} AS date, ${sql.raw(cols.detail)} AS detail FROM ${from} WHERE ${where} ORDER BY 8, 1`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`,
  } as Built;
}

/** The records behind one finding; the same query counts it. */
export function findingRecords(kind: EngineKind, q: FiguresQuery, code: FindingCode): Built {
  switch (code) {
    case 'attendance_outside_enrollment':
      // any attendance of an activity of the period that no enrollment covers (anchor NULL)
      // read from the NULL end of the index: unanchored rows are few, attendance rows a million
      return personRows('attendance', sql`attendance t ${indexedBy(kind, 'attendance_enrollment')} ${pinnedJoin(kind)} activities a ON a.id = t.activity_id`,
        sql<SqlBool>`(${activityWhere(q)} AND t.enrollment_id IS NULL)`,
        { id: 't.id', pid: 't.participant_id', date: 'a.date', detail: 'a.title' });
    case 'outcome_outside_enrollment':
      return personRows('outcome', sql`outcomes o ${indexedBy(kind, 'outcomes_enrollment')}`,
        sql<SqlBool>`(o.program_id = ${q.programId} AND o.date >= ${q.from} AND o.date <= ${q.to} AND o.enrollment_id IS NULL)`,
        { id: 'o.id', pid: 'o.participant_id', date: 'o.date', detail: 'o.kind' });
    case 'placement_enrollment_not_active':
      return personRows('placement', sql`placements pl`, sql<SqlBool>`(${placementsOfPeriod(q)} AND NOT ${placementValidWhere()})`,
        { id: 'pl.id', pid: 'pl.participant_id', date: 'pl.start_date', detail: 'pl.site' });
    case 'enrollment_activity_without_start':
      // records that would belong to it: unanchored attendance or outcomes of the person, placements on it
      return personRows('enrollment', sql`enrollments e`, sql<SqlBool>`(e.program_id = ${q.programId} AND e.start_date IS NULL AND (
          EXISTS (SELECT 1 FROM activities a JOIN attendance t ON t.activity_id = a.id
            WHERE t.participant_id = e.participant_id AND t.enrollment_id IS NULL AND ${activityWhere(q)})
          OR EXISTS (SELECT 1 FROM placements pl WHERE pl.enrollment_id = e.id AND ${placementsOfPeriod(q)})
          OR EXISTS (SELECT 1 FROM outcomes o WHERE o.participant_id = e.participant_id AND o.program_id = ${q.programId}
            AND o.enrollment_id IS NULL AND o.date >= ${q.from} AND o.date <= ${q.to})))`,
        { id: 'e.id', pid: 'e.participant_id', date: 'e.applied_on', detail: 'e.status' });
    case 'fair_outside_program':
      // every fair of the program outside its duration, whatever the period: it belongs to another program
      return recordRows('fair', sql`fairs f JOIN programs pr ON pr.id = f.program_id`,
        sql<SqlBool>`(f.program_id = ${q.programId} AND ${outsideProgram(sql`f.date`)})`, { id: 'f.id', date: 'f.date', detail: 'f.title' });
    case 'activity_outside_program':
      return recordRows('activity', sql`activities a JOIN programs pr ON pr.id = a.program_id`,
        sql<SqlBool>`(a.program_id = ${q.programId} AND ${outsideProgram(sql`a.date`)})`, { id: 'a.id', date: 'a.date', detail: 'a.title' });
    case 'period_outside_program':
      return recordRows('program', sql`programs pr`,
        sql<SqlBool>`(pr.id = ${q.programId} AND (${outsideProgram(sql`${q.from}`)} OR ${outsideProgram(sql`${q.to}`)}))`,
        { id: 'pr.id', date: 'pr.start_date', detail: 'pr.name' });
    case 'eligibility_overrides':
      return personRows('enrollment', sql`enrollments e`, enrollmentStateWhere(q, 'overrides'),
        { id: 'e.id', pid: 'e.participant_id', date: 'e.start_date', detail: 'e.override_reason' });
    case 'missing_consent':
      return personRows('participant', sql`participants p0`,
        sql<SqlBool>`(p0.consent_date IS NULL AND p0.id IN (SELECT e.participant_id FROM enrollments e WHERE ${enrolledWhere(q)}))`,
        { id: 'p0.id', pid: 'p0.id', date: 'NULL', detail: 'NULL' });
    case 'receipt_outside_grant':
      // every receipt of the program dated outside the grant period of the current plan, whatever the period:
      // it cannot be claimed under this Bescheid
      return recordRows('receipt', sql`finance_receipts r JOIN finance_plans fp ON fp.program_id = r.program_id
          AND fp.version = (SELECT max(x.version) FROM finance_plans x WHERE x.program_id = r.program_id)`,
        sql<SqlBool>`(r.program_id = ${q.programId} AND (r.date < fp.period_from OR r.date > fp.period_to))`,
        { id: 'r.id', date: 'r.date', detail: "coalesce(r.number, r.purpose, r.position_key)" });
  }
}

const messages: Record<FindingCode, (n: number) => [string, string]> = {
  attendance_outside_enrollment: (n) => [
    `${n} Anwesenheit(en) bei Veranstaltungen ohne passende Teilnahme (Person am Termin nicht im Programm eingeschrieben) – nicht mitgezählt`,
    `${n} attendance record(s) outside any enrollment – not counted`,
  ],
  outcome_outside_enrollment: (n) => [
    `${n} Ergebnis(se) ohne passende Teilnahme (außerhalb von Eintritt bis Austritt plus Nachbeobachtung) – nicht mitgezählt`,
    `${n} outcome(s) outside any enrollment – not counted`,
  ],
  placement_enrollment_not_active: (n) => [
    `${n} AGH-Einsatz/-Einsätze auf einer Teilnahme ohne Beginn, nur „interessiert“ oder außerhalb der Teilnahme – nicht mitgezählt`,
    `${n} AGH placement(s) on an enrollment that is not active or outside it – not counted`,
  ],
  enrollment_activity_without_start: (n) => [
    `${n} Teilnahme(n) ohne Beginndatum, aber mit Anwesenheiten, Einsätzen oder Ergebnissen`,
    `${n} enrollment(s) without a start date that have records`,
  ],
  fair_outside_program: (n) => [`${n} Firmenkontaktbörse(n) außerhalb der Programmlaufzeit`, `${n} fair(s) outside the program's duration`],
  activity_outside_program: (n) => [`${n} Veranstaltung(en) außerhalb der Programmlaufzeit`, `${n} activity/activities outside the program's duration`],
  period_outside_program: () => [`Der Berichtszeitraum liegt (teilweise) außerhalb der Programmlaufzeit`, `The report period lies (partly) outside the program's duration`],
  eligibility_overrides: (n) => [
    `${n} Teilnehmende mit Ausnahme von der Fördervoraussetzung (Begründung erfasst) – im Bericht ausgewiesen`,
    `${n} participant(s) enrolled with an eligibility override – shown in the report`,
  ],
  missing_consent: (n) => [`${n} Teilnehmende ohne erfasste Einwilligung (Datum)`, `${n} participant(s) without a recorded consent date`],
  receipt_outside_grant: (n) => [
    `${n} Beleg(e) außerhalb des Bewilligungszeitraums – nicht zuwendungsfähig, bitte prüfen`,
    `${n} receipt(s) dated outside the grant period`,
  ],
};

/** One finding's message in German and English. */
export function findingMessage(code: FindingCode, count: number): { message: string; messageEn: string } {
  const [message, messageEn] = messages[code](count);
  return { message, messageEn };
}

/** Every finding of a program and period with count > 0, in the order of findingCodes. */
export async function checkFigures(db: Db, q: FiguresQuery): Promise<Finding[]> {
  const program = await db.selectFrom('programs').select('id').where('id', '=', q.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${q.programId} nicht gefunden.`, `Program ${q.programId} not found.`);
  const counts = await sql<{ code: FindingCode; n: number }>`${sql.join(
    findingCodes.map((code) => sql`SELECT ${sql.lit(code)} AS code, (${findingRecords(engineOf(db), q, code).count}) AS n`),
    sql` UNION ALL `,
  )}`.execute(db);
  return counts.rows
    .map((r) => ({ code: r.code, count: Number(r.n ?? 0) }))
    .filter((r) => r.count > 0)
    .map((r) => ({ ...r, severity: r.code === 'eligibility_overrides' ? ('info' as const) : ('warning' as const), ...findingMessage(r.code, r.count) }));
}
