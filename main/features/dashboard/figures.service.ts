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

type EnrolmentState = 'enrolled' | 'active' | 'completed' | 'dropped' | 'exited';

/**
 * What an enrolment row (alias e) of the period must also satisfy to count for a state. Kept apart from
 * `enrolledWhere` so the figures can test it on rows that already passed the period filter.
 */
export function enrolmentStateExtra(q: FiguresQuery, state: Exclude<EnrolmentState, 'enrolled'>): RawBuilder<SqlBool> {
  switch (state) {
    case 'active':
      return sql<SqlBool>`(e.end_date IS NULL OR e.end_date > ${q.to})`;
    case 'completed':
      return sql<SqlBool>`(e.status = 'abgeschlossen' AND e.end_date <= ${q.to})`;
    case 'dropped':
      return sql<SqlBool>`(e.status = 'abgebrochen' AND e.end_date <= ${q.to})`;
    case 'exited':
      return sql<SqlBool>`(e.status IN ('abgeschlossen', 'abgebrochen') AND e.end_date <= ${q.to})`;
  }
}

export function enrolmentStateWhere(q: FiguresQuery, state: EnrolmentState): RawBuilder<SqlBool> {
  const base = enrolledWhere(q);
  return state === 'enrolled' ? base : sql<SqlBool>`(${base} AND ${enrolmentStateExtra(q, state)})`;
}

/**
 * Age (alias p) as the age reached in the year of the period end, from the birth year alone. Deliberately not
 * the exact age on the last day: anonymisation keeps only the birth year, and a report must give the same
 * figures before and after (issue 9), so every person is counted the same way.
 */
export function ageExpr(q: FiguresQuery): RawBuilder<number | null> {
  return ageOfBirthYear(q, birthYearExpr());
}

/** Birth year (alias p): the stored year (all an anonymised record keeps), else the birth date's. */
export function birthYearExpr(): RawBuilder<number | null> {
  return sql<number | null>`coalesce(p.birth_year, CAST(substr(p.birth_date, 1, 4) AS INTEGER))`;
}

/** The age reached in the period end's year by someone born in `year`. */
export function ageOfBirthYear(q: FiguresQuery, year: RawBuilder<unknown>): RawBuilder<number | null> {
  const toYear = Number(q.to.slice(0, 4));
  return sql<number | null>`(${toYear} - ${year})`;
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

/** Positive outcomes (alias o) of the program dated up to the period end. */
export function positiveOutcomeWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  const kinds = sql.join(positiveOutcomeKinds.map((k) => sql.lit(k)));
  return sql<SqlBool>`(o.program_id = ${q.programId} AND o.date <= ${q.to} AND o.kind IN (${kinds}))`;
}

