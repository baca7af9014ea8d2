import { z } from 'zod';
import { id, isoDate, optionalText } from './common.js';

export const applicationStatuses = ['in_arbeit', 'versendet', 'einladung', 'zusage', 'absage', 'zurueckgezogen'] as const;
export const applicationStatus = z.enum(applicationStatuses);

/** Outcome kinds of DOMAIN.md (at exit), in the order reports list them. */
export const outcomeKinds = [
  'sv_beschaeftigung',
  'ausbildung',
  'einstiegsqualifizierung',
  'minijob',
  'praktikum',
  'weiterbildung',
  'sprachkurs',
  'schule',
  'arbeitssuchend',
  'unbekannt',
] as const;
export const outcomeKind = z.enum(outcomeKinds);
export type OutcomeKind = z.infer<typeof outcomeKind>;

export const outcomeKindLabels: Record<OutcomeKind, string> = {
  sv_beschaeftigung: 'Sozialversicherungspflichtige Beschäftigung',
  ausbildung: 'Berufsausbildung',
  einstiegsqualifizierung: 'Einstiegsqualifizierung',
  minijob: 'Minijob',
  praktikum: 'Praktikum',
  weiterbildung: 'Weiterbildung',
  sprachkurs: 'Sprachkurs',
  schule: 'Schule/Studium',
  arbeitssuchend: 'arbeitsuchend',
  unbekannt: 'unbekannt',
};

/** Outcomes that count as a hire by the organisation on a company's page. */
export const hireKinds: readonly OutcomeKind[] = ['sv_beschaeftigung', 'ausbildung', 'einstiegsqualifizierung', 'minijob', 'praktikum'];

const optionalId = id.nullable().optional().transform((v) => v ?? null);

export const applicationInput = z.object({
  participantId: id,
  organisationId: optionalId,
  position: optionalText(200),
  appliedOn: isoDate,
  status: applicationStatus.default('versendet'),
  /** the fair the application came from, so it is credited back to it */
  fairId: optionalId,
  notes: optionalText(2000, { multiline: true }),
});
export type ApplicationInput = z.input<typeof applicationInput>;

export const application = z.object({
  id,
  participantId: id,
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  position: z.string().nullable(),
  appliedOn: isoDate,
  status: applicationStatus,
  fairId: z.number().int().nullable(),
  fairTitle: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Application = z.infer<typeof application>;

export const outcomeInput = z.object({
  participantId: id,
  programId: optionalId,
  kind: outcomeKind,
  date: isoDate,
  /** qualifikationsadäquat; only meaningful for sv_beschaeftigung, stored as false for other kinds */
  qualified: z.boolean().default(false),
  organisationId: optionalId,
  sourceFairId: optionalId,
  sourceActivityId: optionalId,
  sourcePlacementId: optionalId,
  notes: optionalText(2000, { multiline: true }),
});
export type OutcomeInput = z.input<typeof outcomeInput>;

export const outcome = z.object({
  id,
  participantId: id,
  programId: z.number().int().nullable(),
  /** the enrollment the outcome belongs to; null = not anchored (a finding of the checks) */
  enrollmentId: z.number().int().nullable(),
  kind: outcomeKind,
  date: isoDate,
  qualified: z.boolean(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  sourceFairId: z.number().int().nullable(),
  sourceFairTitle: z.string().nullable(),
  sourceActivityId: z.number().int().nullable(),
  sourceActivityTitle: z.string().nullable(),
  sourcePlacementId: z.number().int().nullable(),
  notes: z.string().nullable(),
});
export type Outcome = z.infer<typeof outcome>;

/** Follow-up of an exited enrollment: due at exit + the program's follow-up months, result recorded later. */
export const followUp = z.object({
  id,
  enrollmentId: id,
  participantId: id,
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  programId: id,
  programName: z.string(),
  exitDate: isoDate,
  dueOn: isoDate,
  checkedOn: isoDate.nullable(),
  resultKind: outcomeKind.nullable(),
  /** the result at exit still holds */
  lasted: z.boolean().nullable(),
  notes: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUp>;

export const followUpQuery = z
  .object({
    programId: id.optional(),
    /** only follow-ups due on or before this day (open and done) */
    dueBy: isoDate.optional(),
    /** only follow-ups without a recorded check */
    openOnly: z.boolean().default(false),
  })
  .default({ openOnly: false });
export type FollowUpQuery = z.input<typeof followUpQuery>;

export const followUpResultInput = z.object({
  id,
  checkedOn: isoDate,
  resultKind: outcomeKind.nullable().optional().transform((v) => v ?? null),
  lasted: z.boolean().nullable().optional().transform((v) => v ?? null),
  notes: optionalText(2000),
});
export type FollowUpResultInput = z.input<typeof followUpResultInput>;
