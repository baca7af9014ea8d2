import type { Kysely, Selectable } from 'kysely';
import {
  aghTwiceMessage,
  looksLikeAghCompensation,
  paymentInput,
  receiptInput,
  receiptQuery,
  type Payment,
  type PaymentInput,
  type Plan,
  type Receipt,
  type ReceiptInput,
} from '../../../shared/domain/finance.js';
import { AppError } from '../../../shared/errors.js';
import type { Database, FinancePaymentsTable, FinanceReceiptsTable } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { currentPlan } from './plan.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

export function toReceipt(r: Selectable<FinanceReceiptsTable>): Receipt {
  return {
    id: r.id,
    programId: r.program_id,
    date: r.date,
    number: r.number,
    payee: r.payee,
    purpose: r.purpose,
    positionKey: r.position_key,
    amountCents: Number(r.amount_cents),
    paidOn: r.paid_on,
    importBatchId: r.import_batch_id,
  };
}

const toPayment = (r: Selectable<FinancePaymentsTable>): Payment => ({
  id: r.id,
  programId: r.program_id,
  date: r.date,
  incomeKey: r.income_key,
  amountCents: Number(r.amount_cents),
  reference: r.reference,
});

/**
 * Why a receipt cannot be booked on a position of the plan, or null: the position must exist, and a Pauschale
 * takes no receipts (it is claimed as a percentage). Used by the form and by the import, row by row.
 */
export function positionProblem(plan: Plan, key: string): { message: string; messageEn: string } | null {
  const p = plan.positions.find((x) => x.key === key);
  if (!p) return { message: `Position „${key}“ gibt es im Finanzierungsplan nicht`, messageEn: `No position "${key}" in the plan` };
  if (p.kind === 'pauschale') return { message: `Auf die Pauschale „${p.label}“ werden keine Belege gebucht`, messageEn: 'No receipts on a flat rate' };
  return null;
}

/** The program's current plan, or a validation error telling to enter one first. */
export async function planForBooking(db: Db, programId: number): Promise<Plan> {
  const plan = await currentPlan(db, programId);
  if (!plan) throw new AppError('validation', 'Für dieses Programm gibt es noch keinen Finanzierungsplan – bitte zuerst den Bescheid erfassen.', 'No financing plan yet.');
  return plan;
}

function receiptRow(d: ReturnType<typeof receiptInput.parse>) {
  return { program_id: d.programId, date: d.date, number: d.number, payee: d.payee, purpose: d.purpose, position_key: d.positionKey, amount_cents: d.amountCents, paid_on: d.paidOn };
}

async function checkedReceipt(db: Db, input: ReceiptInput) {
  const d = receiptInput.parse(input);
  const problem = positionProblem(await planForBooking(db, d.programId), d.positionKey);
  if (problem) throw new AppError('validation', problem.message, problem.messageEn, { fields: [{ path: 'positionKey', ...problem }] });
  if (looksLikeAghCompensation(d.purpose, d.payee)) {
    throw new AppError('validation', aghTwiceMessage.de, aghTwiceMessage.en, { fields: [{ path: 'purpose', message: aghTwiceMessage.de, messageEn: aghTwiceMessage.en }] });
  }
  return d;
}

async function getReceipt(db: Db, id: number): Promise<Receipt> {
  const r = await db.selectFrom('finance_receipts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found', 'Beleg nicht gefunden.', 'Receipt not found.');
  return toReceipt(r);
}

/** Receipts of a program (optionally one position) in date order, newest last. */
export async function listReceipts(db: Db, input: { programId: number; positionKey?: string | null; limit?: number }): Promise<Receipt[]> {
  const q = receiptQuery.parse(input);
  let sel = db.selectFrom('finance_receipts').selectAll().where('program_id', '=', q.programId);
  if (q.positionKey !== null) sel = sel.where('position_key', '=', q.positionKey);
  const rows = await sel.orderBy('date').orderBy('id').limit(q.limit).execute();
  return rows.map(toReceipt);
}

export async function createReceipt(db: Db, input: ReceiptInput): Promise<Receipt> {
  const d = await checkedReceipt(db, input);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('finance_receipts').values(receiptRow(d)).returning('id').executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'finance_receipt', entityId: id, after: d });
    return id;
  });
  return getReceipt(db, id);
}

export async function updateReceipt(db: Db, id: number, input: ReceiptInput): Promise<Receipt> {
  const d = await checkedReceipt(db, input);
  await db.transaction().execute(async (trx) => {
    const before = await getReceipt(trx, id);
    await trx.updateTable('finance_receipts').set({ ...receiptRow(d), updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, { action: 'update', entity: 'finance_receipt', entityId: id, before, after: d });
  });
  return getReceipt(db, id);
}

export async function deleteReceipt(db: Db, id: number): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const before = await getReceipt(trx, id);
    await trx.deleteFrom('finance_receipts').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'finance_receipt', entityId: id, before });
  });
  return { ok: true };
}

/** Payments received (from the funder or other sources of the plan's income), in date order. */
export async function listPayments(db: Db, programId: number): Promise<Payment[]> {
  const rows = await db.selectFrom('finance_payments').selectAll().where('program_id', '=', programId).orderBy('date').orderBy('id').execute();
  return rows.map(toPayment);
}

export async function createPayment(db: Db, input: PaymentInput): Promise<Payment> {
  const d = paymentInput.parse(input);
  const program = await db.selectFrom('programs').select('id').where('id', '=', d.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${d.programId} nicht gefunden.`, `Program ${d.programId} not found.`);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('finance_payments')
      .values({ program_id: d.programId, date: d.date, income_key: d.incomeKey, amount_cents: d.amountCents, reference: d.reference })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'finance_payment', entityId: id, after: d });
    return id;
  });
  const row = await db.selectFrom('finance_payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toPayment(row);
}

export async function deletePayment(db: Db, id: number): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('finance_payments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found', 'Zahlung nicht gefunden.', 'Payment not found.');
    await trx.deleteFrom('finance_payments').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'finance_payment', entityId: id, before: toPayment(before) });
  });
  return { ok: true };
}
