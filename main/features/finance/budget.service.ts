import { sql, type Kysely } from 'kysely';
import type { Budget } from '../../../shared/domain/finance.js';
import { forecastCents, withinTolerance } from '../../../shared/rules/budget.js';
import type { Database } from '../../db/schema.js';
import { computeFigures } from '../dashboard/figures.service.js';
import { computeFinance, type AghMonth, type FinanceQuery } from './nachweis.service.js';
import { currentPlan, percentOf } from './plan.service.js';
import { todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** AGH compensation per commune and month of a period, from the one computation the dashboard and report use. */
export async function aghMonthsOf(db: Db, q: FinanceQuery): Promise<AghMonth[]> {
  const figures = await computeFigures(db, q, { reach: false });
  return figures.communeMonths.map((m) => ({ name: m.name, month: m.month, compensationCents: m.compensationCents }));
}

/** Receipts per month and position (month = first seven characters of the date, on both engines). */
async function receiptMonths(db: Db, q: FinanceQuery) {
  const rows = await sql<{ month: string; position_key: string; cents: number }>`
    SELECT substr(date, 1, 7) AS month, position_key, sum(amount_cents) AS cents FROM finance_receipts
    WHERE program_id = ${q.programId} AND date >= ${q.from} AND date <= ${q.to}
    GROUP BY substr(date, 1, 7), position_key ORDER BY 1`.execute(db);
  return rows.rows.map((r) => ({ month: r.month, key: r.position_key, cents: Number(r.cents ?? 0) }));
}

/** Receipts and the computed AGH lines (compensation and extra costs, dated in their month) per month and position. */
function monthTable(receipts: { month: string; key: string; cents: number }[], computed: { date: string; positionKey: string; amountCents: number }[]): Budget['months'] {
  const months = new Map<string, Record<string, number>>();
  const add = (month: string, key: string, cents: number) => {
    const row = months.get(month) ?? {};
    row[key] = (row[key] ?? 0) + cents;
    months.set(month, row);
  };
  for (const r of receipts) add(r.month, r.key, r.cents);
  for (const l of computed) add(l.date.slice(0, 7), l.positionKey, l.amountCents);
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, byPosition]) => ({ month, byPosition, totalCents: Object.values(byPosition).reduce((s, c) => s + c, 0) }));
}

/**
 * The budget view: over the grant period, spent against plan per position, by month, and the forecast to the
 * period's end from the rate of spending so far; a position whose forecast passes plan + 20 % is flagged early.
 */
export async function computeBudget(db: Db, programId: number, asOfInput?: string): Promise<Budget> {
  const asOf = asOfInput ?? todayIso();
  const plan = await currentPlan(db, programId);
  if (!plan) return { plan: null, asOf, positions: [], months: [], plannedCents: 0, actualCents: 0, forecastCents: 0, receivedCents: 0 };
  const q = { programId, from: plan.periodFrom, to: asOf < plan.periodTo ? (asOf < plan.periodFrom ? plan.periodFrom : asOf) : plan.periodTo };
  const agh = await aghMonthsOf(db, q);
  const report = (await computeFinance(db, q, agh))!;
  const forecastOf = (cents: number) => forecastCents(cents, plan.periodFrom, plan.periodTo, asOf);
  const baseForecast = report.positions.filter((p) => p.kind !== 'pauschale').reduce((s, p) => s + forecastOf(p.actualCents), 0);
  const positions = report.positions.map((p) => {
    const source = plan.positions.find((x) => x.key === p.key)!;
    const forecast = p.kind === 'pauschale' ? percentOf(baseForecast, source.percentBp ?? 0) : forecastOf(p.actualCents);
    return {
      key: p.key,
      label: p.label,
      kind: p.kind,
      plannedCents: p.plannedCents,
      actualCents: p.actualCents,
      aghCents: p.aghCents,
      forecastCents: forecast,
      status: p.status,
      headsPastTolerance: !withinTolerance(p.plannedCents, forecast),
    };
  });
  return {
    plan,
    asOf,
    positions,
    months: monthTable(await receiptMonths(db, q), report.lines.filter((l) => l.computed)),
    plannedCents: report.plannedCents,
    actualCents: report.actualCents,
    forecastCents: positions.reduce((s, p) => s + p.forecastCents, 0),
    receivedCents: report.income.find((i) => i.key === 'zuwendung')?.actualCents ?? 0,
  };
}
