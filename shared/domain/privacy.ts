import { z } from 'zod';
import { id, idSet, isoDate, optionalText } from './common.js';
import { addDays } from './dates.js';

/**
 * Participant fields (camelCase, as in the participant form) a program can name as its legal basis: without
 * consent only these may be edited. Art. 9 fields (health, disability, religion) are listed separately.
 */
export const participantFieldNames = [
  'lastName',
  'firstName',
  'birthDate',
  'gender',
  'nationality',
  'communeId',
  'residenceStatus',
  'arrivalInSaxony',
  'germanLevel',
  'phone',
  'email',
  'caseNumber',
  'caseManager',
  'referredBy',
  'socialWorker',
  'notes',
] as const;
export type ParticipantFieldName = (typeof participantFieldNames)[number];

/** GDPR Art. 9 special categories: off unless a program enables them with a recorded reason. */
export const sensitiveFieldNames = ['healthNotes', 'disabilityNotes', 'religion'] as const;
export type SensitiveFieldName = (typeof sensitiveFieldNames)[number];

export const programPrivacyInput = z
  .object({
    legalBasisFields: z.array(z.enum(participantFieldNames)).default([]),
    sensitiveFields: z.array(z.enum(sensitiveFieldNames)).default([]),
    sensitiveReason: optionalText(1000, { multiline: true }),
    retentionYears: z.number().int().min(0).max(100).default(5),
    finalReportSubmittedOn: isoDate.nullable().optional().transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (p.sensitiveFields.length > 0 && p.sensitiveReason === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['sensitiveReason'],
        message: 'Für besondere Kategorien (Art. 9 DSGVO) ist eine Begründung nötig',
      });
    }
  });
export type ProgramPrivacyInput = z.input<typeof programPrivacyInput>;

export const programPrivacy = z.object({
  programId: id,
  programName: z.string(),
  legalBasisFields: z.array(z.string()),
  sensitiveFields: z.array(z.string()),
  sensitiveReason: z.string().nullable(),
  retentionYears: z.number().int(),
  finalReportSubmittedOn: z.string().nullable(),
  endDate: z.string().nullable(),
  /** first day the program's data is past retention; null while the program has no end */
  retentionEndsOn: z.string().nullable(),
});
export type ProgramPrivacy = z.infer<typeof programPrivacy>;

/**
 * The fields a coordinator may edit for a person without (valid) consent: exactly what the program's legal basis
 * needs. With several programs, the union of theirs. The participants form enforces this.
 */
export function editableFieldsWithoutConsent(programs: { legalBasisFields: readonly string[] } | { legalBasisFields: readonly string[] }[]): string[] {
  const list = Array.isArray(programs) ? programs : [programs];
  const out = new Set<string>();
  for (const p of list) for (const f of p.legalBasisFields) out.add(f);
  return [...out].sort();
}

/**
 * First day a program's data is past retention: `retentionYears` after the end of the year in which the final
 * report was submitted (or, without a report date, the program ended). A report in 2020 with 5 years: data is
 * kept through 31.12.2025 and may be anonymised from 01.01.2026. Null while the program has no end.
 */
export function retentionEndsOn(p: { finalReportSubmittedOn: string | null; endDate: string | null; retentionYears: number }): string | null {
  const base = p.finalReportSubmittedOn ?? p.endDate;
  if (!base) return null;
  const year = Number(base.slice(0, 4)) + p.retentionYears + 1;
  return `${String(year).padStart(4, '0')}-01-01`;
}

export const consentFields = z.object({
  consentDate: z.string().nullable(),
  consentPrograms: z.array(z.number().int()),
  consentSuccessStory: z.boolean(),
  consentSharePartners: z.boolean(),
  consentExpiresOn: z.string().nullable(),
  consentWithdrawnOn: z.string().nullable(),
});
export type ConsentFields = z.infer<typeof consentFields>;

export type ConsentState = 'valid' | 'missing' | 'withdrawn' | 'expired' | 'expiring';

/** How many days before expiry a consent shows up in "Einwilligungen prüfen". */
export const consentWarningDays = 30;

/** The state of a person's consent on a day; a withdrawal wins over everything. */
export function consentState(c: Pick<ConsentFields, 'consentDate' | 'consentExpiresOn' | 'consentWithdrawnOn'>, today: string): ConsentState {
  if (c.consentWithdrawnOn !== null && c.consentWithdrawnOn <= today) return 'withdrawn';
  if (c.consentDate === null) return 'missing';
  if (c.consentExpiresOn !== null && c.consentExpiresOn < today) return 'expired';
  if (c.consentExpiresOn !== null && c.consentExpiresOn <= addDays(today, consentWarningDays)) return 'expiring';
  return 'valid';
}

/**
 * Whether a success story of this person may appear in a report. A withdrawal blocks it even if the story flag
 * was set (withdrawConsent also clears the flag, so either column alone gives the right answer).
 */
export function maySuccessStoryBePublished(
  c: Pick<ConsentFields, 'consentSuccessStory' | 'consentWithdrawnOn'>,
  today: string,
): boolean {
  return c.consentSuccessStory && (c.consentWithdrawnOn === null || c.consentWithdrawnOn > today);
}

export const consent = consentFields.extend({
  participantId: id,
  state: z.enum(['valid', 'missing', 'withdrawn', 'expired', 'expiring']),
  /** anonymised people have nothing left to consent to, export or erase */
  anonymised: z.boolean(),
});
export type Consent = z.infer<typeof consent>;

export const consentInput = z.object({
  participantId: id,
  consentDate: isoDate,
  consentPrograms: idSet,
  consentSuccessStory: z.boolean().default(false),
  consentSharePartners: z.boolean().default(false),
  consentExpiresOn: isoDate.nullable().optional().transform((v) => v ?? null),
});
export type ConsentInput = z.input<typeof consentInput>;

export const consentReviewItem = z.object({
  participantId: id,
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  state: z.enum(['missing', 'withdrawn', 'expired', 'expiring']),
  /** withdrawal or expiry date, null for missing */
  date: z.string().nullable(),
});
export type ConsentReviewItem = z.infer<typeof consentReviewItem>;

export const retentionItem = z.object({
  participantId: id,
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  programs: z.array(z.string()),
  /** the latest retention end of the person's programs: from this day on everything may go */
  pastSince: z.string(),
});
export type RetentionItem = z.infer<typeof retentionItem>;

/** What an anonymisation did: ids and counts only, never names. */
export const anonymiseResult = z.object({
  dryRun: z.boolean(),
  participantIds: z.array(id),
  counts: z.record(z.string(), z.number().int()),
});
export type AnonymiseResult = z.infer<typeof anonymiseResult>;

/**
 * What anonymisation keeps, and why (shown in the confirmation): the figures of past reports must stay the same.
 */
export const keptOnAnonymise = [
  'gender',
  'birthYear',
  'nationality',
  'communeId',
  'residenceStatus',
  'germanLevel',
  'arrivalYear',
  'enrollments',
  'placementsAndHours',
  'attendance',
  'fairs',
  'outcomes',
] as const;
export const removedOnAnonymise = [
  'names',
  'birthDate',
  'contact',
  'caseNumber',
  'caseManagerAndReferrer',
  'freeText',
  'sensitive',
  'successStories',
  'auditSnapshots',
] as const;
