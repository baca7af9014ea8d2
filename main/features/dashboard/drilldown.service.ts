import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { activityKinds, findingCodes, outcomeKinds, type DrilldownQuery, type DrilldownRow, type FindingCode } from '../../../shared/domain/reports.js';
import { AppError } from '../../../shared/errors.js';
import { engineOf, type EngineKind } from '../../db/engine/kind.js';
import { pinnedJoin } from '../../db/engine/sql-parts.js';
import type { Database } from '../../db/schema.js';
import { findingRecords } from '../reports/checks.service.js';
import {
  activityWhere,
  outcomeRankExpr,
  successExpr,
  dimensionExpr,
  enrollmentStateWhere,
  fairWhere,
  networkOrganisations,
  networkWith,
  outcomePeopleWhere,
  outcomeWhere,
  placementFilledWhere,
  placementInPeriodWhere,
  programSuccessKinds,
  snapshotEnrollments,
  type Dimension,
} from './figures.service.js';

type Db = Kysely<Database>;

/** Lists longer than this are cut; `count` stays exact, so the figure and the list header still agree. */
export const DRILLDOWN_LIMIT = 5000;

interface RawRow {
  id: number;
  participant_id: number | null;
  entity: DrilldownRow['entity'];
  fi: string | null;
  li: string | null;
  ln: string | null;
  fn: string | null;
  date: string | null;
  detail: string | null;
}

/** A figure's list: the rows (any order the figure defines) and the count expression the figure uses. */
export interface Built {
  rows: RawBuilder<RawRow>;
  count: RawBuilder<{ n: number }>;
}

/**
 * Who a row is about: initials (the checks panel shows them) and the name. The list shows the name to whoever sees
 * the person on the Teilnehmende page anyway (on a team server the same row policies apply to this join); it is a
 * view, not an export, so no named-list entry in the Protokoll. Anonymised people have no name left.
 */
export const initials = sql.raw(
  `upper(substr(coalesce(p.first_name, ''), 1, 1)) AS fi, upper(substr(coalesce(p.last_name, ''), 1, 1)) AS li, p.last_name AS ln, p.first_name AS fn`,
);

/** The columns of `initials` for a row about no person. */
export const noPerson = sql.raw(`NULL AS fi, NULL AS li, NULL AS ln, NULL AS fn`);

/**
 * What made each person count: a query of one row per person (columns pid, d = date, det = detail as code or
 * text), grouped once and joined, not a subquery per row (that took seconds for 3,000 people on 100,000).
 */
type Facts = RawBuilder<{ pid: number; d: string | null; det: string | null }>;

/** The outcome kind of a rank expression (report order), so the best kind of a person reads as its code. */
function kindOfRank(rank: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(CASE ${rank} ${sql.join(outcomeKinds.map((k, i) => sql`WHEN ${sql.lit(i)} THEN ${sql.lit(k)}`), sql` `)} END)`;
}

function badKey(q: DrilldownQuery): never {
  throw new AppError('validation', `Unbekannter Schlüssel "${q.key ?? ''}" für ${q.figure}.`, `Unknown key for ${q.figure}.`);
}

function idKey(q: DrilldownQuery): number {
  const n = Number(q.key);
  if (!Number.isInteger(n) || n <= 0) badKey(q);
  return n;
}

/** People (alias p) matching `where`, one row each, with the facts that made them count. */
function people(where: RawBuilder<SqlBool>, facts?: Facts): Built {
  const joined = facts ? sql`LEFT JOIN (${facts}) x ON x.pid = p.id` : sql``;
  return {
    rows: sql<RawRow>`SELECT p.id AS id, p.id AS participant_id, 'participant' AS entity, ${initials},
        ${facts ? sql`x.d` : sql`NULL`} AS date, ${facts ? sql`x.det` : sql`NULL`} AS detail
      FROM participants p ${joined} WHERE ${where} ORDER BY p.id`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM participants p WHERE ${where}`,
  };
}

/** People of the period by a characteristic at entry of their snapshot enrollment (as the breakdowns count). */
function byDimension(kind: EngineKind, q: DrilldownQuery, dim: Dimension): Built {
  const where = q.key === undefined ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${dimensionExpr(kind, dim)} = ${q.key}`;
  const from = sql`(${snapshotEnrollments(q)}) pe ${pinnedJoin(kind)} enrollments e ON e.id = pe.eid`;
  return {
    rows: sql<RawRow>`SELECT p.id AS id, p.id AS participant_id, 'participant' AS entity, ${initials}, e.start_date AS date,
        e.status AS detail FROM ${from} ${pinnedJoin(kind)} participants p ON p.id = pe.pid WHERE ${where} ORDER BY p.id`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`,
  };
}

