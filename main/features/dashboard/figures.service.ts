import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  activityKinds,
  ageGroups,
  contactResults,
  genderKeys,
  NONE_KEY,
  outcomeKinds,
  positiveOutcomeKinds,
  type BreakdownRow,
  type CommuneFigures,
  type Figures,
  type FiguresQuery,
} from '../../../shared/domain/reports.js';
import { AppError } from '../../../shared/errors.js';
import { monthRange } from '../../../shared/rules/compensation.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * The one place where Lotse's figures are defined. The dashboard, its drill-down lists and the program-end report
 * all go through these definitions, so a number on screen, the list behind it and the exported workbook agree.
 * Everything is aggregate SQL over the indexed tables (no per-row work in JS), so it stays fast at 100,000 people.
 *
 * Definitions (period = [from, to], both inclusive):
 * - enrolled: an enrolment in the program, not merely 'interessiert', that started on or before `to` and did not
 *   end before `from` (counted as distinct people);
 * - active: enrolled and still in the program at the period end (no end date or ending after `to`);
 * - completed / dropped: enrolled, status abgeschlossen / abgebrochen, ending on or before `to`; exited = either;
 * - age group: the age reached in the period end's year, from the birth year (stable under anonymisation);
 * - outcome rate: exited people with a positive outcome of the program dated up to `to`, divided by exited people.
 */

// ---------- shared SQL fragments (used by figures and drill-down alike) ----------

/** Enrolment rows (alias e) that belong to the period. */
export function enrolledWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(e.program_id = ${q.programId} AND e.status <> 'interessiert' AND e.start_date IS NOT NULL
    AND e.start_date <= ${q.to} AND (e.end_date IS NULL OR e.end_date >= ${q.from}))`;
}

export function enrolmentStateWhere(q: FiguresQuery, state: 'enrolled' | 'active' | 'completed' | 'dropped' | 'exited'): RawBuilder<SqlBool> {
  const base = enrolledWhere(q);
  switch (state) {
    case 'enrolled':
      return base;
    case 'active':
      return sql<SqlBool>`(${base} AND (e.end_date IS NULL OR e.end_date > ${q.to}))`;
    case 'completed':
      return sql<SqlBool>`(${base} AND e.status = 'abgeschlossen' AND e.end_date <= ${q.to})`;
    case 'dropped':
      return sql<SqlBool>`(${base} AND e.status = 'abgebrochen' AND e.end_date <= ${q.to})`;
    case 'exited':
      return sql<SqlBool>`(${base} AND e.status IN ('abgeschlossen', 'abgebrochen') AND e.end_date <= ${q.to})`;
  }
}

/**
 * Age (alias p) as the age reached in the year of the period end, from the birth year alone. Deliberately not
 * the exact age on the last day: anonymisation keeps only the birth year, and a report must give the same
 * figures before and after (issue 9), so every person is counted the same way.
 */
export function ageExpr(q: FiguresQuery): RawBuilder<number | null> {
  const toYear = Number(q.to.slice(0, 4));
  return sql<number | null>`(${toYear} - coalesce(p.birth_year, CAST(substr(p.birth_date, 1, 4) AS INTEGER)))`;
}

/** Age group of an age expression (portable SQL: substr/cast/CASE exist in SQLite and PostgreSQL). */
export function ageGroupOf(age: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(CASE WHEN ${age} IS NULL THEN 'keine_angabe' WHEN ${age} < 18 THEN 'unter_18'
    WHEN ${age} < 30 THEN '18_29' WHEN ${age} < 55 THEN '30_54' ELSE '55_plus' END)`;
}

/** Age group (alias p) at the period end. */
export function ageGroupExpr(q: FiguresQuery): RawBuilder<string> {
  return ageGroupOf(ageExpr(q));
}

/** Breakdown dimensions of participants (alias p): key expression; missing values become NONE_KEY. */
export function dimensionExpr(q: FiguresQuery, dim: Dimension): RawBuilder<string> {
  switch (dim) {
    case 'gender':
      return sql<string>`coalesce(p.gender, 'keine_angabe')`;
    case 'ageGroup':
      return ageGroupExpr(q);
    case 'nationality':
      return sql<string>`coalesce(nullif(trim(p.nationality), ''), 'keine_angabe')`;
    case 'commune':
      return sql<string>`coalesce(CAST(p.commune_id AS TEXT), 'keine_angabe')`;
    case 'residenceStatus':
      return sql<string>`coalesce(nullif(trim(p.residence_status), ''), 'keine_angabe')`;
    case 'germanLevel':
      return sql<string>`coalesce(p.german_level, 'keine_angabe')`;
  }
}
export const dimensions = ['gender', 'ageGroup', 'nationality', 'commune', 'residenceStatus', 'germanLevel'] as const;
export type Dimension = (typeof dimensions)[number];

