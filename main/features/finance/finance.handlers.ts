import type { Handlers } from '../../api/router.js';
import { requestsFileName, writePaymentRequests } from '../../excel/export/payment-requests.js';
import { getProgram } from '../programs/programs.service.js';
import { computeBudget } from './budget.service.js';
import { createPayment, createReceipt, deletePayment, deleteReceipt, listPayments, listReceipts, updateReceipt } from './ledger.service.js';
import { currentPlan, planHistory, savePlan } from './plan.service.js';
import { commitReceiptImport, listReceiptBatches, previewReceiptImport, undoReceiptBatch } from './receipt-import.service.js';
import { createRequest, listRequests, setRequestState } from './requests.service.js';

export const financeHandlers = {
  'finance.plan': async ({ programId }, ctx) => currentPlan(ctx.reader, programId),
  'finance.planHistory': async ({ programId }, ctx) => planHistory(ctx.reader, programId),
  'finance.savePlan': async (input, ctx) => savePlan(ctx.db, input),
  'finance.receipts': async (input, ctx) => listReceipts(ctx.reader, input),
  'finance.createReceipt': async (input, ctx) => createReceipt(ctx.db, input),
  'finance.updateReceipt': async ({ id, data }, ctx) => updateReceipt(ctx.db, id, data),
  'finance.deleteReceipt': async ({ id }, ctx) => deleteReceipt(ctx.db, id),
  'finance.payments': async ({ programId }, ctx) => listPayments(ctx.reader, programId),
  'finance.createPayment': async (input, ctx) => createPayment(ctx.db, input),
  'finance.deletePayment': async ({ id }, ctx) => deletePayment(ctx.db, id),
  'finance.budget': async ({ programId, asOf }, ctx) => computeBudget(ctx.reader, programId, asOf),
  'finance.requests': async ({ programId }, ctx) => listRequests(ctx.reader, programId),
  'finance.createRequest': async (input, ctx) => createRequest(ctx.db, input),
  'finance.setRequestState': async ({ id, state, filedOn }, ctx) => setRequestState(ctx.db, id, state, filedOn),
  'finance.exportRequests': async ({ programId }, ctx) => {
    const program = await getProgram(ctx.reader, programId);
    const file = ctx.files.tempPath('mittelabrufe.xlsx');
    await writePaymentRequests(program.name, await listRequests(ctx.reader, programId), file);
    const name = requestsFileName(program.name);
    return { handle: ctx.files.register({ path: file, name, temporary: true }), name };
  },
  'finance.importPreview': async (input, ctx) => {
    const file = ctx.files.readable(input.handle);
    return previewReceiptImport(ctx.reader, file.path, file.name, input);
  },
  'finance.importCommit': async (input, ctx) => {
    const file = ctx.files.readable(input.handle);
    return commitReceiptImport(ctx.db, file.path, file.name, input);
  },
  'finance.importBatches': async ({ programId }, ctx) => listReceiptBatches(ctx.reader, programId),
  'finance.importUndo': async ({ batchId }, ctx) => undoReceiptBatch(ctx.db, batchId),
} satisfies Partial<Handlers>;
