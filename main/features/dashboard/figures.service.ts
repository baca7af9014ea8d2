import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { outcomeKindLabels } from '../../../shared/domain/outcomes.js';
import { successKeyLabels, successKeys, targetKeys, targetLabels, type SuccessKey, type TargetKey } from '../../../shared/domain/programs.js';
import {
  activityKinds,
  ageGroups,
  contactResults,
  genderKeys,
  NONE_KEY,
  outcomeKinds,
  QUALIFIED_SV,
  type BreakdownRow,
  type CommuneFigures,
  type Figures,
  type FiguresQuery,
  type TargetFigure,
} from '../../../shared/domain/reports.js';
import { AppError } from '../../../shared/errors.js';
import { residenceGroupLabels, type ResidenceGroup } from '../../../shared/rules/residence-groups.js';
import { dataVersion } from '../../db/engine/changes.js';
import { engineOf, type EngineKind } from '../../db/engine/kind.js';
import { countWhere, indexedBy, pinnedJoin, yearOf } from '../../db/engine/sql-parts.js';
import type { Database } from '../../db/schema.js';
import { monthRange } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/**
 * The one place where Lotse's figures are defined. The dashboard, its drill-down lists, the program-end report and
 * `lotse report program-end --json` all go through these definitions, so a number on screen, the list behind it,
 * the exported workbook and the JSON agree. Everything is aggregate SQL over the indexed tables (no per-row work
 * in JS), so it stays fast at 100,000 people. README "How figures are counted" is the table of these definitions.
 *
 * Period = [from, to], both inclusive. Participation is the anchor (issue 13):
 * - participants (total): people with an enrollment of the period — in the program, not merely 'interessiert',
 *   started on or before `to`, not ended before `from`; entered: of those, an enrollment started in the period;
 * - active: still in the program at the period end; completed / dropped: abgeschlossen / abgebrochen ending on or
 *   before `to`; exited = either; overrides: enrolled with an override of the eligibility rule;
 * - breakdowns count each person once by the characteristics at entry (the enrollment's snapshot, taken when it
 *   started) of their latest-starting enrollment of the period; age = year of that start − birth year;
 * - activity and fair figures count only records anchored to an enrollment (fair check-ins without one are
 *   visitors, counted apart); outcomes only anchored ones; AGH work only from placements on a valid enrollment.
 */

// ---------- shared SQL fragments (used by figures, drill-down and checks alike) ----------

/** Enrollment rows (alias e) that belong to the period. */
export function enrolledWhere(q: FiguresQuery, alias = 'e'): RawBuilder<SqlBool> {
  const e = sql.raw(alias);
  return sql<SqlBool>`(${e}.program_id = ${q.programId} AND ${e}.status <> 'interessiert' AND ${e}.start_date IS NOT NULL
    AND ${e}.start_date <= ${q.to} AND (${e}.end_date IS NULL OR ${e}.end_date >= ${q.from}))`;
}

type EnrollmentState = 'enrolled' | 'entered' | 'active' | 'completed' | 'dropped' | 'exited' | 'overrides';

/**
 * What an enrollment row (alias e) of the period must also satisfy to count for a state. Kept apart from
 * `enrolledWhere` so the figures can test it on rows that already passed the period filter.
 */
export function enrollmentStateExtra(q: FiguresQuery, state: Exclude<EnrollmentState, 'enrolled'>, alias = 'e'): RawBuilder<SqlBool> {
  const e = sql.raw(alias);
  switch (state) {
    case 'entered':
      return sql<SqlBool>`(${e}.start_date >= ${q.from})`;
    case 'active':
      return sql<SqlBool>`(${e}.end_date IS NULL OR ${e}.end_date > ${q.to})`;
    case 'completed':
      return sql<SqlBool>`(${e}.status = 'abgeschlossen' AND ${e}.end_date <= ${q.to})`;
    case 'dropped':
      return sql<SqlBool>`(${e}.status = 'abgebrochen' AND ${e}.end_date <= ${q.to})`;
    case 'exited':
      return sql<SqlBool>`(${e}.status IN ('abgeschlossen', 'abgebrochen') AND ${e}.end_date <= ${q.to})`;
    case 'overrides':
      return sql<SqlBool>`(${e}.override_reason IS NOT NULL)`;
  }
}

export function enrollmentStateWhere(q: FiguresQuery, state: EnrollmentState, alias = 'e'): RawBuilder<SqlBool> {
  const base = enrolledWhere(q, alias);
  return state === 'enrolled' ? base : sql<SqlBool>`(${base} AND ${enrollmentStateExtra(q, state, alias)})`;
}

