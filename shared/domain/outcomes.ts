import { z } from 'zod';
import { id, isoDate, optionalText } from './common.js';

export const applicationStatuses = ['in_arbeit', 'versendet', 'einladung', 'zusage', 'absage', 'zurueckgezogen'] as const;
export const applicationStatus = z.enum(applicationStatuses);

/** Outcome kinds of DOMAIN.md (at exit). */
export const outcomeKinds = [
  'sv_beschaeftigung',
  'minijob',
  'ausbildung',
  'praktikum',
  'weiterbildung',
  'sprachkurs',
  'schule',
  'arbeitssuchend',
  'unbekannt',
] as const;
export const outcomeKind = z.enum(outcomeKinds);
export type OutcomeKind = z.infer<typeof outcomeKind>;

/** Outcomes that count as a hire by the organisation on a company's page. */
export const hireKinds: readonly OutcomeKind[] = ['sv_beschaeftigung', 'minijob', 'ausbildung', 'praktikum'];

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
  kind: outcomeKind,
  date: isoDate,
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