/** Enrolments (alias e) that exited in the period and whose person has a positive outcome up to the period end. */
export function exitedWithOutcomeWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${enrolmentStateWhere(q, 'exited')} AND EXISTS (SELECT 1 FROM outcomes o
    WHERE o.participant_id = e.participant_id AND ${positiveOutcomeWhere(q)}))`;
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

interface PeopleFigures {
  states: Record<EnrolmentState, number>;
  peopleWithOutcome: number;
  breakdowns: Map<Dimension, Counted[]>;
}

/** Bits of a person's state mask: which states at least one of their enrolments of the period has. */
const stateBits = { active: 1, completed: 2, dropped: 4, exited: 8 } as const;
const OUTCOME_BIT = 16;

/**
 * The period's people in one statement: the states, the people with an outcome and all six breakdowns.
 *
 * 1. `pe`: one row per person with their state mask, read in person order from the covering index
 *    enrollments_program_person, so the GROUP BY needs no sort. A person counts for a state when any of their
 *    enrolments of the period does (the definitions count distinct people). `exact = false` takes the mask of an
 *    arbitrary enrolment of the person (SQLite's bare column), which is the person's mask when they have one
 *    enrolment in the period; `k` counts their enrolments, and when any person has more than one the caller asks
 *    again with `exact = true`, which ORs the masks of all their enrolments (costlier: four aggregates per row).
 * 2. `g`: each person's record looked up once by rowid and grouped by the raw breakdown columns and the mask
 *    (plus the outcome bit: exited and a positive outcome). This is the only sort that touches every person; the
 *    key expressions (`dimensionExpr`, which the drill-down lists filter on) run afterwards on the few groups,
 *    where raw values that differ only in spaces merge. A person lies in exactly one group, so sums over groups are
 *    counts of people.
 * 3. one row of state sums and one GROUP BY per dimension over the groups.
 */
function peopleQuery(q: FiguresQuery, exact: boolean) {
  const states = Object.entries(stateBits) as Array<[keyof typeof stateBits, number]>;
  const mask = exact
    ? sql.join(states.map(([st, bit]) => sql`${bit} * max(CASE WHEN ${enrolmentStateExtra(q, st)} THEN 1 ELSE 0 END)`), sql` + `)
    : sql.join(states.map(([st, bit]) => sql`(CASE WHEN ${enrolmentStateExtra(q, st)} THEN ${bit} ELSE 0 END)`), sql` + `);
  const has = (bit: number) => sql`sum(CASE WHEN mask & ${bit} <> 0 THEN n ELSE 0 END)`;
  const parts = sql.join(
    dimensions.map((d) => {
      const key = d === 'ageGroup' ? ageGroupOf(ageOfBirthYear(q, sql`p.birth_year`)) : dimensionExpr(q, d);
      return sql`SELECT ${sql.lit(d)} AS dim, ${key} AS k, sum(p.n) AS n, 0, 0, 0, 0, 0, 0 FROM g AS p GROUP BY 2`;
    }),
    sql` UNION ALL `,
  );
  return sql<{ dim: Dimension | 'state'; k: string | null; n: number; rows: number; active: number; completed: number; dropped: number; exited: number; outcome: number }>`
    WITH pe AS (SELECT e.participant_id AS id, count(*) AS k, ${mask} AS mask
      FROM enrollments e INDEXED BY enrollments_program_person WHERE ${enrolledWhere(q)} GROUP BY e.participant_id),
    g AS MATERIALIZED (SELECT ${birthYearExpr()} AS birth_year, p.nationality AS nationality, p.residence_status AS residence_status,
        p.german_level AS german_level, p.gender AS gender, p.commune_id AS commune_id,
        pe.mask + CASE WHEN pe.mask & ${stateBits.exited} <> 0
          AND pe.id IN (SELECT o.participant_id FROM outcomes o WHERE ${positiveOutcomeWhere(q)}) THEN ${OUTCOME_BIT} ELSE 0 END AS mask,
        count(*) AS n, sum(pe.k) AS k
      FROM pe CROSS JOIN participants p ON p.id = pe.id
      GROUP BY 1, 2, 3, 4, 5, 6, 7)
    SELECT 'state' AS dim, NULL AS k, sum(n) AS n, sum(k) AS rows, ${has(stateBits.active)} AS active,
      ${has(stateBits.completed)} AS completed, ${has(stateBits.dropped)} AS dropped, ${has(stateBits.exited)} AS exited,
      ${has(OUTCOME_BIT)} AS outcome FROM g
    UNION ALL ${parts}`;
}

async function peopleFigures(db: Db, q: FiguresQuery): Promise<PeopleFigures> {
  let res = await peopleQuery(q, false).execute(db);
  let state = res.rows.find((r) => r.dim === 'state');
  // someone has two enrolments of the period: their bare mask may miss a state, so OR all of them
  if (num(state?.rows) !== num(state?.n)) {
    res = await peopleQuery(q, true).execute(db);
    state = res.rows.find((r) => r.dim === 'state');
  }
  const breakdowns = new Map<Dimension, Counted[]>();
  for (const r of res.rows) {
    if (r.dim === 'state') continue;
    breakdowns.set(r.dim, [...(breakdowns.get(r.dim) ?? []), { key: String(r.k), count: num(r.n) }]);
  }
  return {
    states: {
      enrolled: num(state?.n),
      active: num(state?.active),
      completed: num(state?.completed),
      dropped: num(state?.dropped),
      exited: num(state?.exited),
    },
    peopleWithOutcome: num(state?.outcome),
    breakdowns,
  };
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

  const people = await peopleFigures(db, q);
  const { enrolled, active, completed, dropped, exited } = people.states;

  const communeRows = await db.selectFrom('communes').select(['id', 'name']).execute();
  const communeName = new Map(communeRows.map((c) => [String(c.id), c.name]));
  const [gender, age, nationality, commune, residence, german] = dimensions.map((d) => people.breakdowns.get(d) ?? []) as [
    Counted[], Counted[], Counted[], Counted[], Counted[], Counted[],
  ];

  // activities per kind and month. The inner GROUP BY follows the covering index activities_program_date_kind
  // (no sort); present attendances come from activity_presence, the trigger-kept count per activity, so a million
  // attendance rows are not read. An activity without a presence row had nobody present.
  const perKindMonth = await sql<{ kind: string; m: string; sessions: number; n: number; minutes: number }>`SELECT
      x.kind AS kind, substr(x.date, 1, 7) AS m, sum(x.sessions) AS sessions, sum(x.n) AS n, sum(x.minutes) AS minutes
    FROM (SELECT a.date AS date, a.kind AS kind, count(*) AS sessions, sum(coalesce(s.present, 0)) AS n,
            sum(coalesce(s.present, 0) * a.duration_minutes) AS minutes
          FROM activities a LEFT JOIN activity_presence s ON s.activity_id = a.id
          WHERE ${activityWhere(q)} GROUP BY a.date, a.kind) x
    GROUP BY 1, 2`.execute(db);
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

  // outcomes per kind and month in one range scan of the covering index outcomes_program_date_kind
  const outcomeKindMonths = await sql<{ kind: string; m: string; n: number }>`SELECT o.kind AS kind,
      substr(o.date, 1, 7) AS m, count(*) AS n FROM outcomes o WHERE ${outcomeWhere(q)} GROUP BY 1, 2`.execute(db);
  const outcomeByKind = ordered(
    outcomeKinds.map((k) => ({ key: k, count: outcomeKindMonths.rows.filter((r) => r.kind === k).reduce((s, r) => s + num(r.n), 0) })),
    outcomeKinds,
    outcomeLabels,
  );
  const peopleWithOutcome = people.peopleWithOutcome;

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
  // month sheet adds up to the commune total exactly. Whole calendar months come from hours_months, the
  // trigger-kept sum per placement and month (one row per placement and month instead of every day's entry); a
  // month the period cuts (a period not starting on the 1st or not ending on a month's last day) is summed from
  // the hour entries themselves, as an index range over (placement_id, work_date, hours_x100).
  const monthList = monthsBetween(q.from, q.to);
  const spans = monthList.map((m) => {
    const r = monthRange(m);
    const from = r.from < q.from ? q.from : r.from;
    const to = r.to > q.to ? q.to : r.to;
    return { month: m, from, to, whole: from === r.from && to === r.to };
  });
  const whole = spans.filter((x) => x.whole);
  const cut = spans.filter((x) => !x.whole);
  const hourSources = [
    ...(whole.length === 0
      ? []
      : [
          sql`SELECT pl.commune_id AS commune_id, s.month AS month, pl.rate_cents AS rate_cents, s.hours_x100 AS hours
            FROM placements pl CROSS JOIN hours_months s ON s.placement_id = pl.id
              AND s.month >= ${whole[0]!.month} AND s.month <= ${whole.at(-1)!.month}
            WHERE pl.program_id = ${q.programId}`,
        ]),
    ...(cut.length === 0
      ? []
      : [
          sql`SELECT pl.commune_id AS commune_id, m.month AS month, pl.rate_cents AS rate_cents,
              (SELECT sum(h.hours_x100) FROM hours h
                WHERE h.placement_id = pl.id AND h.work_date >= m.m_from AND h.work_date <= m.m_to) AS hours
            FROM placements pl CROSS JOIN (SELECT column1 AS month, column2 AS m_from, column3 AS m_to
              FROM (VALUES ${sql.join(cut.map((c) => sql`(${c.month}, ${c.from}, ${c.to})`))})) m
            WHERE pl.program_id = ${q.programId}`,
        ]),
  ];
  const months = await sql<{ commune_id: number; month: string; hours: number; cents: number }>`
    SELECT commune_id, month, sum(hours) AS hours, sum((hours * rate_cents + 50) / 100) AS cents
    FROM (${sql.join(hourSources, sql` UNION ALL `)}) ph WHERE hours IS NOT NULL
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

  // trend per month: enrolments started and exited. Each is one range of a covering index whose order is the GROUP
  // BY's (start date; status, end date), so nothing is sorted but the days, which are then added up per month.
  // INDEXED BY pins the plan: the planner would otherwise pick an index on another column of the same WHERE.
  const flow = await sql<{ what: 'started' | 'exited'; m: string; n: number }>`
    SELECT 'started' AS what, substr(x.d, 1, 7) AS m, sum(x.n) AS n
    FROM (SELECT e.start_date AS d, count(*) AS n FROM enrollments e INDEXED BY enrollments_program_start
      WHERE ${enrolledWhere(q)} AND e.start_date >= ${q.from} GROUP BY e.start_date) x GROUP BY 2
    UNION ALL
    SELECT 'exited' AS what, substr(x.d, 1, 7) AS m, sum(x.n) AS n
    FROM (SELECT e.end_date AS d, count(*) AS n FROM enrollments e INDEXED BY enrollments_program_status_end
      WHERE ${enrolmentStateWhere(q, 'exited')} GROUP BY e.status, e.end_date) x GROUP BY 2`.execute(db);
  const flowOf = (what: 'started' | 'exited', m: string) => num(flow.rows.find((r) => r.what === what && r.m === m)?.n);
  const trend = monthList.map((m) => ({
    month: m,
    started: flowOf('started', m),
    exited: flowOf('exited', m),
    outcomes: outcomeKindMonths.rows.filter((r) => r.m === m).reduce((s, r) => s + num(r.n), 0),
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
