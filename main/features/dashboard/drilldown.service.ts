import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { activityKinds, outcomeKinds, type DrilldownQuery, type DrilldownRow } from '../../../shared/domain/reports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import {
  activityWhere,
  cohortWhere,
  dimensionExpr,
  enrolmentStateWhere,
  fairWhere,
  outcomePeopleWhere,
  outcomeWhere,
  placementFilledWhere,
  placementInPeriodWhere,
  type Dimension,
} from './figures.service.js';

type Db = Kysely<Database>;

/** Lists longer than this are cut; `count` stays exact, so the figure and the list header still agree. */
export const DRILLDOWN_LIMIT = 5000;

interface RawRow {
  id: number;
  participant_id: number;
  fi: string | null;
  li: string | null;
  date: string | null;
  detail: string | null;
}

/** Initials only: a drill-down list is pseudonymous (the participant page shows the person). */
const initials = (sqlAliasP = 'p') =>
  sql.raw(`upper(substr(coalesce(${sqlAliasP}.first_name, ''), 1, 1)) AS fi, upper(substr(coalesce(${sqlAliasP}.last_name, ''), 1, 1)) AS li`);

function badKey(q: DrilldownQuery): never {
  throw new AppError('validation', `Unbekannter Schlüssel "${q.key ?? ''}" für ${q.figure}.`, `Unknown key for ${q.figure}.`);
}

function idKey(q: DrilldownQuery): number {
  const n = Number(q.key);
  if (!Number.isInteger(n) || n <= 0) badKey(q);
  return n;
}

/** The query (its FROM/WHERE) behind a figure, and the count expression that the figure uses. */
function build(q: DrilldownQuery): { rows: RawBuilder<RawRow>; count: RawBuilder<{ n: number }> } {
  const people = (where: RawBuilder<SqlBool>) => ({
    rows: sql<RawRow>`SELECT p.id AS id, p.id AS participant_id, ${initials()}, NULL AS date, NULL AS detail
      FROM participants p WHERE ${where} ORDER BY p.id`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM participants p WHERE ${where}`,
  });
  switch (q.figure) {
    case 'enrolled':
    case 'active':
    case 'completed':
    case 'dropped':
    case 'exited':
      return people(sql<SqlBool>`p.id IN (SELECT e.participant_id FROM enrollments e WHERE ${enrolmentStateWhere(q, q.figure)})`);
    case 'gender':
    case 'ageGroup':
    case 'nationality':
    case 'commune':
    case 'residenceStatus':
    case 'germanLevel': {
      if (q.key === undefined) return people(cohortWhere(q));
      const dim: Dimension = q.figure;
      return people(sql<SqlBool>`(${cohortWhere(q)} AND ${dimensionExpr(q, dim)} = ${q.key})`);
    }
    case 'outcomePeople':
      return people(outcomePeopleWhere(q));
    case 'placements':
    case 'filled': {
      const base = q.figure === 'placements' ? placementInPeriodWhere(q) : placementFilledWhere(q);
      const where = q.key === undefined ? base : sql<SqlBool>`(${base} AND pl.commune_id = ${idKey(q)})`;
      return {
        rows: sql<RawRow>`SELECT pl.id AS id, pl.participant_id AS participant_id, ${initials()}, pl.start_date AS date,
            pl.site AS detail FROM placements pl JOIN participants p ON p.id = pl.participant_id
          WHERE ${where} ORDER BY pl.start_date, pl.id`,
        count: sql<{ n: number }>`SELECT count(*) AS n FROM placements pl WHERE ${where}`,
      };
    }
    case 'activity': {
      if (q.key !== undefined && !(activityKinds as readonly string[]).includes(q.key)) badKey(q);
      const where =
        q.key === undefined
          ? sql<SqlBool>`(${activityWhere(q)} AND t.status = 'anwesend')`
          : sql<SqlBool>`(${activityWhere(q)} AND t.status = 'anwesend' AND a.kind = ${q.key})`;
      return {
        rows: sql<RawRow>`SELECT t.id AS id, t.participant_id AS participant_id, ${initials()}, a.date AS date,
            a.title AS detail FROM activities a JOIN attendance t ON t.activity_id = a.id
            JOIN participants p ON p.id = t.participant_id WHERE ${where} ORDER BY a.date, t.id`,
        count: sql<{ n: number }>`SELECT count(*) AS n FROM activities a JOIN attendance t ON t.activity_id = a.id WHERE ${where}`,
      };
    }
    case 'fairRegistered':
    case 'fairPresent': {
      const fairId = idKey(q);
      const where =
        q.figure === 'fairPresent'
          ? sql<SqlBool>`(${fairWhere(q)} AND f.id = ${fairId} AND r.checked_in_at IS NOT NULL)`
          : sql<SqlBool>`(${fairWhere(q)} AND f.id = ${fairId})`;
      return {
        rows: sql<RawRow>`SELECT r.id AS id, r.participant_id AS participant_id, ${initials()}, f.date AS date,
            NULL AS detail FROM fairs f JOIN fair_registrations r ON r.fair_id = f.id
            JOIN participants p ON p.id = r.participant_id WHERE ${where} ORDER BY r.id`,
        count: sql<{ n: number }>`SELECT count(*) AS n FROM fairs f JOIN fair_registrations r ON r.fair_id = f.id WHERE ${where}`,
      };
    }
    case 'fairContacts': {
      const where = sql<SqlBool>`(${fairWhere(q)} AND f.id = ${idKey(q)})`;
      return {
        rows: sql<RawRow>`SELECT c.id AS id, c.participant_id AS participant_id, ${initials()}, f.date AS date,
            org.name || ' – ' || c.result AS detail FROM fairs f JOIN fair_contacts c ON c.fair_id = f.id
            JOIN participants p ON p.id = c.participant_id JOIN organisations org ON org.id = c.organisation_id
            WHERE ${where} ORDER BY c.id`,
        count: sql<{ n: number }>`SELECT count(*) AS n FROM fairs f JOIN fair_contacts c ON c.fair_id = f.id WHERE ${where}`,
      };
    }
    case 'outcomes': {
      if (q.key !== undefined && !(outcomeKinds as readonly string[]).includes(q.key)) badKey(q);
      const where = q.key === undefined ? outcomeWhere(q) : sql<SqlBool>`(${outcomeWhere(q)} AND o.kind = ${q.key})`;
      return {
        rows: sql<RawRow>`SELECT o.id AS id, o.participant_id AS participant_id, ${initials()}, o.date AS date,
            o.kind AS detail FROM outcomes o JOIN participants p ON p.id = o.participant_id
            WHERE ${where} ORDER BY o.date, o.id`,
        count: sql<{ n: number }>`SELECT count(*) AS n FROM outcomes o WHERE ${where}`,
      };
    }
  }
}

/** The records behind one dashboard figure: exact count, and up to DRILLDOWN_LIMIT rows. */
export async function drilldown(db: Db, q: DrilldownQuery): Promise<{ count: number; rows: DrilldownRow[] }> {
  if (q.from > q.to) throw new AppError('validation', 'Das Periodenende liegt vor dem Beginn.', 'Period end before start.');
  const built = build(q);
  const [count, rows] = await Promise.all([
    built.count.execute(db),
    sql<RawRow>`${built.rows} LIMIT ${DRILLDOWN_LIMIT}`.execute(db),
  ]);
  return {
    count: Number(count.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => ({
      id: Number(r.id),
      participantId: Number(r.participant_id),
      initials: `${r.fi ?? ''}${r.li ?? ''}` || '–',
      date: r.date,
      detail: r.detail,
    })),
  };
}