/** The period's people (alias p): participants with an enrolment of the period. */
export function cohortWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.id IN (SELECT e.participant_id FROM enrollments e WHERE ${enrolledWhere(q)})`;
}

/** Placements (alias pl) of the program overlapping the period; waiting ones have no place yet. */
export function placementInPeriodWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(pl.program_id = ${q.programId} AND pl.status <> 'wartend' AND pl.start_date <= ${q.to}
    AND (pl.end_date IS NULL OR pl.end_date >= ${q.from}))`;
}

/** Placements (alias pl) holding a place at the period end. */
export function placementFilledWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(pl.program_id = ${q.programId} AND pl.status <> 'wartend' AND pl.start_date <= ${q.to}
    AND ((pl.end_date IS NULL AND pl.status = 'aktiv') OR pl.end_date > ${q.to}))`;
}

export function placementWaitingWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(pl.program_id = ${q.programId} AND pl.status = 'wartend'
    AND coalesce(pl.application_date, pl.start_date) <= ${q.to})`;
}

/** Activities (alias a) of the program held in the period. */
export function activityWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(a.program_id = ${q.programId} AND a.date >= ${q.from} AND a.date <= ${q.to})`;
}

/** Fairs (alias f) of the program held in the period. */
export function fairWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(f.program_id = ${q.programId} AND f.date >= ${q.from} AND f.date <= ${q.to})`;
}