function placements(q: DrilldownQuery, base: RawBuilder<SqlBool>, distinctPeople = false): Built {
  const where = q.key === undefined ? base : sql<SqlBool>`(${base} AND pl.commune_id = ${idKey(q)})`;
  if (distinctPeople) {
    return people(
      sql<SqlBool>`p.id IN (SELECT pl.participant_id FROM placements pl WHERE ${where})`,
      sql`SELECT pl.participant_id AS pid, min(pl.start_date) AS d, min(pl.site) AS det FROM placements pl WHERE ${where}
        GROUP BY pl.participant_id`,
    );
  }
  return {
    rows: sql<RawRow>`SELECT pl.id AS id, pl.participant_id AS participant_id, 'placement' AS entity, ${initials},
        pl.start_date AS date, pl.site AS detail FROM placements pl JOIN participants p ON p.id = pl.participant_id
      WHERE ${where} ORDER BY pl.start_date, pl.id`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM placements pl WHERE ${where}`,
  };
}

function activity(q: DrilldownQuery): Built {
  if (q.key !== undefined && !(activityKinds as readonly string[]).includes(q.key)) badKey(q);
  const kind = q.key === undefined ? sql`` : sql`AND a.kind = ${q.key}`;
  const where = sql<SqlBool>`(${activityWhere(q)} AND t.status = 'anwesend' AND t.enrollment_id IS NOT NULL ${kind})`;
  return {
    rows: sql<RawRow>`SELECT t.id AS id, t.participant_id AS participant_id, 'attendance' AS entity, ${initials}, a.date AS date,
        a.title AS detail FROM activities a JOIN attendance t ON t.activity_id = a.id
        JOIN participants p ON p.id = t.participant_id WHERE ${where} ORDER BY a.date, t.id`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM activities a JOIN attendance t ON t.activity_id = a.id WHERE ${where}`,
  };
}