/** Age group of an age expression (portable SQL: CASE exists in SQLite and PostgreSQL). */
export function ageGroupOf(age: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(CASE WHEN ${age} IS NULL THEN 'keine_angabe' WHEN ${age} < 18 THEN 'unter_18'
    WHEN ${age} < 30 THEN '18_29' WHEN ${age} < 55 THEN '30_54' ELSE '55_plus' END)`;
}

/**
 * Age at entry of an enrollment (alias e): year of its start − birth year of its snapshot. Birth-year based, so a
 * report gives the same figures before and after anonymisation (issue 9), and fixed at entry, so a report re-run
 * next year gives the same age groups.
 */
export function entryAgeExpr(kind: EngineKind, alias = 'e'): RawBuilder<number | null> {
  const e = sql.raw(alias);
  return sql<number | null>`(${yearOf(kind, sql`${e}.start_date`)} - ${e}.entry_birth_year)`;
}

export const dimensions = ['gender', 'ageGroup', 'nationality', 'commune', 'residenceStatus', 'residenceGroup', 'germanLevel'] as const;
export type Dimension = (typeof dimensions)[number];

/** Breakdown key of an enrollment's entry snapshot (alias e); missing values become NONE_KEY. */
export function dimensionExpr(kind: EngineKind, dim: Dimension, alias = 'e'): RawBuilder<string> {
  const e = sql.raw(alias);
  switch (dim) {
    case 'gender':
      return sql<string>`coalesce(${e}.entry_gender, 'keine_angabe')`;
    case 'ageGroup':
      return ageGroupOf(entryAgeExpr(kind, alias));
    case 'nationality':
      return sql<string>`coalesce(nullif(trim(${e}.entry_nationality), ''), 'keine_angabe')`;
    case 'commune':
      return sql<string>`coalesce(CAST(${e}.entry_commune_id AS TEXT), 'keine_angabe')`;
    case 'residenceStatus':
      return sql<string>`coalesce(nullif(trim(${e}.entry_residence_status), ''), 'keine_angabe')`;
    case 'residenceGroup':
      return sql<string>`coalesce(nullif(${e}.entry_residence_group, ''), 'keine_angabe')`;
    case 'germanLevel':
      return sql<string>`coalesce(${e}.entry_german_level, 'keine_angabe')`;
  }
}

/**
 * The enrollment whose snapshot describes a person in the period: their latest-starting enrollment of the period
 * (ties: the higher id). One row per person: participant id `pid` and enrollment id `eid`, read back from the
 * max() key (both engines; PostgreSQL has no bare columns beside an aggregate).
 */
/** The enrollment id inside the key max(start_date || '#' || (10^12 + id)): the 13 digits after the date and '#'. */
const pickedEnrollment = sql`(CAST(substr(max(e.start_date || '#' || (1000000000000 + e.id)), 12) AS BIGINT) - 1000000000000)`;

export function snapshotEnrollments(q: FiguresQuery): RawBuilder<{ pid: number; eid: number }> {
  return sql<{ pid: number; eid: number }>`SELECT e.participant_id AS pid, ${pickedEnrollment} AS eid,
      max(e.start_date || '#' || (1000000000000 + e.id)) AS pick
    FROM enrollments e WHERE ${enrolledWhere(q)} GROUP BY e.participant_id`;
}

/**
 * A placement (alias pl) stands on a valid enrollment: its own enrollment has started (not 'interessiert', with a
 * start date), belongs to the same person and program, and the placement starts inside it. Only such placements
 * count for AGH figures; the others are the finding placement_enrollment_not_active.
 */
export function placementValidWhere(): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM enrollments pe WHERE pe.id = pl.enrollment_id
    AND pe.participant_id = pl.participant_id AND pe.program_id = pl.program_id
    AND pe.status <> 'interessiert' AND pe.start_date IS NOT NULL AND pe.start_date <= pl.start_date
    AND (pe.end_date IS NULL OR (pl.start_date <= pe.end_date AND (pl.end_date IS NOT NULL OR pl.status <> 'aktiv')
      AND coalesce(pl.end_date, pl.start_date) <= pe.end_date)))`;
}

/** Valid placements (alias pl) whose enrollment belongs to the period, so AGH people are among the period's people. */
function placementOfPeriod(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${placementValidWhere()} AND pl.enrollment_id IN (SELECT e.id FROM enrollments e WHERE ${enrolledWhere(q)}))`;
}

/** Placements (alias pl) of the program overlapping the period; waiting ones have no place yet. */
export function placementInPeriodWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(pl.program_id = ${q.programId} AND pl.status <> 'wartend' AND pl.start_date <= ${q.to}
    AND (pl.end_date IS NULL OR pl.end_date >= ${q.from}) AND ${placementOfPeriod(q)})`;
}

/** Placements (alias pl) holding a place at the period end. */
export function placementFilledWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(pl.program_id = ${q.programId} AND pl.status <> 'wartend' AND pl.start_date <= ${q.to}
    AND ((pl.end_date IS NULL AND pl.status = 'aktiv') OR pl.end_date > ${q.to}) AND ${placementOfPeriod(q)})`;
}

/** Waiting placements: a request for a place, not yet work; counted as they are (no enrollment rule yet). */
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

/** Anchored outcomes (alias o) of the program dated in the period. */
export function outcomeWhere(q: FiguresQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(o.program_id = ${q.programId} AND o.date >= ${q.from} AND o.date <= ${q.to} AND o.enrollment_id IS NOT NULL)`;
}

/** Rank of an outcome kind (alias o) in report order: the first kind of outcomeKinds is the best. */
export function outcomeRankExpr(): RawBuilder<number> {
  return sql<number>`(CASE o.kind ${sql.join(outcomeKinds.map((k, i) => sql`WHEN ${sql.lit(k)} THEN ${sql.lit(i)}`), sql` `)} ELSE ${sql.lit(outcomeKinds.length)} END)`;
}