/** Outcomes (alias o) of the program dated in the period. */
export function outcomeWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(o.program_id = ${q.programId} AND o.date >= ${q.from} AND o.date <= ${q.to})`;
}

/** Enrolments (alias e) that exited in the period and whose person has a positive outcome up to the period end. */
export function exitedWithOutcomeWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  const kinds = sql.join(positiveOutcomeKinds.map((k) => sql.lit(k)));
  return sql<SqlBool>`(${enrolmentStateWhere(q, 'exited')} AND EXISTS (SELECT 1 FROM outcomes o
    WHERE o.participant_id = e.participant_id AND o.program_id = ${q.programId} AND o.date <= ${q.to} AND o.kind IN (${kinds})))`;
}

/** People (alias p) who exited in the period and have a positive outcome of the program up to the period end. */
export function outcomePeopleWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`p.id IN (SELECT e.participant_id FROM enrollments e WHERE ${exitedWithOutcomeWhere(q)})`;
}

// ---------- labels (German: the report is addressed to a German ministry; the UI translates keys itself) ----------

export const genderLabels: Record<(typeof genderKeys)[number], string> = { w: 'weiblich', m: 'männlich', d: 'divers', keine_angabe: 'keine Angabe' };
export const ageGroupLabels: Record<(typeof ageGroups)[number], string> = {
  unter_18: 'unter 18',
  '18_29': '18–29',
  '30_54': '30–54',
  '55_plus': '55 und älter',
  keine_angabe: 'keine Angabe',
};
export const outcomeLabels: Record<(typeof outcomeKinds)[number], string> = {
  sv_beschaeftigung: 'Sozialversicherungspflichtige Beschäftigung',
  minijob: 'Minijob',
  ausbildung: 'Ausbildung',
  praktikum: 'Praktikum',
  weiterbildung: 'Weiterbildung',
  sprachkurs: 'Sprachkurs',
  schule: 'Schule',
  arbeitssuchend: 'arbeitsuchend',
  unbekannt: 'unbekannt',
};
export const activityLabels: Record<(typeof activityKinds)[number], string> = { seminar: 'Seminar', coaching: 'Einzelcoaching', exkursion: 'Exkursion' };
export const contactResultLabels: Record<(typeof contactResults)[number], string> = {
  gespraech: 'Gespräch',
  einladung: 'Einladung',
  probetag: 'Probetag',
  praktikum: 'Praktikum',
  ausbildungsvertrag: 'Ausbildungsvertrag',
  arbeitsvertrag: 'Arbeitsvertrag',
};
const NONE_LABEL = 'keine Angabe';

// ---------- figures ----------

/** Months YYYY-MM from `from` to `to`, at most 120 (ten years), for the trend. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  while (out.length < 120) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

type Counted = { key: string; count: number };

/**
 * All six breakdowns of the period's people in one statement: the cohort is read once (a CTE used six times is
 * materialised) and each dimension is a small GROUP BY over it.
 */
async function breakdowns(db: Db, q: FiguresQuery): Promise<Map<Dimension, Counted[]>> {
  // the age is computed once per person in the cohort, its group over the materialised column
  const cols = sql.join([
    ...dimensions.filter((d) => d !== 'ageGroup').map((d) => sql`${dimensionExpr(q, d)} AS ${sql.ref(d)}`),
    sql`${ageExpr(q)} AS age`,
  ]);
  const parts = sql.join(
    dimensions.map((d) =>
      d === 'ageGroup'
        ? sql`SELECT 'ageGroup' AS dim, ${ageGroupOf(sql`age`)} AS k, count(*) AS n FROM cohort GROUP BY 2`
        : sql`SELECT ${sql.lit(d)} AS dim, ${sql.ref(d)} AS k, count(*) AS n FROM cohort GROUP BY ${sql.ref(d)}`,
    ),
    sql` UNION ALL `,
  );
  const res = await sql<{ dim: Dimension; k: string; n: number }>`WITH cohort AS MATERIALIZED (SELECT ${cols} FROM participants p
    WHERE ${cohortWhere(q)}) ${parts}`.execute(db);
  const out = new Map<Dimension, Counted[]>();
  for (const r of res.rows) out.set(r.dim, [...(out.get(r.dim) ?? []), { key: String(r.k), count: num(r.n) }]);
  return out;
}

/** Fixed key sets keep every key (also zeros) in a stable order; free text keys are sorted by count, then name. */
function ordered(rows: Array<{ key: string; count: number }>, keys: readonly string[], labels: Record<string, string>): BreakdownRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  return keys.map((k) => ({ key: k, label: labels[k] ?? k, count: byKey.get(k) ?? 0 }));
}
function free(rows: Array<{ key: string; count: number }>, label: (key: string) => string = (k) => k): BreakdownRow[] {
  return rows
    .map((r) => ({ key: r.key, label: r.key === NONE_KEY ? NONE_LABEL : label(r.key), count: r.count }))
    .sort((a, b) => (a.key === NONE_KEY ? 1 : b.key === NONE_KEY ? -1 : b.count - a.count || a.label.localeCompare(b.label, 'de')));
}

/** Every figure of a program and period. Read-only; pass the reader connection. */
export async function computeFigures(db: Db, q: FiguresQuery, opts: { reach?: boolean } = {}): Promise<Figures> {
  const withReach = opts.reach ?? true;
  const program = await db.selectFrom('programs').select(['id', 'name']).where('id', '=', q.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${q.programId} nicht gefunden.`, `Program ${q.programId} not found.`);

  // one pass over the program's enrolments; each state is a CASE over the same rows (same fragments as the lists)
  const stateCount = (state: 'enrolled' | 'active' | 'completed' | 'dropped' | 'exited') =>
    sql`count(DISTINCT CASE WHEN ${enrolmentStateWhere(q, state)} THEN e.participant_id END)`;
  const states = await sql<{ enrolled: number; active: number; completed: number; dropped: number; exited: number }>`SELECT
      ${stateCount('enrolled')} AS enrolled, ${stateCount('active')} AS active, ${stateCount('completed')} AS completed,
      ${stateCount('dropped')} AS dropped, ${stateCount('exited')} AS exited
    FROM enrollments e WHERE ${enrolledWhere(q)}`.execute(db);
  const enrolled = num(states.rows[0]?.enrolled);
  const active = num(states.rows[0]?.active);
  const completed = num(states.rows[0]?.completed);
  const dropped = num(states.rows[0]?.dropped);
  const exited = num(states.rows[0]?.exited);

  const communeRows = await db.selectFrom('communes').select(['id', 'name']).execute();
  const communeName = new Map(communeRows.map((c) => [String(c.id), c.name]));
  const all = await breakdowns(db, q);
  const [gender, age, nationality, commune, residence, german] = dimensions.map((d) => all.get(d) ?? []) as [
    Counted[], Counted[], Counted[], Counted[], Counted[], Counted[],
  ];

  // activities: per kind and month, present attendances counted per activity on the covering index
  // (activity_id, status, participant_id), so a million attendance rows are never read from the table
  const perKindMonth = await sql<{ kind: string; m: string; sessions: number; n: number; minutes: number }>`SELECT
      x.kind AS kind, x.m AS m, count(*) AS sessions, sum(x.n) AS n, sum(x.n * x.duration_minutes) AS minutes
    FROM (SELECT a.kind AS kind, substr(a.date, 1, 7) AS m, a.duration_minutes AS duration_minutes,
            (SELECT count(*) FROM attendance t WHERE t.activity_id = a.id AND t.status = 'anwesend') AS n
          FROM activities a WHERE ${activityWhere(q)}) x
    GROUP BY x.kind, x.m`.execute(db);
  // people reached per kind is a distinct count over every present attendance: the report needs it, the dashboard
  // does not show it, so its refresh skips it
  const reach = !withReach
    ? null
    : await sql<{ kind: string; people: number }>`SELECT a.kind AS kind, count(DISTINCT t.participant_id) AS people
    FROM activities a JOIN attendance t ON t.activity_id = a.id
    WHERE ${activityWhere(q)} AND t.status = 'anwesend' GROUP BY a.kind`.execute(db);
  const activities = activityKinds.map((kind) => {
    const rows = perKindMonth.rows.filter((r) => r.kind === kind);
    return {
      kind,
      sessions: rows.reduce((s, r) => s + num(r.sessions), 0),
      attendances: rows.reduce((s, r) => s + num(r.n), 0),
      people: reach ? num(reach.rows.find((r) => r.kind === kind)?.people) : null,
      participantMinutes: rows.reduce((s, r) => s + num(r.minutes), 0),
    };
  });

  // fairs: few rows per program, so correlated counts per fair are cheap and keep one definition per column
  const fairRows = await sql<{
    id: number;
    title: string;
    date: string;
    companies: number;
    registered: number;
    present: number;
    contacts: number;
    later: number;
  }>`SELECT f.id AS id, f.title AS title, f.date AS date,
      (SELECT count(*) FROM fair_companies fc WHERE fc.fair_id = f.id) AS companies,
      (SELECT count(*) FROM fair_registrations r WHERE r.fair_id = f.id) AS registered,
      (SELECT count(*) FROM fair_registrations r WHERE r.fair_id = f.id AND r.checked_in_at IS NOT NULL) AS present,
      (SELECT count(*) FROM fair_contacts c WHERE c.fair_id = f.id) AS contacts,
      (SELECT count(*) FROM outcomes o WHERE o.source_fair_id = f.id) AS later
    FROM fairs f WHERE ${fairWhere(q)} ORDER BY f.date, f.id`.execute(db);
  const contactResultsRows = await sql<{ fair_id: number; result: string; n: number }>`SELECT c.fair_id AS fair_id,
      c.result AS result, count(*) AS n FROM fair_contacts c JOIN fairs f ON f.id = c.fair_id
    WHERE ${fairWhere(q)} GROUP BY c.fair_id, c.result`.execute(db);
  const fairs = fairRows.rows.map((f) => ({
    fairId: num(f.id),
    title: f.title,
    date: f.date,
    companies: num(f.companies),
    registered: num(f.registered),
    present: num(f.present),
    contacts: num(f.contacts),
    contactsByResult: Object.fromEntries(
      contactResults.map((r) => [r, num(contactResultsRows.rows.find((x) => num(x.fair_id) === num(f.id) && x.result === r)?.n)]),
    ) as Record<(typeof contactResults)[number], number>,
    laterResults: num(f.later),
  }));

  // outcomes
  const outcomeRows = await sql<{ kind: string; n: number }>`SELECT o.kind AS kind, count(*) AS n FROM outcomes o
    WHERE ${outcomeWhere(q)} GROUP BY o.kind`.execute(db);
  const outcomeByKind = ordered(
    outcomeRows.rows.map((r) => ({ key: r.kind, count: num(r.n) })),
    outcomeKinds,
    outcomeLabels,
  );
  const peopleWithOutcome = num(
    (await sql<{ n: number }>`SELECT count(DISTINCT e.participant_id) AS n FROM enrollments e WHERE ${exitedWithOutcomeWhere(q)}`.execute(db)).rows[0]?.n,
  );

  // AGH: places, placements, hours and compensation per commune (and month)
  const slots = await db
    .selectFrom('program_communes')
    .select(['commune_id', 'slots'])
    .where('program_id', '=', q.programId)
    .execute();
  const placementCounts = await sql<{ commune_id: number; placements: number; filled: number; waiting: number }>`
    SELECT pl.commune_id AS commune_id,
      sum(CASE WHEN ${placementInPeriodWhere(q)} THEN 1 ELSE 0 END) AS placements,
      sum(CASE WHEN ${placementFilledWhere(q)} THEN 1 ELSE 0 END) AS filled,
      sum(CASE WHEN ${placementWaitingWhere(q)} THEN 1 ELSE 0 END) AS waiting
    FROM placements pl WHERE pl.program_id = ${q.programId} GROUP BY pl.commune_id`.execute(db);
  // Compensation is rounded per placement and month (as on the monthly AGH statement), then summed, so the
  // month sheet adds up to the commune total exactly.
  // Hours per placement and month as index range sums over (placement_id, work_date, hours_x100): no sort of a
  // million rows, no table reads. The month list is a VALUES table clipped to the period.
  const monthList = monthsBetween(q.from, q.to);
  const monthRows = sql.join(
    monthList.map((m) => {
      const r = monthRange(m);
      return sql`(${m}, ${r.from < q.from ? q.from : r.from}, ${r.to > q.to ? q.to : r.to})`;
    }),
  );
  const months = await sql<{ commune_id: number; month: string; hours: number; cents: number }>`
    WITH months(month, m_from, m_to) AS (VALUES ${monthRows}),
    ph AS MATERIALIZED (SELECT pl.commune_id AS commune_id, m.month AS month, pl.rate_cents AS rate_cents,
            (SELECT sum(h.hours_x100) FROM hours h
              WHERE h.placement_id = pl.id AND h.work_date >= m.m_from AND h.work_date <= m.m_to) AS hours
          FROM placements pl CROSS JOIN months m
          WHERE pl.program_id = ${q.programId})
    SELECT commune_id, month, sum(hours) AS hours, sum((hours * rate_cents + 50) / 100) AS cents
    FROM ph WHERE hours IS NOT NULL
    GROUP BY commune_id, month ORDER BY commune_id, month`.execute(db);

  const communeIds = new Set<string>([
    ...slots.map((s) => String(s.commune_id)),
    ...commune.map((c) => c.key),
    ...placementCounts.rows.map((r) => String(r.commune_id)),
  ]);
  const communes: CommuneFigures[] = [...communeIds]
    .map((key) => {
      const id = key === NONE_KEY ? null : Number(key);
      const pc = placementCounts.rows.find((r) => String(r.commune_id) === key);
      const ms = months.rows.filter((r) => String(r.commune_id) === key);
      return {
        key,
        communeId: id,
        name: key === NONE_KEY ? NONE_LABEL : (communeName.get(key) ?? key),
        participants: commune.find((c) => c.key === key)?.count ?? 0,
        slots: slots.find((s) => String(s.commune_id) === key)?.slots ?? 0,
        filled: num(pc?.filled),
        waiting: num(pc?.waiting),
        placements: num(pc?.placements),
        hoursX100: ms.reduce((s, r) => s + num(r.hours), 0),
        compensationCents: ms.reduce((s, r) => s + num(r.cents), 0),
      };
    })
    .sort((a, b) => (a.key === NONE_KEY ? 1 : b.key === NONE_KEY ? -1 : a.name.localeCompare(b.name, 'de')));
  const communeMonths = months.rows
    .map((r) => ({
      communeId: num(r.commune_id),
      name: communeName.get(String(r.commune_id)) ?? String(r.commune_id),
      month: r.month,
      hoursX100: num(r.hours),
      compensationCents: num(r.cents),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.month.localeCompare(b.month));
  const sum = (f: (c: CommuneFigures) => number) => communes.reduce((s, c) => s + f(c), 0);

  // network
  const orgs = await sql<{ kind: string; n: number }>`SELECT kind, count(*) AS n FROM organisations
    WHERE archived_at IS NULL GROUP BY kind`.execute(db);
  const partnerTypes = await sql<{ k: string; n: number }>`SELECT coalesce(nullif(trim(partner_type), ''), 'keine_angabe') AS k,
      count(*) AS n FROM organisations WHERE archived_at IS NULL AND kind = 'partner' GROUP BY k`.execute(db);
  const sectors = await sql<{ k: string; n: number }>`SELECT coalesce(nullif(trim(sector), ''), 'keine_angabe') AS k,
      count(*) AS n FROM organisations WHERE archived_at IS NULL AND kind = 'company' GROUP BY k`.execute(db);

  // trend per month
  const started = await sql<{ m: string; n: number }>`SELECT substr(e.start_date, 1, 7) AS m, count(*) AS n FROM enrollments e
    WHERE ${enrolledWhere(q)} AND e.start_date >= ${q.from} GROUP BY m`.execute(db);
  const exits = await sql<{ m: string; n: number }>`SELECT substr(e.end_date, 1, 7) AS m, count(*) AS n FROM enrollments e
    WHERE ${enrolmentStateWhere(q, 'exited')} GROUP BY m`.execute(db);
  const outcomeMonths = await sql<{ m: string; n: number }>`SELECT substr(o.date, 1, 7) AS m, count(*) AS n FROM outcomes o
    WHERE ${outcomeWhere(q)} GROUP BY m`.execute(db);
  const pick = (rows: Array<{ m: string; n: number }>, m: string) => num(rows.find((r) => r.m === m)?.n);
  const trend = monthList.map((m) => ({
    month: m,
    started: pick(started.rows, m),
    exited: pick(exits.rows, m),
    outcomes: pick(outcomeMonths.rows, m),
    hoursX100: communeMonths.filter((c) => c.month === m).reduce((s, c) => s + c.hoursX100, 0),
    attendances: perKindMonth.rows.filter((r) => r.m === m).reduce((s, r) => s + num(r.n), 0),
  }));

  return {
    programId: program.id,
    programName: program.name,
    from: q.from,
    to: q.to,
    participants: { enrolled, active, completed, dropped, exited },
    byGender: ordered(gender, genderKeys, genderLabels),
    byAgeGroup: ordered(age, ageGroups, ageGroupLabels),
    byNationality: free(nationality),
    byCommune: free(commune, (k) => communeName.get(k) ?? k),
    byResidenceStatus: free(residence),
    byGermanLevel: free(german),
    activities,
    fairs,
    outcomes: {
      byKind: outcomeByKind,
      total: outcomeByKind.reduce((s, r) => s + r.count, 0),
      peopleWithOutcome,
      rate: exited === 0 ? null : peopleWithOutcome / exited,
    },
    communes,
    communeMonths,
    agh: {
      slots: sum((c) => c.slots),
      filled: sum((c) => c.filled),
      waiting: sum((c) => c.waiting),
      placements: sum((c) => c.placements),
      hoursX100: sum((c) => c.hoursX100),
      compensationCents: sum((c) => c.compensationCents),
    },
    network: {
      companies: num(orgs.rows.find((r) => r.kind === 'company')?.n),
      partners: num(orgs.rows.find((r) => r.kind === 'partner')?.n),
      byPartnerType: free(partnerTypes.rows.map((r) => ({ key: r.k, count: num(r.n) }))),
      bySector: free(sectors.rows.map((r) => ({ key: r.k, count: num(r.n) }))),
    },
    trend,
  };
}

// ---------- refresh cache ----------

const cache = new WeakMap<Db, Map<string, { version: number; figures: Figures }>>();

/**
 * The dashboard's figures through a cache that is valid while the database is unchanged. SQLite's
 * `PRAGMA data_version` changes whenever another connection commits, and every write goes through the writer
 * connection, so on the read-only reader a stale answer is impossible. Use it only with the reader: a
 * connection's own writes do not change its data_version.
 */
export async function readerFigures(reader: Db, q: FiguresQuery): Promise<Figures> {
  const version = Number((await sql<{ data_version: number }>`PRAGMA data_version`.execute(reader)).rows[0]?.data_version ?? -1);
  let perDb = cache.get(reader);
  if (!perDb) {
    perDb = new Map();
    cache.set(reader, perDb);
  }
  const key = JSON.stringify([q.programId, q.from, q.to]);
  const hit = perDb.get(key);
  if (hit && hit.version === version) return hit.figures;
  const figures = await computeFigures(reader, q, { reach: false });
  if (perDb.size > 50) perDb.clear();
  perDb.set(key, { version, figures });
  return figures;
}
