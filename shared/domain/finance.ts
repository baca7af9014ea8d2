import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';

/** Kinds of financing a Bewilligungsbescheid names. */
export const financingKinds = ['fehlbedarf', 'anteil', 'festbetrag'] as const;
export const financingKindLabels: Record<(typeof financingKinds)[number], string> = {
  fehlbedarf: 'Fehlbedarfsfinanzierung',
  anteil: 'Anteilfinanzierung',
  festbetrag: 'Festbetragsfinanzierung',
};

/** Income lines of a financing plan, in the order the plan lists them. */
export const incomeKeys = ['zuwendung', 'eigenmittel', 'drittmittel', 'kommunale_mittel'] as const;
export type IncomeKey = (typeof incomeKeys)[number];
export const incomeLabels: Record<IncomeKey, string> = {
  zuwendung: 'Zuwendung',
  eigenmittel: 'Eigenmittel',
  drittmittel: 'Drittmittel',
  kommunale_mittel: 'Kommunale Mittel',
};

/**
 * Kinds of expenditure position: an amount with receipts; a flat rate (Verwaltungspauschale) as a percentage of the
 * other positions, claimed without receipts; participant costs, into which the AGH compensation flows from the
 * hours (at most one such position per plan, so the compensation is counted once).
 */
export const positionKinds = ['betrag', 'pauschale', 'teilnehmendenkosten'] as const;
export type PositionKind = (typeof positionKinds)[number];

export const requestStates = ['entwurf', 'gestellt', 'eingegangen'] as const;
export type RequestState = (typeof requestStates)[number];
export const requestStateLabels: Record<RequestState, string> = { entwurf: 'Entwurf', gestellt: 'gestellt', eingegangen: 'eingegangen' };

const cents = z.number().int().min(0).max(1_000_000_000_00);
const signedCents = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);
/** basis points: 10000 = 100 % */
const basisPoints = z.number().int().min(0).max(10_000);
export const positionKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, { message: 'Nur Kleinbuchstaben, Ziffern und _ (z. B. personal_1)' });

export const positionInput = z.object({
  key: positionKey,
  label: requiredText(200),
  kind: z.enum(positionKinds).default('betrag'),
  plannedCents: cents.default(0),
  percentBp: basisPoints.nullable().optional().transform((v) => v ?? null),
  fteBp: z.number().int().min(0).max(100_000).nullable().optional().transform((v) => v ?? null),
});
export type PositionInput = z.input<typeof positionInput>;

export const incomeInput = z.object({ key: z.enum(incomeKeys), plannedCents: cents.default(0) });

export const planInput = z
  .object({
    programId: id,
    decisionDate: isoDate,
    reference: optionalText(100),
    periodFrom: isoDate,
    periodTo: isoDate,
    financingKind: z.enum(financingKinds),
    rateBp: basisPoints.nullable().optional().transform((v) => v ?? null),
    eligibleTotalCents: cents,
    aghPaidByCommune: z.boolean().default(false),
    note: optionalText(2000, { multiline: true }),
    positions: z.array(positionInput).min(1, { message: 'Mindestens eine Ausgabenposition' }).max(100),
    income: z.array(incomeInput).max(incomeKeys.length).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.periodTo < p.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Das Ende liegt vor dem Beginn' });
    if (p.financingKind === 'anteil' && p.rateBp === null) ctx.addIssue({ code: 'custom', path: ['rateBp'], message: 'Anteilfinanzierung braucht einen Fördersatz' });
    const seen = new Set<string>();
    p.positions.forEach((x, i) => {
      if (seen.has(x.key)) ctx.addIssue({ code: 'custom', path: ['positions', i, 'key'], message: 'Jeder Schlüssel nur einmal' });
      seen.add(x.key);
      if (x.kind === 'pauschale' && x.percentBp === null) ctx.addIssue({ code: 'custom', path: ['positions', i, 'percentBp'], message: 'Pauschale braucht einen Prozentsatz' });
    });
    if (p.positions.filter((x) => x.kind === 'teilnehmendenkosten').length > 1) {
      ctx.addIssue({ code: 'custom', path: ['positions'], message: 'Nur eine Position für Teilnehmendenkosten (dorthin fließt die AGH-Aufwandsentschädigung)' });
    }
    if (new Set(p.income.map((x) => x.key)).size !== p.income.length) ctx.addIssue({ code: 'custom', path: ['income'], message: 'Jede Einnahmeart nur einmal' });
  });
