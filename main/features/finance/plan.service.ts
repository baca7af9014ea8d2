import type { Kysely, Selectable } from 'kysely';
import { planInput, type ParsedPlanInput, type Plan, type PlanInput, type Position } from '../../../shared/domain/finance.js';
import { AppError } from '../../../shared/errors.js';
import type { Database, FinancePlansTable, FinancePositionsTable } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';

type Db = Kysely<Database>;

/** A percentage in basis points of an amount in cents, rounded half up to whole cents. */
export const percentOf = (cents: number, bp: number) => Math.floor((cents * bp + 5000) / 10000);

/**
 * Planned cents of each position; a Pauschale is its percentage of the other positions' plan (flat rates are not
 * stacked on one another).
 */
export function plannedWithPauschale(rows: Pick<Position, 'key' | 'kind' | 'plannedCents' | 'percentBp'>[]): Map<string, number> {
  const base = rows.filter((r) => r.kind !== 'pauschale').reduce((s, r) => s + r.plannedCents, 0);
  return new Map(rows.map((r) => [r.key, r.kind === 'pauschale' ? percentOf(base, r.percentBp ?? 0) : r.plannedCents]));
}

function toPlan(p: Selectable<FinancePlansTable>, positions: Selectable<FinancePositionsTable>[], income: { key: Plan['income'][number]['key']; planned_cents: number }[]): Plan {
  const rows = positions.map((r) => ({ key: r.key, label: r.label, kind: r.kind, plannedCents: Number(r.planned_cents), percentBp: r.percent_bp, fteBp: r.fte_bp }));
  const planned = plannedWithPauschale(rows);
  const list = rows.map((r) => ({ ...r, plannedCents: planned.get(r.key)! }));
  return {
    id: p.id,
    programId: p.program_id,
    version: Number(p.version),
    decisionKind: p.decision_kind,
    decisionDate: p.decision_date,
    reference: p.reference,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    financingKind: p.financing_kind,
    rateBp: p.rate_bp,
    eligibleTotalCents: Number(p.eligible_total_cents),
    aghPaidByCommune: Number(p.agh_paid_by_commune) === 1,
    note: p.note,
    positions: list,
    income: income.map((i) => ({ key: i.key, plannedCents: Number(i.planned_cents) })),
    plannedTotalCents: list.reduce((s, r) => s + r.plannedCents, 0),
    createdAt: p.created_at,
  };
}

async function loadPlan(db: Db, p: Selectable<FinancePlansTable>): Promise<Plan> {
  const positions = await db.selectFrom('finance_positions').selectAll().where('plan_id', '=', p.id).orderBy('sort_order').execute();
  const income = await db.selectFrom('finance_income').select(['key', 'planned_cents']).where('plan_id', '=', p.id).execute();
  const order = ['zuwendung', 'eigenmittel', 'drittmittel', 'kommunale_mittel'];
  income.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return toPlan(p, positions, income);
}

/** The current plan of a program (the newest Bescheid), or null before any was entered. */
export async function currentPlan(db: Db, programId: number): Promise<Plan | null> {
  const p = await db.selectFrom('finance_plans').selectAll().where('program_id', '=', programId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return p ? loadPlan(db, p) : null;
}

/** Every version of a program's plan, newest first: the amendments with the plans they replaced. */
export async function planHistory(db: Db, programId: number): Promise<Plan[]> {
  const rows = await db.selectFrom('finance_plans').selectAll().where('program_id', '=', programId).orderBy('version', 'desc').execute();
  const plans: Plan[] = [];
  for (const p of rows) plans.push(await loadPlan(db, p));
  return plans;
}

async function insertVersion(trx: Db, d: ParsedPlanInput, version: number): Promise<number> {
  const { id } = await trx
    .insertInto('finance_plans')
    .values({
      program_id: d.programId,
      version,
      decision_kind: version === 1 ? 'bewilligung' : 'aenderung',
      decision_date: d.decisionDate,
      reference: d.reference,
      period_from: d.periodFrom,
      period_to: d.periodTo,
      financing_kind: d.financingKind,
      rate_bp: d.rateBp,
      eligible_total_cents: d.eligibleTotalCents,
      agh_paid_by_commune: d.aghPaidByCommune ? 1 : 0,
      note: d.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('finance_positions')
    .values(d.positions.map((x, i) => ({ plan_id: id, key: x.key, label: x.label, kind: x.kind, planned_cents: x.kind === 'pauschale' ? 0 : x.plannedCents, percent_bp: x.percentBp, fte_bp: x.fteBp, sort_order: i + 1 })))
    .execute();
  if (d.income.length > 0) await trx.insertInto('finance_income').values(d.income.map((x) => ({ plan_id: id, key: x.key, planned_cents: x.plannedCents }))).execute();
  return id;
}

/**
 * Positions that receipts are booked on must stay in the plan: an amendment that drops one would leave receipts
 * without a position (and money out of the Nachweis).
 */
async function assertKeepsBookedPositions(trx: Db, d: ParsedPlanInput): Promise<void> {
  const booked = await trx.selectFrom('finance_receipts').select('position_key').distinct().where('program_id', '=', d.programId).execute();
  const keys = new Map(d.positions.map((p) => [p.key, p.kind]));
  const missing = booked.map((b) => b.position_key).filter((k) => !keys.has(k) || keys.get(k) === 'pauschale');
  if (missing.length > 0) {
    throw new AppError('validation', `Auf die Position(en) ${missing.join(', ')} sind Belege gebucht – sie müssen im Plan bleiben.`, `Receipts are booked on ${missing.join(', ')}.`, {
      fields: [{ path: 'positions', message: `Belege gebucht auf: ${missing.join(', ')}`, messageEn: `Receipts booked on: ${missing.join(', ')}` }],
    });
  }
}

/**
 * Records a Bescheid with its financing plan. The first is the Bewilligungsbescheid; every later one is an
 * Änderungsbescheid: a new version, the earlier plans stay unchanged as history.
 */
export async function savePlan(db: Db, input: PlanInput): Promise<Plan> {
  const d = planInput.parse(input);
  const program = await db.selectFrom('programs').select('id').where('id', '=', d.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${d.programId} nicht gefunden.`, `Program ${d.programId} not found.`);
  const planId = await db.transaction().execute(async (trx) => {
    await assertKeepsBookedPositions(trx, d);
    const last = await trx.selectFrom('finance_plans').select('version').where('program_id', '=', d.programId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const version = last ? Number(last.version) + 1 : 1;
    const id = await insertVersion(trx, d, version);
    await audit(trx, { action: version === 1 ? 'create' : 'update', entity: 'finance_plan', entityId: id, after: { version, ...d } });
    return id;
  });
  const saved = await db.selectFrom('finance_plans').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
  return loadPlan(db, saved);
}
