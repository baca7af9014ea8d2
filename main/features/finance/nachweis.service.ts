import type { Kysely } from 'kysely';
import { incomeKeys, incomeLabels, type FinanceJson, type Plan } from '../../../shared/domain/finance.js';
import { checkPositions } from '../../../shared/rules/budget.js';
import type { Database } from '../../db/schema.js';
import type { BelegLine, FinanceReport, IncomeLine } from '../../excel/export/finance-data.js';
import { toReceipt } from './ledger.service.js';
import { currentPlan, percentOf } from './plan.service.js';

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

const lastDayOf = (month: string) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return `${month}-${String(d.getUTCDate()).padStart(2, '0')}`;
};

/**
 * The AGH compensation as lines of the participant-cost position: one per commune and month, dated the month's
 * last day (or the period's end). Taken from the figures, never from a receipt, so it enters once.
 */
function aghLines(plan: Plan, q: FinanceQuery, agh: AghMonth[]): BelegLine[] {
  const position = plan.positions.find((p) => p.kind === 'teilnehmendenkosten');
  if (!position) return [];
  return agh
    .filter((m) => m.compensationCents !== 0)
    .map((m) => {
      const end = lastDayOf(m.month);
      return {
        date: end > q.to ? q.to : end,
        number: null,
        payee: m.name,
        purpose: `AGH-Aufwandsentschädigung ${m.month.slice(5, 7)}/${m.month.slice(0, 4)} (aus Stunden berechnet${plan.aghPaidByCommune ? ', von der Kommune gezahlt' : ''})`,
        positionKey: position.key,
        amountCents: m.compensationCents,
        paidOn: null,
        computed: true,
      };
    });
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

/**
 * The zahlenmäßiger Nachweis for a period: per position planned (the current plan) and actual (receipts of the
 * period, the AGH compensation on the participant-cost position, a Pauschale as its percentage of the other
 * positions' actual), the tolerance check, income planned and received, and the Belegliste. Null without a plan.
 */
export async function computeFinance(db: Db, q: FinanceQuery, agh: AghMonth[]): Promise<FinanceReport | null> {
  const plan = await currentPlan(db, q.programId);
  if (!plan) return null;
  const receipts = await receiptLines(db, q);
  const computed = aghLines(plan, q, agh);
  const sumOf = (lines: BelegLine[], key: string) => lines.filter((l) => l.positionKey === key).reduce((s, l) => s + l.amountCents, 0);
  const base = plan.positions.filter((p) => p.kind !== 'pauschale').map((p) => ({ p, receiptCents: sumOf(receipts, p.key), aghCents: sumOf(computed, p.key) }));
  const baseActual = base.reduce((s, x) => s + x.receiptCents + x.aghCents, 0);
  const actuals = plan.positions.map((p) => {
    const b = base.find((x) => x.p.key === p.key);
    const receiptCents = b?.receiptCents ?? 0;
    const aghCents = b?.aghCents ?? 0;
    const actualCents = p.kind === 'pauschale' ? percentOf(baseActual, p.percentBp ?? 0) : receiptCents + aghCents;
    return { p, receiptCents, aghCents, actualCents };
  });
  const checks = checkPositions(actuals.map((a) => ({ key: a.p.key, plannedCents: a.p.plannedCents, actualCents: a.actualCents })));
  const positions = actuals.map((a, i) => ({ ...checks[i]!, label: a.p.label, kind: a.p.kind, receiptCents: a.receiptCents, aghCents: a.aghCents }));
  const aghCents = computed.reduce((s, l) => s + l.amountCents, 0);
  const received = await incomeLines(db, q, plan, computed);
  const paid = new Map<string, number>();
  for (const l of received) paid.set(l.incomeKey, (paid.get(l.incomeKey) ?? 0) + l.amountCents);
  const income = incomeKeys
    .filter((k) => plan.income.some((i) => i.key === k) || (paid.get(k) ?? 0) !== 0)
    .map((key) => ({ key, label: incomeLabels[key], plannedCents: plan.income.find((i) => i.key === key)?.plannedCents ?? 0, actualCents: paid.get(key) ?? 0 }));
  return {
    plan,
    from: q.from,
    to: q.to,
    positions,
    income,
    lines: [...receipts, ...computed].sort(byDate),
    incomeLines: received,
    receipts: receipts.length,
    receiptsTotalCents: receipts.reduce((s, l) => s + l.amountCents, 0),
    aghCents,
    plannedCents: positions.reduce((s, p) => s + p.plannedCents, 0),
    actualCents: positions.reduce((s, p) => s + p.actualCents, 0),
    incomePlannedCents: income.reduce((s, i) => s + i.plannedCents, 0),
    incomeActualCents: income.reduce((s, i) => s + i.actualCents, 0),
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