export type PlanInput = z.input<typeof planInput>;
export type ParsedPlanInput = z.output<typeof planInput>;

export const position = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(positionKinds),
  /** for a Pauschale: its percentage of the other positions' plan, computed */
  plannedCents: z.number().int(),
  percentBp: z.number().int().nullable(),
  fteBp: z.number().int().nullable(),
});
export type Position = z.infer<typeof position>;

export const plan = z.object({
  id,
  programId: id,
  version: z.number().int(),
  decisionKind: z.enum(['bewilligung', 'aenderung']),
  decisionDate: isoDate,
  reference: z.string().nullable(),
  periodFrom: isoDate,
  periodTo: isoDate,
  financingKind: z.enum(financingKinds),
  rateBp: z.number().int().nullable(),
  eligibleTotalCents: z.number().int(),
  aghPaidByCommune: z.boolean(),
  note: z.string().nullable(),
  positions: z.array(position),
  income: z.array(z.object({ key: z.enum(incomeKeys), plannedCents: z.number().int() })),
  plannedTotalCents: z.number().int(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof plan>;

export const receiptInput = z.object({
  programId: id,
  date: isoDate,
  number: optionalText(60),
  payee: optionalText(200),
  purpose: optionalText(500),
  positionKey: positionKey,
  amountCents: signedCents,
  paidOn: isoDate.nullable().optional().transform((v) => v ?? null),
});
export type ReceiptInput = z.input<typeof receiptInput>;

export const receipt = z.object({
  id,
  programId: id,
  date: isoDate,
  number: z.string().nullable(),
  payee: z.string().nullable(),
  purpose: z.string().nullable(),
  positionKey: z.string(),
  amountCents: z.number().int(),
  paidOn: isoDate.nullable(),
  importBatchId: z.number().int().nullable(),
});
export type Receipt = z.infer<typeof receipt>;

export const paymentInput = z.object({
  programId: id,
  date: isoDate,
  incomeKey: z.enum(incomeKeys).default('zuwendung'),
  amountCents: signedCents,
  reference: optionalText(200),
});
export type PaymentInput = z.input<typeof paymentInput>;
export const payment = z.object({ id, programId: id, date: isoDate, incomeKey: z.enum(incomeKeys), amountCents: z.number().int(), reference: z.string().nullable() });
export type Payment = z.infer<typeof payment>;

export const requestInput = z
  .object({
    programId: id,
    periodFrom: isoDate,
    periodTo: isoDate,
    /** proposed from spent × rate − received when not given */
    requestedCents: cents.nullable().optional().transform((v) => v ?? null),
    note: optionalText(2000, { multiline: true }),
  })
  .refine((r) => r.periodTo >= r.periodFrom, { message: 'Das Ende liegt vor dem Beginn', path: ['periodTo'] });
export type RequestInput = z.input<typeof requestInput>;
export const paymentRequest = z.object({
  id,
  programId: id,
  periodFrom: isoDate,
  periodTo: isoDate,
  spentCents: z.number().int(),
  receivedCents: z.number().int(),
  requestedCents: z.number().int(),
  state: z.enum(requestStates),
  filedOn: isoDate.nullable(),
  note: z.string().nullable(),
});
export type PaymentRequest = z.infer<typeof paymentRequest>;

/** The zahlenmäßiger Nachweis as data (`lotse report program-end --json`, issue 16: keys are stable). */
export const financeJson = z.object({
  plannedCents: z.number().int(),
  actualCents: z.number().int(),
  positions: z.array(z.object({ key: z.string(), label: z.string(), plannedCents: z.number().int(), actualCents: z.number().int() })),
  /** number of receipts in the period (the computed AGH lines not counted: they are no receipts) */
  receipts: z.number().int(),
  receiptsTotalCents: z.number().int(),
  income: z.array(z.object({ key: z.enum(incomeKeys), plannedCents: z.number().int(), actualCents: z.number().int() })),
});
export type FinanceJson = z.infer<typeof financeJson>;

export const positionStatuses = ['im_plan', 'in_toleranz', 'ueber_toleranz', 'nicht_ausgeglichen'] as const;

/** Budget view of a program: per position spent against plan, by month, and forecast to the end of the grant. */
export const budget = z.object({
  plan: plan.nullable(),
  asOf: isoDate,
  positions: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(positionKinds),
      plannedCents: z.number().int(),
      actualCents: z.number().int(),
      /** of actualCents: the AGH compensation computed from the hours */
      aghCents: z.number().int(),
      forecastCents: z.number().int(),
      status: z.enum(positionStatuses),
      /** the forecast goes past plan + 20 % */
      headsPastTolerance: z.boolean(),
    }),
  ),
  months: z.array(z.object({ month: z.string(), byPosition: z.record(z.string(), z.number().int()), totalCents: z.number().int() })),
  plannedCents: z.number().int(),
  actualCents: z.number().int(),
  forecastCents: z.number().int(),
  receivedCents: z.number().int(),
});
export type Budget = z.infer<typeof budget>;

