import { z } from 'zod';
import { outcomeKinds } from './outcomes.js';
import { id, isoDate, optionalText, requiredText } from './common.js';

export const placementStatuses = ['wartend', 'aktiv', 'beendet', 'abgebrochen'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

// one list of outcome kinds for the whole domain (outcomes.ts); re-exported where it was used before
export { outcomeKinds };
export type OutcomeKindName = (typeof outcomeKinds)[number];

const optionalDate = isoDate.nullable().optional().transform((v) => v ?? null);

/** A warning is advice, not a refusal: the placement is saved and the warning shown and stored with it. */
export const placementWarningCodes = [
  'short_notice',
  'hours_high',
  'hours_low',
  'duration_long',
  'outside_commune',
  'no_agreement',
  'not_eligible',
] as const;
export const placementWarning = z.object({
  code: z.enum(placementWarningCodes),
  message: z.string(),
});
export type PlacementWarning = z.infer<typeof placementWarning>;

export const placementInput = z
  .object({
    enrollmentId: id,
    communeId: id,
    /** Einsatzstelle, e.g. "Bauhof Döbeln" */
    site: requiredText(200),
    /** Tätigkeit, e.g. "Stadtverschönerung" */
    activity: requiredText(200),
    applicationDate: optionalDate,
    startDate: isoDate,
    plannedEndDate: optionalDate,
    hoursPerWeek: z.number().min(0, { message: 'Nicht negativ' }).max(60).nullable().optional().transform((v) => v ?? null),
    agreementSignedOn: optionalDate,
    /** 'wartend' puts the person on the commune's waiting list; it does not use a slot yet */
    status: z.enum(['aktiv', 'wartend']).default('aktiv'),
    /** required only when the commune's slots are all taken */
    quotaOverrideReason: optionalText(500, { multiline: true }),
  })
  .superRefine((p, ctx) => {
    if (p.plannedEndDate !== null && p.plannedEndDate < p.startDate) {
      ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'Das geplante Ende liegt vor dem Beginn' });
    }
  });
export type PlacementInput = z.input<typeof placementInput>;

/**
 * What a coordinator corrects on an existing placement. Person, program and commune stay: moving a person to
 * another commune is a new placement (the old one's hours and statement belong to the old commune).
 */
export const placementUpdateInput = z
  .object({
    id,
    site: requiredText(200),
    activity: requiredText(200),
    applicationDate: optionalDate,
    startDate: isoDate,
    plannedEndDate: optionalDate,
    hoursPerWeek: z.number().min(0, { message: 'Nicht negativ' }).max(60).nullable().optional().transform((v) => v ?? null),
    agreementSignedOn: optionalDate,
  })
  .superRefine((p, ctx) => {
    if (p.plannedEndDate !== null && p.plannedEndDate < p.startDate) {
      ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'Das geplante Ende liegt vor dem Beginn' });
    }
  });
export type PlacementUpdateInput = z.input<typeof placementUpdateInput>;

/** Moves a waiting placement onto a free slot; beyond the quota only with a reason, as when placing. */
export const activatePlacementInput = z.object({ id, quotaOverrideReason: optionalText(500, { multiline: true }) });
export type ActivatePlacementInput = z.input<typeof activatePlacementInput>;

export const placement = z.object({
  id,
  enrollmentId: id,
  participantId: id,
  participantName: z.string(),
  birthDate: z.string().nullable(),
  programId: id,
  communeId: id,
  communeName: z.string(),
  site: z.string(),
  activity: z.string(),
  applicationDate: z.string().nullable(),
  startDate: z.string(),
  plannedEndDate: z.string().nullable(),
  endDate: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  rateCents: z.number().int(),
  agreementSignedOn: z.string().nullable(),
  status: z.enum(placementStatuses),
  quotaOverrideReason: z.string().nullable(),
  warnings: z.array(placementWarning),
  totalHoursX100: z.number().int(),
});
export type Placement = z.infer<typeof placement>;

