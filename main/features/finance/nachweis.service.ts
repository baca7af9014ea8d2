import { aghExtraCostsByMonth } from '../placements/extra-costs.service.js';
import type { Kysely } from 'kysely';
import { incomeKeys, incomeLabels, type FinanceJson, type Plan } from '../../../shared/domain/finance.js';
import { checkPositions } from '../../../shared/rules/budget.js';
import type { Database } from '../../db/schema.js';
import type { BelegLine, FinanceReport, IncomeLine, NachweisPosition } from '../../excel/export/finance-data.js';
import { toReceipt } from './ledger.service.js';
import { currentPlan, percentOf } from './plan.service.js';
import { monthRange } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

export interface FinanceQuery {
  programId: number;
  from: string;
  to: string;
}

/** AGH compensation of one commune and month, as the figures compute it (figures.communeMonths). */
export interface AghMonth {
  name: string;
  month: string;
  compensationCents: number;
}

/** A line the hours or the placements' records produce (never typed): dated its month's last day or the period's end. */
function computedLine(q: FinanceQuery, positionKey: string, month: string, payee: string | null, purpose: string, amountCents: number): BelegLine {
  const end = monthRange(month).to;
  return { date: end > q.to ? q.to : end, number: null, payee, purpose, positionKey, amountCents, paidOn: null, computed: true };
}

const monthText = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/**
 * The AGH compensation as lines of the participant-cost position: one per commune and month. Taken from the
 * figures, never from a receipt, so it enters once.
 */
function aghLines(plan: Plan, q: FinanceQuery, agh: AghMonth[]): BelegLine[] {
  const position = plan.positions.find((p) => p.kind === 'teilnehmendenkosten');
  if (!position) return [];
  const paidBy = plan.aghPaidByCommune ? ', von der Kommune gezahlt' : '';
  return agh
    .filter((m) => m.compensationCents !== 0)
    .map((m) =>
      computedLine(q, position.key, m.month, m.name, `AGH-Aufwandsentschädigung ${monthText(m.month)} (aus Stunden berechnet${paidBy})`, m.compensationCents),
    );
}

/**
 * Necessary extra costs of AGH placements (bus tickets, work clothes), paid with the compensation: lines of the
 * participant-cost position too, one per commune and month, from the placements' records (never typed twice).
 */
async function extraCostLines(db: Db, plan: Plan, q: FinanceQuery): Promise<BelegLine[]> {
  const position = plan.positions.find((p) => p.kind === 'teilnehmendenkosten');
  if (!position) return [];
  const rows = await aghExtraCostsByMonth(db, q.programId, q.from, q.to);
  if (rows.length === 0) return [];
  const names = new Map((await db.selectFrom('communes').select(['id', 'name']).execute()).map((c) => [c.id, c.name]));
  const sums = new Map<string, { month: string; communeId: number; cents: number }>();
  for (const r of rows) {
    const key = `${r.month}|${r.communeId}`;
    const sum = sums.get(key) ?? { month: r.month, communeId: r.communeId, cents: 0 };
    sum.cents += r.amountCents;
    sums.set(key, sum);
  }
  const paidBy = plan.aghPaidByCommune ? ', von der Kommune' : '';
  return [...sums.values()]
    .filter((x) => x.cents !== 0)
    .map((x) =>
      computedLine(q, position.key, x.month, names.get(x.communeId) ?? null, `AGH-Mehraufwand ${monthText(x.month)} (mit der Aufwandsentschädigung gezahlt${paidBy})`, x.cents),
    );
}

async function receiptLines(db: Db, q: FinanceQuery): Promise<BelegLine[]> {
  const rows = await db
    .selectFrom('finance_receipts')
    .selectAll()
    .where('program_id', '=', q.programId)
    .where('date', '>=', q.from)
    .where('date', '<=', q.to)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map(toReceipt).map((r) => ({ ...r, computed: false }));
}

/**
 * Income received in the period in date order: the payments, and where the communes pay the AGH compensation,
 * each commune's month of it as municipal funds (the same amounts as the expenditure lines, so the two balance).
 */
async function incomeLines(db: Db, q: FinanceQuery, plan: Plan, agh: BelegLine[]): Promise<IncomeLine[]> {
  const rows = await db
    .selectFrom('finance_payments')
    .select(['date', 'income_key', 'reference', 'amount_cents'])
    .where('program_id', '=', q.programId)
    .where('date', '>=', q.from)
    .where('date', '<=', q.to)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const paid: IncomeLine[] = rows.map((r) => ({ date: r.date, incomeKey: r.income_key, reference: r.reference, amountCents: Number(r.amount_cents), computed: false }));
  const communal: IncomeLine[] = plan.aghPaidByCommune
    ? agh.map((l) => ({ date: l.date, incomeKey: 'kommunale_mittel' as const, reference: `${l.payee ?? ''}: ${l.purpose ?? ''}`, amountCents: l.amountCents, computed: true }))
    : [];
  return [...paid, ...communal].sort((a, b) => a.date.localeCompare(b.date) || Number(a.computed) - Number(b.computed));
}