function registrations(q: DrilldownQuery, extra: RawBuilder<SqlBool>, fairId: number | null): Built {
  const fair = fairId === null ? sql`` : sql`AND f.id = ${fairId}`;
  const where = sql<SqlBool>`(${fairWhere(q)} ${fair} AND ${extra})`;
  return {
    rows: sql<RawRow>`SELECT r.id AS id, r.participant_id AS participant_id, 'registration' AS entity, ${initials}, f.date AS date,
        f.title AS detail FROM fairs f JOIN fair_registrations r ON r.fair_id = f.id
        JOIN participants p ON p.id = r.participant_id WHERE ${where} ORDER BY f.date, r.id`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM fairs f JOIN fair_registrations r ON r.fair_id = f.id WHERE ${where}`,
  };
}

function organisations(q: DrilldownQuery, which: 'company' | 'partner' | 'supported'): Built {
  const where = networkOrganisations(which);
  return {
    rows: sql<RawRow>`WITH ${networkWith(q)} SELECT org.id AS id, NULL AS participant_id, 'organisation' AS entity, NULL AS fi,
        NULL AS li, org.name AS ln, NULL AS fn, NULL AS date, org.kind AS detail FROM organisations org WHERE ${where} ORDER BY org.name, org.id`,
    count: sql<{ n: number }>`WITH ${networkWith(q)} SELECT count(*) AS n FROM organisations org WHERE ${where}`,
  };
}

/**
 * The outcomes that made an exited person count (alias p): the first date and the best kind (report order) of their
 * outcomes anchored to an exited enrollment of the period, dated up to its end; `success` only of those kinds.
 */
function outcomeFacts(q: DrilldownQuery, success?: readonly string[]): Facts {
  return sql`SELECT e.participant_id AS pid, min(o.date) AS d, ${kindOfRank(sql`min(${outcomeRankExpr()})`)} AS det
    FROM enrollments e JOIN outcomes o ON o.enrollment_id = e.id
    WHERE ${enrollmentStateWhere(q, 'exited')} AND o.date <= ${q.to} ${success ? sql`AND ${successExpr(success)}` : sql``}
    GROUP BY e.participant_id`;
}

function outcomesByKind(q: DrilldownQuery): Built {
  if (q.key === undefined) return people(outcomePeopleWhere(q), outcomeFacts(q));
  if (!(outcomeKinds as readonly string[]).includes(q.key)) badKey(q);
  return people(outcomePeopleWhere(q, { kind: q.key }), outcomeFacts(q));
}

type State = 'enrolled' | 'entered' | 'active' | 'completed' | 'dropped' | 'exited' | 'overrides';

/**
 * The enrollment facts of a person counted in a state: entry date and status while in the program; exit date and
 * reason (else the status) once out; the reason of the exception for overrides.
 */
function enrollmentFacts(q: DrilldownQuery, state: State): Facts {
  const out = state === 'completed' || state === 'dropped' || state === 'exited';
  const date = out ? sql`max(e.end_date)` : sql`min(e.start_date)`;
  const detail = out ? sql`coalesce(max(e.exit_reason), max(e.status))` : state === 'overrides' ? sql`max(e.override_reason)` : sql`max(e.status)`;
  return sql`SELECT e.participant_id AS pid, ${date} AS d, ${detail} AS det FROM enrollments e WHERE ${enrollmentStateWhere(q, state)}
    GROUP BY e.participant_id`;
}

/** The query (its FROM/WHERE) behind a figure, and the count expression that the figure uses. */
async function build(db: Db, q: DrilldownQuery): Promise<Built> {
  switch (q.figure) {
    case 'enrolled':
    case 'entered':
    case 'active':
    case 'completed':
    case 'dropped':
    case 'exited':
    case 'overrides':
      return people(sql<SqlBool>`p.id IN (SELECT e.participant_id FROM enrollments e WHERE ${enrollmentStateWhere(q, q.figure)})`, enrollmentFacts(q, q.figure));
    case 'gender':
    case 'ageGroup':
    case 'nationality':
    case 'commune':
    case 'residenceStatus':
    case 'residenceGroup':
    case 'germanLevel':
      return byDimension(engineOf(db), q, q.figure);
    case 'outcomes':
      return outcomesByKind(q);
    case 'outcomePeople':
    {
      const success = await programSuccessKinds(db, q.programId);
      return people(outcomePeopleWhere(q, { success }), outcomeFacts(q, success));
    }
    case 'outcomeRecords': {
      const where = outcomeWhere(q);
      return {
        rows: sql<RawRow>`SELECT o.id AS id, o.participant_id AS participant_id, 'outcome' AS entity, ${initials}, o.date AS date,
            o.kind AS detail FROM outcomes o JOIN participants p ON p.id = o.participant_id WHERE ${where} ORDER BY o.date, o.id`,
        count: sql<{ n: number }>`SELECT count(*) AS n FROM outcomes o WHERE ${where}`,
      };
    }
    case 'placements':
      return placements(q, placementInPeriodWhere(q));
    case 'filled':
      return placements(q, placementFilledWhere(q));
    case 'aghPeople':
      return placements(q, placementInPeriodWhere(q), true);
    case 'activity':
      return activity(q);
    case 'fairRegistered':
      return registrations(q, sql<SqlBool>`1 = 1`, idKey(q));
    case 'fairPresent':
      return registrations(q, sql<SqlBool>`r.checked_in_at IS NOT NULL`, idKey(q));
    case 'fairPresentParticipants':
      return registrations(q, sql<SqlBool>`(r.checked_in_at IS NOT NULL AND r.enrollment_id IS NOT NULL)`, idKey(q));
    case 'fairPresentVisitors':
      return registrations(q, sql<SqlBool>`(r.checked_in_at IS NOT NULL AND r.enrollment_id IS NULL)`, idKey(q));
    case 'visitors': {
      const visit = sql<SqlBool>`(${fairWhere(q)} AND r.checked_in_at IS NOT NULL AND r.enrollment_id IS NULL)`;
      return people(
        sql<SqlBool>`p.id IN (SELECT r.participant_id FROM fairs f JOIN fair_registrations r ON r.fair_id = f.id WHERE ${visit})`,
        sql`SELECT r.participant_id AS pid, min(f.date) AS d, min(f.title) AS det FROM fairs f
          JOIN fair_registrations r ON r.fair_id = f.id WHERE ${visit} GROUP BY r.participant_id`,
      );
    }
    case 'fairContacts': {
      const where = sql<SqlBool>`(${fairWhere(q)} AND f.id = ${idKey(q)})`;
      return {
        rows: sql<RawRow>`SELECT c.id AS id, c.participant_id AS participant_id, 'contact' AS entity, ${initials}, f.date AS date,
            org.name || ' – ' || c.result AS detail FROM fairs f JOIN fair_contacts c ON c.fair_id = f.id
            JOIN participants p ON p.id = c.participant_id JOIN organisations org ON org.id = c.organisation_id
            WHERE ${where} ORDER BY c.id`,
        count: sql<{ n: number }>`SELECT count(*) AS n FROM fairs f JOIN fair_contacts c ON c.fair_id = f.id WHERE ${where}`,
      };
    }
    case 'companies':
      return organisations(q, 'company');
    case 'partners':
      return organisations(q, 'partner');
    case 'employersSupported':
      return organisations(q, 'supported');
    case 'finding': {
      if (!(findingCodes as readonly string[]).includes(q.key ?? '')) badKey(q);
      return findingRecords(engineOf(db), q, q.key as FindingCode);
    }
  }
}

/** The records behind one dashboard figure or finding: exact count, and up to DRILLDOWN_LIMIT rows. */
export async function drilldown(db: Db, q: DrilldownQuery): Promise<{ count: number; rows: DrilldownRow[] }> {
  if (q.from > q.to) throw new AppError('validation', 'Das Periodenende liegt vor dem Beginn.', 'Period end before start.');
  const built = await build(db, q);
  const [count, rows] = await Promise.all([built.count.execute(db), sql<RawRow>`${built.rows} LIMIT ${DRILLDOWN_LIMIT}`.execute(db)]);
  return {
    count: Number(count.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => ({
      id: Number(r.id),
      participantId: r.participant_id === null ? null : Number(r.participant_id),
      entity: r.entity,
      initials: `${r.fi ?? ''}${r.li ?? ''}` || '–',
      name: [r.ln, r.fn].filter((x) => x !== null && x !== '').join(', ') || null,
      date: r.date,
      detail: r.detail,
    })),
  };
}
