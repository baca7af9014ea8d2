import { z } from 'zod';
import { id, isoDate, optionalText } from './common.js';
import { enrollmentStatuses, genders, germanLevels } from './participants.js';
import { residenceGroups } from '../rules/residence-groups.js';
import { employmentStatuses, iscedGroups, recognitionStatuses } from './participant-model.js';

export { enrollmentStatuses };
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

const optionalDate = z
  .union([z.literal(''), isoDate])
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

/**
 * Allowed status changes: interessiert → aktiv → abgeschlossen | abgebrochen; somebody interested may also
 * drop out before starting. Staying in the same status is always allowed (editing dates).
 */
export const enrollmentTransitions: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  interessiert: ['interessiert', 'aktiv', 'abgebrochen'],
  aktiv: ['aktiv', 'abgeschlossen', 'abgebrochen'],
  abgeschlossen: ['abgeschlossen'],
  abgebrochen: ['abgebrochen'],
};

/** Fields shared by create and update, with the checks each status needs (dates and exit reason). */
const enrollmentFields = z.object({
  status: z.enum(enrollmentStatuses).default('interessiert'),
  appliedOn: optionalDate,
  startDate: optionalDate,
  endDate: optionalDate,
  exitReason: optionalText(500, { multiline: true }),
  /** needed when the person is not eligible; stored with the enrollment */
  overrideReason: optionalText(1000, { multiline: true }),
});

type Fields = z.output<typeof enrollmentFields>;

function checkFields(e: Fields, ctx: z.RefinementCtx): void {
  if ((e.status === 'aktiv' || e.status === 'abgeschlossen') && e.startDate === null) {
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'Für diesen Status ist ein Beginn nötig' });
  }
  if ((e.status === 'abgeschlossen' || e.status === 'abgebrochen') && e.endDate === null) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Für diesen Status ist ein Ende nötig' });
  }
  if (e.status === 'abgebrochen' && e.exitReason === null) {
    ctx.addIssue({ code: 'custom', path: ['exitReason'], message: 'Bitte den Grund des Abbruchs angeben' });
  }
  if (e.startDate !== null && e.endDate !== null && e.endDate < e.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Das Ende liegt vor dem Beginn' });
  }
  if (e.appliedOn !== null && e.startDate !== null && e.startDate < e.appliedOn) {
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'Der Beginn liegt vor der Anmeldung' });
  }
}

export const enrollmentCreateInput = enrollmentFields
  .extend({ participantId: id, programId: id })
  .superRefine((e, ctx) => checkFields(e, ctx));
export type EnrollmentCreateInput = z.input<typeof enrollmentCreateInput>;

export const enrollmentUpdateInput = enrollmentFields.extend({ id }).superRefine((e, ctx) => checkFields(e, ctx));
export type EnrollmentUpdateInput = z.input<typeof enrollmentUpdateInput>;

export const eligibilityResult = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.object({ ok: z.boolean(), text: z.string() })),
  summary: z.string(),
});

/**
 * The person's reportable characteristics when the enrollment started (entry snapshot). Taken once when the
 * enrollment gets its start date; reports count from it so a report re-run later gives the same numbers.
 * Only an explicit correction with a reason changes it.
 */
export const entrySnapshot = z.object({
  birthYear: z.number().int().nullable(),
  gender: z.enum(genders).nullable(),
  communeId: z.number().int().nullable(),
  communeName: z.string().nullable(),
  residenceStatus: z.string().nullable(),
  /** group code of DOMAIN.md "Residence titles"; null when the status names no known group */
  residenceGroup: z.enum(residenceGroups).nullable(),
  nationality: z.string().nullable(),
  germanLevel: z.enum(germanLevels).nullable(),
  /** = the start date when it was taken */
  snapshotOn: isoDate,
  /** reason of the last correction; null = as taken */
  correctedReason: z.string().nullable(),
  /** title held on the start date (catalogue code) and the characteristics at entry (issue 14) */
  titleCode: z.string().nullable(),
  nationalityCode: z.string().nullable(),
  employmentStatus: z.enum(employmentStatuses).nullable(),
  iscedGroup: z.enum(iscedGroups).nullable(),
  qualificationRecognition: z.enum(recognitionStatuses).nullable(),
  migrationBackground: z.boolean().nullable(),
  arrivalInGermany: z.string().nullable(),
  interpreterLanguage: z.string().nullable(),
  childcareNeed: z.boolean().nullable(),
});
export type EntrySnapshot = z.infer<typeof entrySnapshot>;

/**
 * Correction of an entry snapshot: only the fields given change (null clears one); the reason is required and
 * audited ('correct_entry'). The residence group follows the corrected status.
 */
export const entryCorrectionInput = z.object({
  id,
  birthYear: z.number().int().min(1900, { message: 'Jahr ab 1900' }).max(2200).nullable().optional(),
  gender: z.enum(genders).nullable().optional(),
  communeId: id.nullable().optional(),
  residenceStatus: z.string().max(100).nullable().optional(),
  nationality: z.string().max(100).nullable().optional(),
  germanLevel: z.enum(germanLevels).nullable().optional(),
  /** the characteristics at entry of issue 14; left out = unchanged, null = keine Angabe */
  employmentStatus: z.enum(employmentStatuses).nullable().optional(),
  iscedGroup: z.enum(iscedGroups).nullable().optional(),
  qualificationRecognition: z.enum(recognitionStatuses).nullable().optional(),
  migrationBackground: z.boolean().nullable().optional(),
  arrivalInGermany: isoDate.nullable().optional(),
  interpreterLanguage: z.string().max(100, { message: 'Höchstens 100 Zeichen' }).nullable().optional(),
  childcareNeed: z.boolean().nullable().optional(),
  reason: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(3, { message: 'Bitte einen Grund angeben (mindestens 3 Zeichen)' }).max(500, { message: 'Höchstens 500 Zeichen' })),
});
export type EntryCorrectionInput = z.input<typeof entryCorrectionInput>;

export const enrollment = z.object({
  id,
  participantId: id,
  programId: id,
  programName: z.string(),
  status: z.enum(enrollmentStatuses),
  appliedOn: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  exitReason: z.string().nullable(),
  eligible: z.boolean(),
  eligibilityReason: z.string().nullable(),
  overrideReason: z.string().nullable(),
  /** characteristics at entry; null while the enrollment has not started */
  entry: entrySnapshot.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enrollment = z.infer<typeof enrollment>;
