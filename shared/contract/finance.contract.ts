import { z } from 'zod';
import { procedure } from './define.js';
import { id, isoDate } from '../domain/common.js';
import {
  budget,
  payment,
  paymentInput,
  paymentRequest,
  plan,
  planInput,
  receipt,
  receiptInput,
  receiptBatch,
  receiptImportInput,
  receiptImportPreview,
  receiptQuery,
  requestInput,
  requestStates,
} from '../domain/finance.js';

const ok = z.object({ ok: z.literal(true) });
const byProgram = z.object({ programId: id });

export const financeContract = {
  /** The current financing plan (newest Bescheid) of a program, or null before one was entered. */
  'finance.plan': procedure({ input: byProgram, output: plan.nullable() }),
  /** Every version of the plan, newest first (amendments keep the earlier plan as history). */
  'finance.planHistory': procedure({ input: byProgram, output: z.array(plan) }),
  /**
   * Records a Bescheid with its plan: the first as Bewilligungsbescheid, every later one as Änderungsbescheid (a
   * new version). Positions with receipts booked on them must stay (`validation` on `positions`).
   */
  'finance.savePlan': procedure({ input: planInput, output: plan }),
  /** Receipts of a program (optionally of one position) in date order. */
  'finance.receipts': procedure({ input: receiptQuery, output: z.array(receipt) }),
  /** Books a receipt on a position of the current plan (not on a Pauschale). */
  'finance.createReceipt': procedure({ input: receiptInput, output: receipt }),
  'finance.updateReceipt': procedure({ input: z.object({ id, data: receiptInput }), output: receipt }),
  'finance.deleteReceipt': procedure({ input: z.object({ id }), output: ok }),
  /** Payments received (from the funder and other income sources), in date order. */
  'finance.payments': procedure({ input: byProgram, output: z.array(payment) }),
  'finance.createPayment': procedure({ input: paymentInput, output: payment }),
  'finance.deletePayment': procedure({ input: z.object({ id }), output: ok }),
  /** Spent against plan per position and month over the grant period, with the forecast to its end. */
  'finance.budget': procedure({ input: z.object({ programId: id, asOf: isoDate.optional() }), output: budget }),
  /** Payment requests (Mittelabrufe) with their state. */
  'finance.requests': procedure({ input: byProgram, output: z.array(paymentRequest) }),
  /** A new Mittelabruf: spent and received from the data up to the period's end; requested proposed unless given. */
  'finance.createRequest': procedure({ input: requestInput, output: paymentRequest }),
  /** Entwurf → gestellt (filed on) → eingegangen. */
  'finance.setRequestState': procedure({
    input: z.object({ id, state: z.enum(requestStates), filedOn: isoDate.nullable().optional().transform((v) => v ?? null) }),
    output: paymentRequest,
  }),
  /** The list of payment requests as a workbook; returns a file handle to download. */
  'finance.exportRequests': procedure({ input: byProgram, output: z.object({ handle: z.string(), name: z.string() }) }),
  /**
   * Reads an uploaded accounting export (.xlsx/.csv) as receipts of the program: mapping (remembered per header
   * layout, or proposed), counts, total, a sample and every rejected row with its reason; writes nothing. Without
   * columns for date, amount and position: `validation` on `mapping` with the headers in details.
   */
  'finance.importPreview': procedure({ input: receiptImportInput, output: receiptImportPreview }),
  /** Imports the accepted rows as one batch in one transaction; remembers the mapping. */
  'finance.importCommit': procedure({ input: receiptImportInput, output: receiptBatch }),
  /** Receipt imports of a program, newest first. */
  'finance.importBatches': procedure({ input: byProgram, output: z.array(receiptBatch) }),
  /** Undoes a receipt import: removes exactly the receipts it created. */
  'finance.importUndo': procedure({ input: z.object({ batchId: id }), output: receiptBatch }),
};