export const closePlacementInput = z.object({
  id,
  endDate: isoDate,
  status: z.enum(['beendet', 'abgebrochen']),
  /** what came after the AGH (Anschlussbeschäftigung ...); recorded as an outcome */
  outcome: z
    .object({ kind: z.enum(outcomeKinds), date: isoDate, notes: optionalText(1000, { multiline: true }) })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type ClosePlacementInput = z.input<typeof closePlacementInput>;

export const placementCandidate = z.object({
  enrollmentId: id,
  participantId: id,
  name: z.string(),
  birthDate: z.string().nullable(),
  communeId: z.number().int().nullable(),
  enrollmentStatus: z.string(),
  eligible: z.boolean(),
  appliedOn: z.string().nullable(),
  hasOpenPlacement: z.boolean(),
});
export type PlacementCandidate = z.infer<typeof placementCandidate>;

export const communeBoard = z.object({
  communeId: id,
  communeName: z.string(),
  slots: z.number().int(),
  filled: z.number().int(),
  free: z.number().int(),
  waiting: z.number().int(),
  placements: z.array(placement),
});
export type CommuneBoard = z.infer<typeof communeBoard>;

export const hoursWeek = z.object({
  weekStart: z.string(),
  days: z.array(z.string()),
  /** months of the week whose statement is festgestellt or ausgezahlt: their hours cannot change */
  lockedMonths: z.array(z.string()),
  rows: z.array(
    z.object({
      placementId: id,
      participantName: z.string(),
      site: z.string(),
      startDate: z.string(),
      /** last day hours may be entered: end date, else planned end, else open (null) */
      lastDay: z.string().nullable(),
      hoursX100: z.array(z.number().int()),
      weekTotalX100: z.number().int(),
    }),
  ),
});
export type HoursWeek = z.infer<typeof hoursWeek>;

export const hoursEntry = z.object({
  placementId: id,
  workDate: isoDate,
  /** hundredths of an hour: 3,5 h = 350; 0 removes the day's entry */
  hoursX100: z.number().int({ message: 'Ganze Hundertstel erwartet' }),
});
export type HoursEntry = z.infer<typeof hoursEntry>;

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Monat im Format JJJJ-MM erwartet' });

export const statementInput = z.object({ programId: id, communeId: id, month });

export const statement = z.object({
  programId: id,
  programName: z.string(),
  operator: z.string().nullable(),
  /** Träger's address for the letterhead (the program's AGH settings) */
  operatorAddress: z.string().nullable(),
  /** Aktenzeichen of the AGH measure */
  fileReference: z.string().nullable(),
  communeId: id,
  communeName: z.string(),
  month: z.string(),
  /** Entwurf → festgestellt (hours locked) → ausgezahlt */
  status: z.enum(['entwurf', 'festgestellt', 'ausgezahlt']),
  checkedBy: z.string().nullable(),
  establishedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  rows: z.array(
    z.object({
      placementId: id,
      participantName: z.string(),
      /** the person's file number (Aktenzeichen of the case), if recorded */
      fileNumber: z.string().nullable(),
      site: z.string(),
      activity: z.string(),
      hoursX100: z.number().int(),
      rateCents: z.number().int(),
      /** Aufwandsentschädigung: hours × rate */
      amountCents: z.number().int(),
      /** necessary extra costs of the month (§ 5 Abs. 2 AsylbLG) */
      extraCostsCents: z.number().int(),
      /** paid out: compensation + extra costs */
      payoutCents: z.number().int(),
    }),
  ),
  totalHoursX100: z.number().int(),
  /** sum of the compensation */
  totalCents: z.number().int(),
  totalExtraCostsCents: z.number().int(),
  totalPayoutCents: z.number().int(),
});
export type Statement = z.infer<typeof statement>;

export const fileResult = z.object({ handle: z.string(), name: z.string() });