/** An outcome (alias o) of one of the program's success keys (QUALIFIED_SV = sv_beschaeftigung with qualified = 1). */
export function successExpr(kinds: readonly string[]): RawBuilder<SqlBool> {
  const plain = kinds.filter((k) => k !== QUALIFIED_SV && (outcomeKinds as readonly string[]).includes(k));
  const parts: RawBuilder<SqlBool>[] = [];
  if (plain.length > 0) parts.push(sql<SqlBool>`o.kind IN (${sql.join(plain.map((k) => sql.lit(k)))})`);
  if (kinds.includes(QUALIFIED_SV)) parts.push(sql<SqlBool>`(o.kind = 'sv_beschaeftigung' AND o.qualified = 1)`);
  return parts.length === 0 ? sql<SqlBool>`(1 = 0)` : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Exited enrollments (alias e) of the period with an outcome anchored to them and dated up to the period end;
 * `success` limits it to the program's success kinds, `kind` to people whose first outcome (report order) is it.
 */
export function exitedWithOutcomeWhere(q: FiguresQuery, opts: { success?: readonly string[]; kind?: string } = {}): RawBuilder<SqlBool> {
  const base = enrollmentStateWhere(q, 'exited');
  if (opts.success) {
    return sql<SqlBool>`(${base} AND EXISTS (SELECT 1 FROM outcomes o WHERE o.enrollment_id = e.id AND o.date <= ${q.to}
      AND ${successExpr(opts.success)}))`;
  }
  return sql<SqlBool>`(${base} AND EXISTS (SELECT 1 FROM outcomes o WHERE o.enrollment_id = e.id AND o.date <= ${q.to}))`;
}

/**
 * People (alias p) who exited in the period with an anchored outcome up to the period end: all of them, those with
 * a success outcome, or those whose first outcome over all their exited enrollments of the period has `kind`.
 */
export function outcomePeopleWhere(q: FiguresQuery, opts: { success?: readonly string[]; kind?: string } = {}): RawBuilder<SqlBool> {
  if (opts.kind !== undefined) {
    return sql<SqlBool>`${sql.lit(outcomeKinds.indexOf(opts.kind as (typeof outcomeKinds)[number]))} = (SELECT min(${outcomeRankExpr()})
      FROM enrollments e JOIN outcomes o ON o.enrollment_id = e.id
      WHERE e.participant_id = p.id AND ${enrollmentStateWhere(q, 'exited')} AND o.date <= ${q.to})`;
  }
  return sql<SqlBool>`p.id IN (SELECT e.participant_id FROM enrollments e WHERE ${exitedWithOutcomeWhere(q, opts)})`;
}

/** The program's success keys (JSON array in programs.success_kinds); unknown keys are ignored. */
export async function programSuccessKinds(db: Db, programId: number): Promise<string[]> {
  const row = await sql<{ k: string | null }>`SELECT success_kinds AS k FROM programs WHERE id = ${programId}`.execute(db);
  try {
    const parsed: unknown = JSON.parse(row.rows[0]?.k ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string' && (successKeys as readonly string[]).includes(x)) : [];
  } catch {
    return [];
  }
}

/** "Erfolg = Berufsausbildung + Sozialversicherungspflichtige Beschäftigung (qualifikationsadäquat)" */
export function successDefinition(kinds: readonly string[]): string {
  const labels = kinds.map((k) => successKeyLabels[k as SuccessKey] ?? k);
  return `Erfolg = ${labels.length === 0 ? '–' : labels.join(' + ')}`;
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
/** Outcome labels of the report (shared with the outcome forms). */
export const outcomeLabels: Record<(typeof outcomeKinds)[number], string> = outcomeKindLabels;
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
  states: Record<EnrollmentState, number>;
  breakdowns: Map<Dimension, Counted[]>;
}

/** Bits of a person's state mask: which states at least one of their enrollments of the period has. */
const stateBits = { entered: 1, active: 2, completed: 4, dropped: 8, exited: 16, overrides: 32 } as const;
type Bit = keyof typeof stateBits;
const bitList = Object.entries(stateBits) as Array<[Bit, number]>;

interface OutcomePeople {
  people: number;
  success: number;
  byKind: Counted[];
}

/** Outcome groups (best rank, success flag, people) to the figures. */
const codeRows = (rows: Array<{ best: number; success: number; n: number }>): OutcomePeople => {
  const byKind = new Map<string, number>();
  for (const r of rows) {
    const kind = outcomeKinds[num(r.best)] ?? NONE_KEY;
    byKind.set(kind, (byKind.get(kind) ?? 0) + num(r.n));
  }
  return {
    people: rows.reduce((s, r) => s + num(r.n), 0),
    success: rows.filter((r) => num(r.success) === 1).reduce((s, r) => s + num(r.n), 0),
    byKind: [...byKind].map(([key, count]) => ({ key, count })),
  };
};

/** Outcome code of outcomes (alias o): 2 × the best rank (report order) + 1 if any is a success. */
const codeOf = (successKinds: readonly string[]) =>
  sql`min(${outcomeRankExpr()}) * 2 + max(CASE WHEN ${successExpr(successKinds)} THEN 1 ELSE 0 END)`;

/**
 * Exited people of the period with an anchored outcome up to the period end, by their first outcome kind (report
 * order) and whether any is a success. The exited enrollments come in person order from the covering index
 * enrollments_program_person (so the GROUP BY per person needs no sort), each joined to its outcomes through the
 * covering index outcomes_enrollment (enrollment_id, date, kind, qualified); a person with several exited
 * enrollments is one group over all of them.
 */
async function outcomePeople(db: Db, q: FiguresQuery, successKinds: readonly string[]): Promise<OutcomePeople> {
  const res = await sql<{ best: number; success: number; n: number }>`SELECT x.code / 2 AS best, x.code % 2 AS success, count(*) AS n
    FROM (SELECT ${codeOf(successKinds)} AS code
      FROM enrollments e ${indexedBy(db, 'enrollments_program_person')} ${pinnedJoin(db)} outcomes o ON o.enrollment_id = e.id
      WHERE ${enrollmentStateWhere(q, 'exited')} AND o.date <= ${q.to} GROUP BY e.participant_id) x
    GROUP BY 1, 2`.execute(db);
  return codeRows(res.rows);
}

/** Does anyone have two enrollments of the period? Stops at the first, reading the person-ordered covering index. */
async function hasTwoEnrollments(db: Db, q: FiguresQuery): Promise<boolean> {
  const res = await sql`SELECT 1 FROM enrollments e ${indexedBy(db, 'enrollments_program_person')} WHERE ${enrolledWhere(q)}
    GROUP BY e.participant_id HAVING count(*) > 1 LIMIT 1`.execute(db);
  return res.rows.length > 0;
}

type PeopleRow = {
  dim: Dimension | 'state';
  k: string | null;
  n: number;
  entered: number;
  active: number;
  completed: number;
  dropped: number;
  exited: number;
  overrides: number;
};

const entryColumns = sql.raw(`e.entry_gender AS entry_gender, e.entry_german_level AS entry_german_level,
  e.entry_residence_group AS entry_residence_group, e.entry_commune_id AS entry_commune_id,
  e.entry_birth_year AS entry_birth_year, e.entry_nationality AS entry_nationality,
  e.entry_residence_status AS entry_residence_status`);

/** Per dimension, the breakdown rows over `g` (age groups come as per-group sums a0..a4 of the fast path or `age`). */
function dimensionParts(kind: EngineKind, ageFromSums: boolean): RawBuilder<unknown> {
  const ageKeys = ['unter_18', '18_29', '30_54', '55_plus', 'keine_angabe'];
  return sql.join(
    dimensions.flatMap((d) => {
      if (d === 'ageGroup' && ageFromSums) {
        return ageKeys.map((k, i) => sql`SELECT 'ageGroup' AS dim, ${sql.lit(k)} AS k, sum(g.${sql.raw(`a${i}`)}) AS n, 0, 0, 0, 0, 0, 0 FROM g`);
      }
      const key = d === 'ageGroup' ? ageGroupOf(sql`g.age`) : dimensionExpr(kind, d, 'g');
      return [sql`SELECT ${sql.lit(d)} AS dim, ${key} AS k, sum(g.n) AS n, 0, 0, 0, 0, 0, 0 FROM g GROUP BY 2`];
    }),
    sql` UNION ALL `,
  );
}

const stateSums = sql.raw(`sum(n) AS n, sum(entered) AS entered, sum(active) AS active, sum(completed) AS completed,
  sum(dropped) AS dropped, sum(exited) AS exited, sum(overrides) AS overrides`);

/**
 * The period's people when each has one enrollment of the period (the usual case; `hasTwoEnrollments` tells): one
 * streaming pass over the covering index enrollments_program_entry, grouped by the raw entry snapshot in index
 * order (no sort, no row lookups), with the states and the five age groups as sums per group — one enrollment is
 * one person here. The key expressions (`dimensionExpr`, which the drill-down lists filter on) then run on the
 * few groups, where raw values that differ only in spaces merge.
 */
function peopleQueryFast(kind: EngineKind, q: FiguresQuery) {
  // boolean sums (0/1 per row) are the cheapest per-row form; exited = completed + dropped here (one enrollment is
  // one person), and the age groups come from three thresholds and the unknown ages
  const state = (st: Exclude<EnrollmentState, 'enrolled' | 'exited'>) => countWhere(kind, enrollmentStateExtra(q, st));
  const age = entryAgeExpr(kind);
  const ages = (cond: RawBuilder<unknown>) => countWhere(kind, cond);
  return sql<PeopleRow>`
    WITH r AS MATERIALIZED (SELECT ${entryColumns}, count(*) AS n, ${state('entered')} AS entered, ${state('active')} AS active,
        ${state('completed')} AS completed, ${state('dropped')} AS dropped, ${state('overrides')} AS overrides,
        ${ages(sql`${age} < 18`)} AS lt18, ${ages(sql`${age} < 30`)} AS lt30, ${ages(sql`${age} < 55`)} AS lt55,
        ${ages(sql`${age} IS NULL`)} AS unknown
      FROM enrollments e ${indexedBy(kind, 'enrollments_program_entry')} WHERE ${enrolledWhere(q)}
      GROUP BY e.entry_gender, e.entry_german_level, e.entry_residence_group, e.entry_commune_id, e.entry_birth_year,
        e.entry_nationality, e.entry_residence_status),
    g AS (SELECT *, completed + dropped AS exited, lt18 AS a0, lt30 - lt18 AS a1, lt55 - lt30 AS a2,
        n - lt55 - unknown AS a3, unknown AS a4 FROM r)
    SELECT 'state' AS dim, NULL AS k, ${stateSums} FROM g
    UNION ALL ${dimensionParts(kind, true)}`;
}

/**
 * The period's people when someone has two enrollments of the period: one row per person (`pe`, in person order
 * from enrollments_program_person) with the states of all their enrollments ORed, described by the snapshot of
 * their latest-starting enrollment (`x`, looked up by rowid), grouped by snapshot and state mask (`g`).
 */
function peopleQueryExact(kind: EngineKind, q: FiguresQuery) {
  const pe = sql`SELECT e.participant_id AS id, ${pickedEnrollment} AS eid, max(e.start_date || '#' || (1000000000000 + e.id)) AS pick,
      ${sql.join(bitList.map(([st, bit]) => sql`(CASE WHEN sum(CASE WHEN ${enrollmentStateExtra(q, st)} THEN 1 ELSE 0 END) > 0 THEN ${bit} ELSE 0 END)`), sql` + `)} AS mask
    FROM enrollments e ${indexedBy(kind, 'enrollments_program_person')} WHERE ${enrolledWhere(q)} GROUP BY e.participant_id`;
  const has = (bit: number) => sql`sum(CASE WHEN mask & ${bit} <> 0 THEN n ELSE 0 END)`;
  return sql<PeopleRow>`
    WITH pe AS (${pe}),
    x AS (SELECT ${entryAgeExpr(kind, 's')} AS age, s.entry_gender AS entry_gender, s.entry_nationality AS entry_nationality,
        s.entry_commune_id AS entry_commune_id, s.entry_residence_status AS entry_residence_status,
        s.entry_residence_group AS entry_residence_group, s.entry_german_level AS entry_german_level, pe.mask AS mask
      FROM pe ${pinnedJoin(kind)} enrollments s ON s.id = pe.eid),
    g AS MATERIALIZED (SELECT age, entry_gender, entry_nationality, entry_commune_id, entry_residence_status,
        entry_residence_group, entry_german_level, mask, count(*) AS n
      FROM x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)
    SELECT 'state' AS dim, NULL AS k, sum(n) AS n, ${has(stateBits.entered)} AS entered,
      ${has(stateBits.active)} AS active, ${has(stateBits.completed)} AS completed, ${has(stateBits.dropped)} AS dropped,
      ${has(stateBits.exited)} AS exited, ${has(stateBits.overrides)} AS overrides FROM g
    UNION ALL ${dimensionParts(kind, false)}`;
}
async function peopleFigures(db: Db, q: FiguresQuery, exact: boolean): Promise<PeopleFigures> {
  const kind = engineOf(db);
  const res = await (exact ? peopleQueryExact(kind, q) : peopleQueryFast(kind, q)).execute(db);
  const state = res.rows.find((r) => r.dim === 'state');
  const breakdowns = new Map<Dimension, Counted[]>();
  for (const r of res.rows) {
    if (r.dim === 'state') continue;
    breakdowns.set(r.dim, [...(breakdowns.get(r.dim) ?? []), { key: String(r.k), count: num(r.n) }]);
  }
  return {
    states: {
      enrolled: num(state?.n),
      entered: num(state?.entered),
      active: num(state?.active),
      completed: num(state?.completed),
      dropped: num(state?.dropped),
      exited: num(state?.exited),
      overrides: num(state?.overrides),
    },
    breakdowns,
  };
}

/** Both ways of counting the period's people, for tests: on data where nobody has two enrollments they agree. */
export const peopleFiguresBy = (db: Db, q: FiguresQuery, path: 'fast' | 'exact') => peopleFigures(db, q, path === 'exact');


/** Fixed key sets keep every key (also zeros) in a stable order; free text keys are sorted by count, then name. */
function ordered(rows: Array<{ key: string; count: number }>, keys: readonly string[], labels: Record<string, string>): BreakdownRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  return keys.map((k) => ({ key: k, label: labels[k] ?? k, count: byKey.get(k) ?? 0 }));
}
function free(rows: Array<{ key: string; count: number }>, label: (key: string) => string = (k) => k): BreakdownRow[] {
  const merged = new Map<string, number>();
  for (const r of rows) merged.set(r.key, (merged.get(r.key) ?? 0) + r.count);
  return [...merged]
    .map(([key, count]) => ({ key, label: key === NONE_KEY ? NONE_LABEL : label(key), count }))
    .sort((a, b) => (a.key === NONE_KEY ? 1 : b.key === NONE_KEY ? -1 : b.count - a.count || a.label.localeCompare(b.label, 'de')));
}

/**
 * Present attendances per activity kind and month. Present counts come from activity_presence, the trigger-kept
 * count per activity (a million attendance rows are not read); the few present attendances without an anchor —
 * each one a finding — are found through the index on attendance.enrollment_id and taken off (INDEXED BY: the
 * planner's statistics cannot tell that NULL is rare and would read every attendance of the period instead).
 */
async function activityFigures(db: Db, q: FiguresQuery, withReach: boolean) {
  const perKindMonth = await sql<{ kind: string; m: string; sessions: number; n: number; minutes: number }>`SELECT
      x.kind AS kind, substr(x.date, 1, 7) AS m, sum(x.sessions) AS sessions, sum(x.n) AS n, sum(x.minutes) AS minutes
    FROM (SELECT a.date AS date, a.kind AS kind, count(*) AS sessions, sum(coalesce(s.present, 0)) AS n,
            sum(coalesce(s.present, 0) * a.duration_minutes) AS minutes
          FROM activities a LEFT JOIN activity_presence s ON s.activity_id = a.id
          WHERE ${activityWhere(q)} GROUP BY a.date, a.kind) x
    GROUP BY 1, 2`.execute(db);
  const loose = await sql<{ kind: string; m: string; n: number; minutes: number }>`SELECT a.kind AS kind,
      substr(a.date, 1, 7) AS m, count(*) AS n, sum(a.duration_minutes) AS minutes
    FROM attendance t ${indexedBy(db, 'attendance_enrollment')} ${pinnedJoin(db)} activities a ON a.id = t.activity_id
    WHERE t.enrollment_id IS NULL AND t.status = 'anwesend' AND ${activityWhere(q)} GROUP BY 1, 2`.execute(db);
  const months = perKindMonth.rows.map((r) => {
    const off = loose.rows.find((x) => x.kind === r.kind && x.m === r.m);
    return { ...r, n: num(r.n) - num(off?.n), minutes: num(r.minutes) - num(off?.minutes) };
  });
  // people reached per kind is a distinct count over every present attendance: the report needs it, the dashboard
  // does not show it, so its refresh skips it
  // When no present attendance of the period lacks its anchor (the usual case, known from `loose`), the covering
  // index attendance_activity_status answers alone; otherwise each row is read to leave the unanchored ones out.
  const anchoredOnly = loose.rows.length === 0 ? sql`` : sql`AND t.enrollment_id IS NOT NULL`;
  const reach = !withReach
    ? null
    : await sql<{ kind: string; people: number }>`SELECT a.kind AS kind, count(DISTINCT t.participant_id) AS people
    FROM activities a JOIN attendance t ON t.activity_id = a.id
    WHERE ${activityWhere(q)} AND t.status = 'anwesend' ${anchoredOnly} GROUP BY a.kind`.execute(db);
  const activities = activityKinds.map((kind) => {
    const rows = months.filter((r) => r.kind === kind);
    return {
      kind,
      sessions: rows.reduce((s, r) => s + num(r.sessions), 0),
      attendances: rows.reduce((s, r) => s + r.n, 0),
      people: reach ? num(reach.rows.find((r) => r.kind === kind)?.people) : null,
      participantMinutes: rows.reduce((s, r) => s + r.minutes, 0),
    };
  });
  return { activities, months };
}

/**
 * Fairs of the period. Registrations and contacts are each read once, grouped per fair (and per contact result and
 * participant/visitor); companies come from the covering unique index of fair_companies.
 */
async function fairFiguresOf(db: Db, q: FiguresQuery) {
  const fairRows = await sql<{ id: number; title: string; date: string; companies: number; later: number }>`SELECT f.id AS id,
      f.title AS title, f.date AS date,
      (SELECT count(*) FROM fair_companies fc WHERE fc.fair_id = f.id) AS companies,
      (SELECT count(*) FROM outcomes o WHERE o.source_fair_id = f.id AND o.enrollment_id IS NOT NULL) AS later
    FROM fairs f WHERE ${fairWhere(q)} ORDER BY f.date, f.id`.execute(db);
  const regs = await sql<{ fair_id: number; registered: number; present: number; visitors: number }>`SELECT r.fair_id AS fair_id,
      count(*) AS registered, sum(CASE WHEN r.checked_in_at IS NOT NULL THEN 1 ELSE 0 END) AS present,
      sum(CASE WHEN r.checked_in_at IS NOT NULL AND r.enrollment_id IS NULL THEN 1 ELSE 0 END) AS visitors
    FROM fairs f ${pinnedJoin(db)} fair_registrations r ON r.fair_id = f.id WHERE ${fairWhere(q)} GROUP BY r.fair_id`.execute(db);
  const contacts = await sql<{ fair_id: number; result: string; visitor: number; n: number }>`SELECT c.fair_id AS fair_id,
      c.result AS result, CASE WHEN c.enrollment_id IS NULL THEN 1 ELSE 0 END AS visitor, count(*) AS n
    FROM fairs f ${pinnedJoin(db)} fair_contacts c ON c.fair_id = f.id WHERE ${fairWhere(q)} GROUP BY 1, 2, 3`.execute(db);
  // "+r.enrollment_id": read each fair's registrations, not every visitor of every fair through the NULL index
  const visitorPeople = await sql<{ n: number }>`SELECT count(DISTINCT r.participant_id) AS n
    FROM fairs f ${pinnedJoin(db)} fair_registrations r ON r.fair_id = f.id
    WHERE ${fairWhere(q)} AND r.checked_in_at IS NOT NULL AND +r.enrollment_id IS NULL`.execute(db);
  const fairs = fairRows.rows.map((f) => {
    const reg = regs.rows.find((r) => num(r.fair_id) === num(f.id));
    const mine = contacts.rows.filter((c) => num(c.fair_id) === num(f.id));
    return {
      fairId: num(f.id),
      title: f.title,
      date: f.date,
      companies: num(f.companies),
      registered: num(reg?.registered),
      present: num(reg?.present),
      presentParticipants: num(reg?.present) - num(reg?.visitors),
      presentVisitors: num(reg?.visitors),
      contacts: mine.reduce((s, c) => s + num(c.n), 0),
      visitorContacts: mine.filter((c) => num(c.visitor) === 1).reduce((s, c) => s + num(c.n), 0),
      contactsByResult: Object.fromEntries(
        contactResults.map((r) => [r, mine.filter((c) => c.result === r).reduce((s, c) => s + num(c.n), 0)]),
      ) as Record<(typeof contactResults)[number], number>,
      laterResults: num(f.later),
    };
  });
  const visitors = {
    present: fairs.reduce((s, f) => s + f.presentVisitors, 0),
    people: num(visitorPeople.rows[0]?.n),
    contacts: fairs.reduce((s, f) => s + f.visitorContacts, 0),
  };
  return { fairs, visitors };
}

/**
 * Anchored outcome records per month: one range scan of the covering index outcomes_program_date_kind, less the
 * few unanchored ones (a finding), found through the index on outcomes.enrollment_id.
 */
async function outcomeRecordMonths(db: Db, q: FiguresQuery): Promise<Map<string, number>> {
  const all = await sql<{ m: string; n: number }>`SELECT substr(o.date, 1, 7) AS m, count(*) AS n FROM outcomes o
    WHERE o.program_id = ${q.programId} AND o.date >= ${q.from} AND o.date <= ${q.to} GROUP BY 1`.execute(db);
  const loose = await sql<{ m: string; n: number }>`SELECT substr(o.date, 1, 7) AS m, count(*) AS n FROM outcomes o ${indexedBy(db, 'outcomes_enrollment')}
    WHERE o.enrollment_id IS NULL AND o.program_id = ${q.programId} AND o.date >= ${q.from} AND o.date <= ${q.to}
    GROUP BY 1`.execute(db);
  return new Map(all.rows.map((r) => [r.m, num(r.n) - num(loose.rows.find((x) => x.m === r.m)?.n)]));
}

/** AGH places, placements, people, hours and compensation per commune (and month), from valid placements only. */
async function aghFigures(db: Db, q: FiguresQuery) {
  const slots = await db.selectFrom('program_communes').select(['commune_id', 'slots']).where('program_id', '=', q.programId).execute();
  const placementCounts = await sql<{ commune_id: number; placements: number; filled: number; waiting: number }>`
    SELECT pl.commune_id AS commune_id,
      sum(CASE WHEN ${placementInPeriodWhere(q)} THEN 1 ELSE 0 END) AS placements,
      sum(CASE WHEN ${placementFilledWhere(q)} THEN 1 ELSE 0 END) AS filled,
      sum(CASE WHEN ${placementWaitingWhere(q)} THEN 1 ELSE 0 END) AS waiting
    FROM placements pl WHERE pl.program_id = ${q.programId} GROUP BY pl.commune_id`.execute(db);
  const people = await sql<{ n: number }>`SELECT count(DISTINCT pl.participant_id) AS n FROM placements pl
    WHERE ${placementInPeriodWhere(q)}`.execute(db);
  // Compensation is rounded per placement and month (as on the monthly AGH statement), then summed, so the
  // month sheet adds up to the commune total exactly. Whole calendar months come from hours_months, the
  // trigger-kept sum per placement and month (one row per placement and month instead of every day's entry); a
  // month the period cuts (a period not starting on the 1st or not ending on a month's last day) is summed from
  // the hour entries themselves, as an index range over (placement_id, work_date, hours_x100).
  const spans = monthsBetween(q.from, q.to).map((m) => {
    const r = monthRange(m);
    const from = r.from < q.from ? q.from : r.from;
    const to = r.to > q.to ? q.to : r.to;
    return { month: m, from, to, whole: from === r.from && to === r.to };
  });
  const whole = spans.filter((x) => x.whole);
  const cut = spans.filter((x) => !x.whole);
  const valid = placementOfPeriod(q);
  const hourSources = [
    ...(whole.length === 0
      ? []
      : [
          sql`SELECT pl.commune_id AS commune_id, s.month AS month, pl.rate_cents AS rate_cents, s.hours_x100 AS hours
            FROM placements pl ${pinnedJoin(db)} hours_months s ON s.placement_id = pl.id
              AND s.month >= ${whole[0]!.month} AND s.month <= ${whole.at(-1)!.month}
            WHERE pl.program_id = ${q.programId} AND ${valid}`,
        ]),
    ...(cut.length === 0
      ? []
      : [
          sql`SELECT pl.commune_id AS commune_id, m.month AS month, pl.rate_cents AS rate_cents,
              CAST((SELECT sum(h.hours_x100) FROM hours h
                WHERE h.placement_id = pl.id AND h.work_date >= m.m_from AND h.work_date <= m.m_to) AS BIGINT) AS hours
            FROM placements pl CROSS JOIN (SELECT column1 AS month, column2 AS m_from, column3 AS m_to
              FROM (VALUES ${sql.join(cut.map((c) => sql`(${c.month}, ${c.from}, ${c.to})`))}) AS v) m
            WHERE pl.program_id = ${q.programId} AND ${valid}`,
        ]),
  ];
  const months = await sql<{ commune_id: number; month: string; hours: number; cents: number }>`
    SELECT commune_id, month, sum(hours) AS hours, sum((hours * rate_cents + 50) / 100) AS cents
    FROM (${sql.join(hourSources, sql` UNION ALL `)}) ph WHERE hours IS NOT NULL
    GROUP BY commune_id, month ORDER BY commune_id, month`.execute(db);
  return { slots, placementCounts: placementCounts.rows, people: num(people.rows[0]?.n), months: months.rows };
}

/**
 * Organisations through what they did in this program in this period:
 * - active: present at a fair of the period (fair_companies), met at one (contacts), organiser of an activity of
 *   the period, or named in an anchored outcome of the period or an application of the period by one of its
 *   participants; companies and partners are the active ones of each kind;
 * - employers supported: companies with a contact (of a participant, not a visitor), an application or an anchored
 *   outcome of a participant of the period.
 */
/**
 * The network's organisation sets as CTEs: `active` (did something in the program in the period) and `supported`
 * (employers supported). Outcomes, applications and contacts are each read once and shared by both sets.
 */
export function networkWith(q: FiguresQuery): RawBuilder<unknown> {
  return sql`oo AS MATERIALIZED (SELECT DISTINCT o.organisation_id AS id FROM outcomes o
      WHERE ${outcomeWhere(q)} AND o.organisation_id IS NOT NULL),
    ap AS MATERIALIZED (SELECT DISTINCT ap.organisation_id AS id FROM applications ap WHERE ap.organisation_id IS NOT NULL
      AND ap.applied_on >= ${q.from} AND ap.applied_on <= ${q.to}
      AND EXISTS (SELECT 1 FROM enrollments e WHERE e.participant_id = ap.participant_id AND ${enrolledWhere(q)})),
    cc AS MATERIALIZED (SELECT c.organisation_id AS id, max(CASE WHEN c.enrollment_id IS NOT NULL THEN 1 ELSE 0 END) AS anchored
      FROM fairs f JOIN fair_contacts c ON c.fair_id = f.id WHERE ${fairWhere(q)} GROUP BY 1),
    active AS (SELECT fc.organisation_id AS id FROM fairs f JOIN fair_companies fc ON fc.fair_id = f.id WHERE ${fairWhere(q)}
      UNION SELECT id FROM cc
      UNION SELECT a.organisation_id AS id FROM activities a WHERE ${activityWhere(q)} AND a.organisation_id IS NOT NULL
      UNION SELECT id FROM oo UNION SELECT id FROM ap),
    supported AS (SELECT id FROM cc WHERE anchored = 1 UNION SELECT id FROM oo UNION SELECT id FROM ap)`;
}

/** Organisations (alias org, inside `WITH networkWith(q)`) counted as companies, partners or employers supported. */
export function networkOrganisations(which: 'company' | 'partner' | 'supported'): RawBuilder<SqlBool> {
  if (which === 'supported') return sql<SqlBool>`(org.kind = 'company' AND org.id IN (SELECT id FROM supported))`;
  return sql<SqlBool>`(org.kind = ${which} AND org.id IN (SELECT id FROM active))`;
}

async function networkFigures(db: Db, q: FiguresQuery) {
  const rows = await sql<{ kind: string; k: string; n: number; supported: number }>`WITH ${networkWith(q)}
    SELECT org.kind AS kind,
      CASE WHEN org.kind = 'company' THEN coalesce(nullif(trim(org.sector), ''), 'keine_angabe')
        ELSE coalesce(nullif(trim(org.partner_type), ''), 'keine_angabe') END AS k,
      count(*) AS n, sum(CASE WHEN ${networkOrganisations('supported')} THEN 1 ELSE 0 END) AS supported
    FROM organisations org WHERE org.id IN (SELECT id FROM active) GROUP BY 1, 2`.execute(db);
  const of = (kind: string) => rows.rows.filter((r) => r.kind === kind).map((r) => ({ key: r.k, count: num(r.n) }));
  return {
    companies: of('company').reduce((s, r) => s + r.count, 0),
    partners: of('partner').reduce((s, r) => s + r.count, 0),
    employersSupported: rows.rows.reduce((s, r) => s + num(r.supported), 0),
    byPartnerType: free(of('partner')),
    bySector: free(of('company')),
  };
}

/** Planned values of the program (whole duration) next to the figure of the period each one is compared with. */
async function targetFigures(db: Db, programId: number, actual: Record<TargetKey, number>): Promise<TargetFigure[]> {
  const rows = await sql<{ key: string; planned: number }>`SELECT key, planned FROM program_targets
    WHERE program_id = ${programId}`.execute(db);
  return targetKeys
    .filter((k) => rows.rows.some((r) => r.key === k))
    .map((key) => {
      const planned = num(rows.rows.find((r) => r.key === key)?.planned);
      return { key, label: targetLabels[key], planned, actual: actual[key], share: planned === 0 ? null : actual[key] / planned };
    });
}

/** Every figure of a program and period. Read-only; pass the reader connection. */
export async function computeFigures(db: Db, q: FiguresQuery, opts: { reach?: boolean } = {}): Promise<Figures> {
  const program = await db.selectFrom('programs').select(['id', 'name']).where('id', '=', q.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${q.programId} nicht gefunden.`, `Program ${q.programId} not found.`);
  const successKinds = await programSuccessKinds(db, q.programId);

  // independent queries, started together in this order: on the reader's two connections the people pass (the
  // largest) runs beside all the others; on one connection (the writer, a transaction) they simply queue
  const twoEnrollments = await hasTwoEnrollments(db, q);
  const [people, outcomes, communeRows, activityPart, fairPart, recordMonths, agh, network] = await Promise.all([
    peopleFigures(db, q, twoEnrollments),
    outcomePeople(db, q, successKinds),
    db.selectFrom('communes').select(['id', 'name']).execute(),
    activityFigures(db, q, opts.reach ?? true),
    fairFiguresOf(db, q),
    outcomeRecordMonths(db, q),
    aghFigures(db, q),
    networkFigures(db, q),
  ]);
  const { enrolled, exited } = people.states;
  const communeName = new Map(communeRows.map((c) => [String(c.id), c.name]));
  const dim = (d: Dimension) => people.breakdowns.get(d) ?? [];
  const { activities, months: activityMonths } = activityPart;
  const { fairs, visitors } = fairPart;

  const commune = dim('commune');
  const communeIds = new Set<string>([
    ...agh.slots.map((s) => String(s.commune_id)),
    ...commune.map((c) => c.key),
    ...agh.placementCounts.map((r) => String(r.commune_id)),
  ]);
  const communes: CommuneFigures[] = [...communeIds]
    .map((key) => {
      const id = key === NONE_KEY ? null : Number(key);
      const pc = agh.placementCounts.find((r) => String(r.commune_id) === key);
      const ms = agh.months.filter((r) => String(r.commune_id) === key);
      return {
        key,
        communeId: id,
        name: key === NONE_KEY ? NONE_LABEL : (communeName.get(key) ?? key),
        participants: commune.filter((c) => c.key === key).reduce((s, c) => s + c.count, 0),
        slots: agh.slots.find((s) => String(s.commune_id) === key)?.slots ?? 0,
        filled: num(pc?.filled),
        waiting: num(pc?.waiting),
        placements: num(pc?.placements),
        hoursX100: ms.reduce((s, r) => s + num(r.hours), 0),
        compensationCents: ms.reduce((s, r) => s + num(r.cents), 0),
      };
    })
    .sort((a, b) => (a.key === NONE_KEY ? 1 : b.key === NONE_KEY ? -1 : a.name.localeCompare(b.name, 'de')));
  const communeMonths = agh.months
    .map((r) => ({
      communeId: num(r.commune_id),
      name: communeName.get(String(r.commune_id)) ?? String(r.commune_id),
      month: r.month,
      hoursX100: num(r.hours),
      compensationCents: num(r.cents),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.month.localeCompare(b.month));
  const sum = (f: (c: CommuneFigures) => number) => communes.reduce((s, c) => s + f(c), 0);
  const aghTotals = {
    slots: sum((c) => c.slots),
    filled: sum((c) => c.filled),
    waiting: sum((c) => c.waiting),
    placements: sum((c) => c.placements),
    people: agh.people,
    hoursX100: sum((c) => c.hoursX100),
    compensationCents: sum((c) => c.compensationCents),
  };

  const byKind = ordered(outcomes.byKind, outcomeKinds, outcomeLabels);
  const successRate = exited === 0 ? null : outcomes.success / exited;
  const targets = await targetFigures(db, q.programId, {
    participants: enrolled,
    success: outcomes.success,
    employersSupported: network.employersSupported,
    aghPeople: agh.people,
    fairs: fairs.length,
    activitySessions: activities.reduce((s, a) => s + a.sessions, 0),
  });

  return {
    programId: program.id,
    programName: program.name,
    from: q.from,
    to: q.to,
    participants: { ...people.states, total: enrolled },
    byGender: ordered(dim('gender'), genderKeys, genderLabels),
    byAgeGroup: ordered(dim('ageGroup'), ageGroups, ageGroupLabels),
    byNationality: free(dim('nationality')),
    byCommune: free(commune, (k) => communeName.get(k) ?? k),
    byResidenceStatus: free(dim('residenceStatus')),
    byResidenceGroup: free(dim('residenceGroup'), (k) => residenceGroupLabels[k as ResidenceGroup] ?? k),
    byGermanLevel: free(dim('germanLevel')),
    activities,
    fairs,
    visitors,
    outcomes: {
      byKind,
      total: outcomes.people,
      people: outcomes.people,
      records: [...recordMonths.values()].reduce((s, n) => s + n, 0),
      peopleWithOutcome: outcomes.success,
      rate: successRate,
      success: { kinds: successKinds, definition: successDefinition(successKinds), count: outcomes.success, rate: successRate },
    },
    communes,
    communeMonths,
    agh: aghTotals,
    network,
    targets,
    trend: await trendOf(db, q, { activityMonths, recordMonths, communeMonths }),
  };
}

/**
 * Trend per month: enrollments started and exited, anchored outcomes, hours, present attendances. Started and
 * exited are each one range of a covering index whose order is the GROUP BY's (start date; status, end date), so
 * nothing is sorted but the days, which are then added up per month. INDEXED BY pins the plan: the planner would
 * otherwise pick an index on another column of the same WHERE.
 */
async function trendOf(
  db: Db,
  q: FiguresQuery,
  parts: { activityMonths: Array<{ m: string; n: number }>; recordMonths: Map<string, number>; communeMonths: Array<{ month: string; hoursX100: number }> },
) {
  const flow = await sql<{ what: 'started' | 'exited'; m: string; n: number }>`
    SELECT 'started' AS what, substr(x.d, 1, 7) AS m, sum(x.n) AS n
    FROM (SELECT e.start_date AS d, count(*) AS n FROM enrollments e ${indexedBy(db, 'enrollments_program_start')}
      WHERE ${enrolledWhere(q)} AND e.start_date >= ${q.from} GROUP BY e.start_date) x GROUP BY 2
    UNION ALL
    SELECT 'exited' AS what, substr(x.d, 1, 7) AS m, sum(x.n) AS n
    FROM (SELECT e.end_date AS d, count(*) AS n FROM enrollments e ${indexedBy(db, 'enrollments_program_status_end')}
      WHERE ${enrollmentStateWhere(q, 'exited')} GROUP BY e.status, e.end_date) x GROUP BY 2`.execute(db);
  const flowOf = (what: 'started' | 'exited', m: string) => num(flow.rows.find((r) => r.what === what && r.m === m)?.n);
  return monthsBetween(q.from, q.to).map((m) => ({
    month: m,
    started: flowOf('started', m),
    exited: flowOf('exited', m),
    outcomes: parts.recordMonths.get(m) ?? 0,
    hoursX100: parts.communeMonths.filter((c) => c.month === m).reduce((s, c) => s + c.hoursX100, 0),
    attendances: parts.activityMonths.filter((r) => r.m === m).reduce((s, r) => s + r.n, 0),
  }));
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
  const version = await dataVersion(reader);
  if (version === null) return computeFigures(reader, q, { reach: false });
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
