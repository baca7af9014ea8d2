import { z } from 'zod';
import { id, idSet, isoDate, optionalText, personName, searchText } from './common.js';
import { participantModelInput, participantModelOutput, titleIssues } from './participant-model.js';
import { residenceGroups } from '../rules/residence-groups.js';
import { todayIso } from './dates.js';

export const genders = ['w', 'm', 'd'] as const;
export const germanLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** An optional date field: forms send "" for an empty date input, the database wants null. */
const optionalDate = z
  .union([z.literal(''), isoDate])
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

/** Empty select values ("") mean "keine Angabe". */
function optionalEnum<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .string()
    .refine((v) => v === '' || (values as readonly string[]).includes(v), { message })
    .nullable()
    .optional()
    .transform((v) => (v ? (v as T[number]) : null));
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A participant as the form, the handler and the service validate it. The commune's existence and the case
 * number's uniqueness need the database and are checked in the service with the same field paths.
 */
export const participantInput = z
  .object({
    lastName: personName(120),
    firstName: personName(120),
    birthDate: optionalDate,
    gender: optionalEnum(genders, 'w, m, d oder keine Angabe'),
    nationality: optionalText(100),
    communeId: id.nullable().optional().transform((v) => v ?? null),
    // any text: a title's label, a spelling the catalogue maps, or an old value kept until a person decides it —
    // an old value never blocks saving (issue 14 item 6); `titles` (participant-model.ts) is the structured form
    residenceStatus: optionalText(200),
    arrivalInSaxony: optionalDate,
    germanLevel: optionalEnum(germanLevels, 'Sprachniveau A1 bis C2'),
    phone: optionalText(60),
    email: optionalText(200).refine((v) => v === null || emailPattern.test(v), { message: 'Keine gültige E-Mail-Adresse' }),
    caseNumber: optionalText(60),
    caseManager: optionalText(200),
    referredBy: optionalText(200),
    socialWorker: optionalText(200),
    consentDate: optionalDate,
    consentPrograms: idSet,
    consentSuccessStory: z.boolean().default(false),
    consentSharePartners: z.boolean().default(false),
    consentWithdrawnOn: optionalDate,
    notes: optionalText(4000, { multiline: true }),
    ...participantModelInput,
  })
  .superRefine((p, ctx) => {
    for (const issue of titleIssues(p.titles)) ctx.addIssue({ code: 'custom', ...issue });
    if (p.arrivalInGermany !== null && p.arrivalInSaxony !== null && p.arrivalInSaxony < p.arrivalInGermany) {
      ctx.addIssue({ code: 'custom', path: ['arrivalInSaxony'], message: 'Die Ankunft in Sachsen liegt vor der Einreise nach Deutschland' });
    }
    if (p.arrivalInGermany !== null && p.arrivalInGermany > todayIso()) {
      ctx.addIssue({ code: 'custom', path: ['arrivalInGermany'], message: 'Das Datum liegt in der Zukunft' });
    }
    const today = todayIso();
    if (p.birthDate !== null) {
      if (p.birthDate > today) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Das Geburtsdatum liegt in der Zukunft' });
      else if (p.birthDate < '1900-01-01') ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Das Geburtsdatum liegt vor 1900' });
    }
    if (p.arrivalInSaxony !== null) {
      if (p.arrivalInSaxony > today) {
        ctx.addIssue({ code: 'custom', path: ['arrivalInSaxony'], message: 'Das Datum liegt in der Zukunft' });
      } else if (p.birthDate !== null && p.arrivalInSaxony < p.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['arrivalInSaxony'], message: 'Das Datum liegt vor dem Geburtsdatum' });
      }
    }
    if (p.consentDate !== null && p.consentDate > today) {
      ctx.addIssue({ code: 'custom', path: ['consentDate'], message: 'Das Datum liegt in der Zukunft' });
    }
    if (p.consentWithdrawnOn !== null && p.consentDate !== null && p.consentWithdrawnOn < p.consentDate) {
      ctx.addIssue({ code: 'custom', path: ['consentWithdrawnOn'], message: 'Der Widerruf liegt vor der Einwilligung' });
    }
  });
