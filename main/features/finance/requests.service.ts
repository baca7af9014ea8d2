import type { Kysely, Selectable } from 'kysely';
import { requestInput, type PaymentRequest, type Plan, type RequestInput, type RequestState } from '../../../shared/domain/finance.js';
import { AppError } from '../../../shared/errors.js';
import type { Database, FinanceRequestsTable } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { aghMonthsOf } from './budget.service.js';
import { computeFinance } from './nachweis.service.js';
import { planForBooking } from './ledger.service.js';
import { percentOf } from './plan.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

const toRequest = (r: Selectable<FinanceRequestsTable>): PaymentRequest => ({
  id: r.id,
  programId: r.program_id,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  spentCents: Number(r.spent_cents),
  receivedCents: Number(r.received_cents),
  requestedCents: Number(r.requested_cents),
  state: r.state,
  filedOn: r.filed_on,
  note: r.note,
});

/** Payment requests (Mittelabrufe) of a program in the order of their periods. */
export async function listRequests(db: Db, programId: number): Promise<PaymentRequest[]> {
  const rows = await db.selectFrom('finance_requests').selectAll().where('program_id', '=', programId).orderBy('period_from').orderBy('id').execute();
  return rows.map(toRequest);
}

/**
 * The grant the Bescheid promises: the planned Zuwendung, or without one the eligible total (times the rate of an
 * Anteilfinanzierung).
 */
function grantOf(plan: Plan): number {
  const planned = plan.income.find((i) => i.key === 'zuwendung')?.plannedCents ?? 0;
  if (planned > 0) return planned;
  return plan.financingKind === 'anteil' ? percentOf(plan.eligibleTotalCents, plan.rateBp ?? 0) : plan.eligibleTotalCents;
}

/**
 * The funder's share of what was spent: the rate of an Anteilfinanzierung; otherwise the grant's share of the
 * planned expenditure (the other income carries the rest in the same proportion), never more than the grant.
 */
function fundersShare(plan: Plan, spent: number): number {
  const grant = grantOf(plan);
  const share = plan.financingKind === 'anteil' ? percentOf(spent, plan.rateBp ?? 0) : plan.plannedTotalCents > 0 ? Math.round((spent * grant) / plan.plannedTotalCents) : spent;
  return Math.min(share, grant);
}

/**
 * What a Mittelabruf states, from the data up to the period's end: expenditure since the grant began, the funder's
 * payments received so far, and as proposal the funder's share of the expenditure less what was received.
 */
export async function requestFigures(db: Db, programId: number, periodTo: string) {
  const plan = await planForBooking(db, programId);
  const q = { programId, from: plan.periodFrom, to: periodTo };
  const finance = (await computeFinance(db, q, await aghMonthsOf(db, q)))!;
  const spent = finance.actualCents;
  const received = finance.income.find((i) => i.key === 'zuwendung')?.actualCents ?? 0;
  const proposal = Math.max(0, fundersShare(plan, spent) - received);
  return { spent, received, proposal };
}

export async function createRequest(db: Db, input: RequestInput): Promise<PaymentRequest> {
  const d = requestInput.parse(input);
  const figures = await requestFigures(db, d.programId, d.periodTo);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('finance_requests')
      .values({
        program_id: d.programId,
        period_from: d.periodFrom,
        period_to: d.periodTo,
        spent_cents: figures.spent,
        received_cents: figures.received,
        requested_cents: d.requestedCents ?? figures.proposal,
        note: d.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'finance_request', entityId: id, after: { ...d, ...figures } });
    return id;
  });
  return toRequest(await db.selectFrom('finance_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** Moves a request on: Entwurf → gestellt (with the day it was filed) → eingegangen. */
export async function setRequestState(db: Db, id: number, state: RequestState, filedOn: string | null): Promise<PaymentRequest> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('finance_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found', 'Mittelabruf nicht gefunden.', 'Payment request not found.');
    const filed = state === 'entwurf' ? null : (filedOn ?? before.filed_on);
    await trx.updateTable('finance_requests').set({ state, filed_on: filed, updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, { action: 'update', entity: 'finance_request', entityId: id, before: toRequest(before), after: { state, filedOn: filed } });
  });
  return toRequest(await db.selectFrom('finance_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
