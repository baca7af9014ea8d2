import type { IncomeKey, Plan, PositionKind } from '../../../shared/domain/finance.js';
import type { PositionStatus } from '../../../shared/rules/budget.js';

/** One line of the Belegliste: a receipt, or the AGH compensation of one commune and month computed from the hours. */
export interface BelegLine {
  date: string;
  number: string | null;
  payee: string | null;
  purpose: string | null;
  positionKey: string;
  amountCents: number;
  paidOn: string | null;
  /** true for the AGH compensation (no receipt of its own: it comes from the hours, so it is never typed twice) */
  computed: boolean;
}

/** One income received: a payment, or the AGH compensation the commune paid (computed, where the plan says so). */
export interface IncomeLine {
  date: string;
  incomeKey: IncomeKey;
  reference: string | null;
  amountCents: number;
  computed: boolean;
}

export interface NachweisPosition {
  key: string;
  label: string;
  kind: PositionKind;
  plannedCents: number;
  actualCents: number;
  /** of actualCents: sum of receipts */
  receiptCents: number;
  /** of actualCents: AGH compensation from the hours */
  aghCents: number;
  differenceCents: number;
  share: number | null;
  status: PositionStatus;
}

/** The zahlenmäßiger Nachweis of a program and period, computed once for the workbook, the JSON and the screen. */
export interface FinanceReport {
  plan: Plan;
  from: string;
  to: string;
  positions: NachweisPosition[];
  income: { key: IncomeKey; label: string; plannedCents: number; actualCents: number }[];
  /** receipts in date order, then the AGH lines at the end of their month */
  lines: BelegLine[];
  /** income received in the period in date order, apart from the expenditure */
  incomeLines: IncomeLine[];
  receipts: number;
  receiptsTotalCents: number;
  aghCents: number;
  plannedCents: number;
  actualCents: number;
  incomePlannedCents: number;
  incomeActualCents: number;
}