export const receiptQuery = z.object({
  programId: id,
  positionKey: positionKey.nullable().optional().transform((v) => v ?? null),
  limit: z.number().int().min(1).max(5000).default(500),
});

// ---------- receipt import from an accounting export ----------

/** Receipt fields a column of an accounting export can be mapped to. */
export const receiptFields = ['date', 'number', 'payee', 'purpose', 'position', 'amount', 'paidOn'] as const;
export type ReceiptField = (typeof receiptFields)[number];

/** For each column of the header (by index), the receipt field it holds, or null to ignore it. */
export const receiptMapping = z.array(z.enum(receiptFields).nullable()).max(16_384);
export type ReceiptMapping = z.infer<typeof receiptMapping>;

export const receiptImportInput = z.object({
  programId: id,
  handle: z.string().min(1).max(200),
  /** a mapping chosen in the preview; without it the remembered or proposed mapping is used */
  mapping: receiptMapping.optional(),
});
export type ReceiptImportInput = z.input<typeof receiptImportInput>;

export const rowRejection = z.object({ row: z.number().int(), reason: z.string(), reasonEn: z.string() });

export const receiptImportPreview = z.object({
  fileName: z.string(),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: receiptMapping,
  /** where the mapping came from: remembered for this layout, or proposed from the headers */
  mappingSource: z.enum(['saved', 'proposed', 'given']),
  rowsTotal: z.number().int(),
  accepted: z.number().int(),
  totalCents: z.number().int(),
  /** the first accepted rows, to check before importing */
  sample: z.array(
    z.object({
      row: z.number().int(),
      date: isoDate,
      number: z.string().nullable(),
      payee: z.string().nullable(),
      purpose: z.string().nullable(),
      positionKey: z.string(),
      amountCents: z.number().int(),
      paidOn: isoDate.nullable(),
    }),
  ),
  rejected: z.array(rowRejection),
});
export type ReceiptImportPreview = z.infer<typeof receiptImportPreview>;

export const receiptBatch = z.object({
  id,
  programId: id,
  fileName: z.string(),
  rowsTotal: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  status: z.enum(['committed', 'undone']),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ReceiptBatch = z.infer<typeof receiptBatch>;

/**
 * A receipt that books the AGH compensation itself ("Aufwandsentschädigung AGH …"): refused, because the
 * compensation enters the participant costs from the recorded hours, and a receipt for it would count it twice.
 */
export function looksLikeAghCompensation(...texts: (string | null | undefined)[]): boolean {
  return texts.some((t) => t !== null && t !== undefined && /aufwandsentsch(ä|ae|a)digung|mehraufwandsentsch/i.test(t));
}

export const aghTwiceMessage = {
  de: 'Die AGH-Aufwandsentschädigung fließt aus den erfassten Stunden ein – bitte nicht zusätzlich als Beleg buchen',
  en: 'The AGH compensation comes from the recorded hours – do not book it as a receipt as well',
};
