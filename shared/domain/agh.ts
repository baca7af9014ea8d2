import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';
import { month } from './placements.js';

/**
 * How a program treats one AGH rule: not checked, a warning (the placement or hours are saved and the coordinator
 * told), or a hard limit (refused with a field message).
 */
export const ruleLevels = ['aus', 'warnung', 'grenze'] as const;
export type RuleLevel = (typeof ruleLevels)[number];

const level = z.enum(ruleLevels);
/** A limit with its value; value null means "no such limit" whatever the level. */
const limit = (max: number) => z.object({ value: z.number().int().min(0).max(max).nullable(), level });

/**
 * The AGH rules of a program as data (issue 17). Hours are hundredths (20 h = 2000) like the hours themselves;
 * the duration is in whole months, the lead time in days from application to start.
 */
export const aghRules = z.object({
  weekMinX100: limit(6000),
  weekMaxX100: limit(6000),
  monthMaxX100: limit(31_000),
  /** never above 10 h: the hours grid and the statement take at most 10 h a day */
  dayMaxX100: limit(1000),
  maxDurationMonths: limit(120),
  leadDays: limit(365),
  /** the site lies in a commune other than the person's (§ 5 Abs. 3: reasonable in place) */
  outsideCommune: z.object({ level }),
});
export type AghRules = z.infer<typeof aghRules>;

/** Mittelsachsen's practice (DOMAIN.md): apply ≥ 14 days ahead, usually 20–25 h/week; at most 10 h a day. */
export const mittelsachsenRules: AghRules = {
  weekMinX100: { value: 2000, level: 'warnung' },
  weekMaxX100: { value: 2500, level: 'warnung' },
  monthMaxX100: { value: null, level: 'aus' },
  dayMaxX100: { value: 1000, level: 'grenze' },
  maxDurationMonths: { value: null, level: 'aus' },
  leadDays: { value: 14, level: 'warnung' },
  outsideCommune: { level: 'warnung' },
};

/** A program's AGH settings: rules, and what the statement's letterhead and the certificate need. */
export const aghSettings = z.object({
  programId: id,
  rules: aghRules,
  /** Träger's postal address, several lines */
  operatorAddress: optionalText(500, { multiline: true }),
  /** Aktenzeichen the commune or the funder gave the AGH measure */
  fileReference: optionalText(100),
  /** certificates name "§ 5 AsylbLG" only when the program chooses so; by default they are neutral */
  certificateNamesLegalBasis: z.boolean().default(false),
});
export type AghSettings = z.infer<typeof aghSettings>;
export type AghSettingsInput = z.input<typeof aghSettings>;

export const extraCostKinds = ['fahrtkosten', 'arbeitskleidung', 'sonstiges'] as const;
export type ExtraCostKind = (typeof extraCostKinds)[number];

export const extraCostInput = z.object({
  placementId: id,
  month,
  kind: z.enum(extraCostKinds),
  amountCents: z.number().int().positive({ message: 'Betrag größer als 0 erwartet' }).max(100_000_00),
  /** what proves it, e.g. "Monatskarte VMS Nr. 1234" */
  receiptNote: optionalText(300),
});
export type ExtraCostInput = z.input<typeof extraCostInput>;

export const extraCost = z.object({
  id,
  placementId: id,
  month: z.string(),
  kind: z.enum(extraCostKinds),
  amountCents: z.number().int(),
  receiptNote: z.string().nullable(),
});
export type ExtraCost = z.infer<typeof extraCost>;

export const statementStatuses = ['entwurf', 'festgestellt', 'ausgezahlt'] as const;
export type StatementStatus = (typeof statementStatuses)[number];

const statementKey = { programId: id, communeId: id, month };
export const establishStatementInput = z.object({ ...statementKey, checkedBy: requiredText(120), establishedOn: isoDate });
export const reopenStatementInput = z.object({ ...statementKey, reason: requiredText(500) });
export const payStatementInput = z.object({ ...statementKey, paidOn: isoDate });
