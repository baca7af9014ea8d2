import { z } from 'zod';
import { residenceGroups } from '../rules/residence-groups.js';
import { residenceTitleCodes } from '../rules/residence-titles.js';
import { isoDate } from './common.js';

/**
 * The parts of a person issue 14 adds: a history of residence titles, and the characteristics at entry a funder
 * asks for. Kept apart from participants.ts so the person's form schema only gains fields.
 */

export const employmentStatuses = ['arbeitslos', 'langzeitarbeitslos', 'nicht_erwerbstaetig', 'erwerbstaetig', 'ausbildung_schule'] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];
export const employmentStatusLabels: Record<EmploymentStatus, string> = {
  arbeitslos: 'arbeitslos',
  langzeitarbeitslos: 'langzeitarbeitslos',
  nicht_erwerbstaetig: 'nicht erwerbstätig',
  erwerbstaetig: 'erwerbstätig',
  ausbildung_schule: 'in Ausbildung/Schule',
};

export const iscedGroups = ['isced_0_2', 'isced_3_4', 'isced_5_8'] as const;
export type IscedGroup = (typeof iscedGroups)[number];
export const iscedGroupLabels: Record<IscedGroup, string> = {
  isced_0_2: 'ISCED 0–2 (bis Sekundarstufe I)',
  isced_3_4: 'ISCED 3–4 (Sekundarstufe II, postsekundar)',
  isced_5_8: 'ISCED 5–8 (tertiär)',
};

export const recognitionStatuses = ['nicht_beantragt', 'beantragt', 'teilweise', 'voll'] as const;
export type RecognitionStatus = (typeof recognitionStatuses)[number];
export const recognitionStatusLabels: Record<RecognitionStatus, string> = {
  nicht_beantragt: 'nicht beantragt',
  beantragt: 'beantragt',
  teilweise: 'teilweise anerkannt',
  voll: 'voll anerkannt',
};

const optionalDate = z
  .union([z.literal(''), isoDate])
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

/** "" from a select means "keine Angabe". */
function optionalEnum<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.literal(''), z.enum(values)])
    .nullable()
    .optional()
    .transform((v) => (v ? (v as T[number]) : null));
}
const optionalBool = z.boolean().nullable().optional().transform((v) => v ?? null);

/** One residence title a person held or holds; open ends (null) mean "since ever" / "still valid". */
export const titleEntryInput = z.object({
  titleCode: z.enum(residenceTitleCodes, { message: 'Unbekannter Aufenthaltstitel' }),
  validFrom: optionalDate,
  validUntil: optionalDate,
});
export type TitleEntryInput = z.input<typeof titleEntryInput>;
export type TitleEntryData = z.output<typeof titleEntryInput>;

export const titleEntry = z.object({
  id: z.number().int(),
  titleCode: z.string(),
  label: z.string(),
  group: z.enum(residenceGroups),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export type TitleEntry = z.infer<typeof titleEntry>;

/**
 * Fields the person form gains. `titles` replaces the history when given; left out (older clients, imports),
 * the history stays and `residenceStatus` text is mapped through the catalogue instead.
 */
export const participantModelInput = {
  titles: z.array(titleEntryInput).max(50).optional(),
  /** null = as the current title says; true/false = decided for this person (e.g. § 24 arrivals after 6/2022) */
  asylblgEntitled: optionalBool,
  employmentStatus: optionalEnum(employmentStatuses),
  iscedGroup: optionalEnum(iscedGroups),
  qualificationRecognition: optionalEnum(recognitionStatuses),
  /** null = derived: a foreign nationality is a migration background; for Germans it must be stated */
  migrationBackground: optionalBool,
  arrivalInGermany: optionalDate,
  interpreterLanguage: z
    .string()
    .max(100, { message: 'Höchstens 100 Zeichen' })
    .nullable()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : null)),
  childcareNeed: optionalBool,
};

/** Field errors of a title history: an end before its start contradicts itself. */
export function titleIssues(titles: readonly TitleEntryData[] | undefined): Array<{ path: (string | number)[]; message: string }> {
  return (titles ?? []).flatMap((t, i) =>
    t.validFrom !== null && t.validUntil !== null && t.validUntil < t.validFrom
      ? [{ path: ['titles', i, 'validUntil'], message: '„Gültig bis“ liegt vor „Gültig ab“' }]
      : [],
  );
}

export const participantModelOutput = {
  /** code of the current title (catalogue), null when none is recorded */
  residenceTitleCode: z.string().nullable(),
  /** group of the current title, null when none */
  residenceGroup: z.enum(residenceGroups).nullable(),
  /** the stored status is an old or imported text the catalogue does not know: a person must decide */
  residenceStatusOpen: z.boolean(),
  titles: z.array(titleEntry),
  /** ISO 3166-1 alpha-2, XS = staatenlos, XX = ungeklärt; null when the text names no country */
  nationalityCode: z.string().nullable(),
  nationalityOpen: z.boolean(),
  asylblgEntitled: z.boolean().nullable(),
  employmentStatus: z.enum(employmentStatuses).nullable(),
  iscedGroup: z.enum(iscedGroups).nullable(),
  qualificationRecognition: z.enum(recognitionStatuses).nullable(),
  migrationBackground: z.boolean().nullable(),
  arrivalInGermany: z.string().nullable(),
  interpreterLanguage: z.string().nullable(),
  childcareNeed: z.boolean().nullable(),
};

/** Old values a person must decide (kept as they were; issue 14 item 6), grouped by value. */
export const openValue = z.object({
  /** residenceTitleBasis: a residence permit without its paragraph (title ae_unbestimmt); commune: a home town not set up */
  field: z.enum(['residenceStatus', 'residenceTitleBasis', 'nationality', 'commune']),
  value: z.string(),
  count: z.number().int(),
  participantIds: z.array(z.number().int()),
});
export type OpenValue = z.infer<typeof openValue>;