/** Lines in date order; a computed AGH line sorts after the receipts of its day. */
const byDate = (a: BelegLine, b: BelegLine) => a.date.localeCompare(b.date) || Number(a.computed) - Number(b.computed);

/** Sum of the lines per position key, in one pass. */
function sumsByPosition(lines: BelegLine[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.positionKey, (sums.get(l.positionKey) ?? 0) + l.amountCents);
  return sums;
}

/**
 * Actual per position: receipts plus the AGH lines; a Pauschale is its percentage of the other positions'
 * actual. Then the tolerance check over all positions.
 */
function positionActuals(plan: Plan, receipts: BelegLine[], computed: BelegLine[]): NachweisPosition[] {
  const fromReceipts = sumsByPosition(receipts);
  const fromHours = sumsByPosition(computed);
  const own = (key: string) => (fromReceipts.get(key) ?? 0) + (fromHours.get(key) ?? 0);
  const baseActual = plan.positions.filter((p) => p.kind !== 'pauschale').reduce((s, p) => s + own(p.key), 0);
  const actualOf = (p: Plan['positions'][number]) => (p.kind === 'pauschale' ? percentOf(baseActual, p.percentBp ?? 0) : own(p.key));
  const checks = checkPositions(plan.positions.map((p) => ({ key: p.key, plannedCents: p.plannedCents, actualCents: actualOf(p) })));
  return plan.positions.map((p, i) => ({
    ...checks[i]!,
    label: p.label,
    kind: p.kind,
    receiptCents: p.kind === 'pauschale' ? 0 : (fromReceipts.get(p.key) ?? 0),
    aghCents: p.kind === 'pauschale' ? 0 : (fromHours.get(p.key) ?? 0),
  }));
}

/** Income lines of the plan (and any other kind that received money), planned against received. */
function incomeTotals(plan: Plan, received: IncomeLine[]): FinanceReport['income'] {
  const paid = new Map<string, number>();
  for (const l of received) paid.set(l.incomeKey, (paid.get(l.incomeKey) ?? 0) + l.amountCents);
  return incomeKeys
    .filter((k) => plan.income.some((i) => i.key === k) || (paid.get(k) ?? 0) !== 0)
    .map((key) => ({ key, label: incomeLabels[key], plannedCents: plan.income.find((i) => i.key === key)?.plannedCents ?? 0, actualCents: paid.get(key) ?? 0 }));
}

const total = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/**
 * The zahlenmäßiger Nachweis for a period: per position planned (the current plan) and actual (receipts of the
 * period, the AGH compensation and extra costs on the participant-cost position, a Pauschale as its percentage of the other
 * positions' actual), the tolerance check, income planned and received, and the Belegliste. Null without a plan.
 */
export async function computeFinance(db: Db, q: FinanceQuery, agh: AghMonth[]): Promise<FinanceReport | null> {
  const plan = await currentPlan(db, q.programId);
  if (!plan) return null;
  const receipts = await receiptLines(db, q);
  const computed = [...aghLines(plan, q, agh), ...(await extraCostLines(db, plan, q))];
  const positions = positionActuals(plan, receipts, computed);
  const received = await incomeLines(db, q, plan, computed);
  const income = incomeTotals(plan, received);
  return {
    plan,
    from: q.from,
    to: q.to,
    positions,
    income,
    lines: [...receipts, ...computed].sort(byDate),
    incomeLines: received,
    receipts: receipts.length,
    receiptsTotalCents: total(receipts, (l) => l.amountCents),
    aghCents: total(computed, (l) => l.amountCents),
    plannedCents: total(positions, (p) => p.plannedCents),
    actualCents: total(positions, (p) => p.actualCents),
    incomePlannedCents: total(income, (i) => i.plannedCents),
    incomeActualCents: total(income, (i) => i.actualCents),
  };
}

/** The Nachweis with the stable keys of the report's JSON (issue 16). */
export function financeJsonOf(f: FinanceReport): FinanceJson {
  return {
    plannedCents: f.plannedCents,
    actualCents: f.actualCents,
    positions: f.positions.map((p) => ({ key: p.key, label: p.label, plannedCents: p.plannedCents, actualCents: p.actualCents })),
    receipts: f.receipts,
    receiptsTotalCents: f.receiptsTotalCents,
    income: f.income.map((i) => ({ key: i.key, plannedCents: i.plannedCents, actualCents: i.actualCents })),
  };
}