export type ParticipantInput = z.input<typeof participantInput>;
export type ParticipantData = z.output<typeof participantInput>;

export const participant = z.object({
  id,
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(genders).nullable(),
  nationality: z.string().nullable(),
  communeId: z.number().int().nullable(),
  communeName: z.string().nullable(),
  /** the home town as an import wrote it when it is no commune of Lotse (kept to decide); null otherwise */
  communeText: z.string().nullable(),
  residenceStatus: z.string().nullable(),
  arrivalInSaxony: z.string().nullable(),
  germanLevel: z.enum(germanLevels).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  caseNumber: z.string().nullable(),
  caseManager: z.string().nullable(),
  referredBy: z.string().nullable(),
  socialWorker: z.string().nullable(),
  consentDate: z.string().nullable(),
  consentPrograms: z.array(z.number().int()),
  consentSuccessStory: z.boolean(),
  consentSharePartners: z.boolean(),
  consentWithdrawnOn: z.string().nullable(),
  notes: z.string().nullable(),
  ...participantModelOutput,
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Participant = z.infer<typeof participant>;

/** A possible duplicate under the DOMAIN.md rule, shown to the user so they can open it instead. */
export const duplicateMatch = z.object({
  id,
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  birthDate: z.string().nullable(),
  caseNumber: z.string().nullable(),
  /** which part of the rule matched */
  by: z.enum(['name', 'caseNumber']),
  archived: z.boolean(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

export const enrollmentStatuses = ['interessiert', 'aktiv', 'abgeschlossen', 'abgebrochen'] as const;

export const participantSortKeys = ['name', 'birthDate', 'commune', 'caseNumber', 'createdAt', 'updatedAt'] as const;

export const participantListInput = z.object({
  search: searchText(200).default(''),
  communeId: id.nullable().default(null),
  programId: id.nullable().default(null),
  enrollmentStatus: z.enum(enrollmentStatuses).nullable().default(null),
  residenceStatus: z.string().max(100).nullable().default(null),
  includeArchived: z.boolean().default(false),
  sort: z.enum(participantSortKeys).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ParticipantListInput = z.input<typeof participantListInput>;

export const participantListRow = z.object({
  id,
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(genders).nullable(),
  nationality: z.string().nullable(),
  communeName: z.string().nullable(),
  residenceStatus: z.string().nullable(),
  /** group of the current title; null when none or an old value to decide */
  residenceGroup: z.enum(residenceGroups).nullable(),
  nationalityCode: z.string().nullable(),
  germanLevel: z.enum(germanLevels).nullable(),
  caseNumber: z.string().nullable(),
  caseManager: z.string().nullable(),
  archived: z.boolean(),
});
export type ParticipantListRow = z.infer<typeof participantListRow>;

export const participantList = z.object({ total: z.number().int(), rows: z.array(participantListRow) });

/** Kinds of record an audit snapshot refers to by id, which the Verlauf shows by name. */
export const historyRefKinds = ['program', 'commune', 'organisation', 'fair', 'activity'] as const;
/** A referenced record as the Verlauf shows it: its current name, or null when it no longer exists ("(gelöscht)"). */
export const historyRef = z.object({ kind: z.enum(historyRefKinds), id: z.number().int(), name: z.string().nullable() });
export type HistoryRef = z.infer<typeof historyRef>;

/**
 * One entry of a person's Verlauf: what happened, which fields changed from what to what, and what it concerned
 * (`context`: e.g. the program of an enrollment, the program and commune of a placement). Ids stored in the audit
 * snapshots are resolved to names when the Verlauf is read; the stored rows are never rewritten.
 */
export const historyEntry = z.object({
  id,
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  details: z.string().nullable(),
  redacted: z.boolean(),
  changes: z.array(
    // the refs are present only when the field holds an id of another record
    z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), beforeRef: historyRef.optional(), afterRef: historyRef.optional() }),
  ),
  context: z.array(historyRef),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
