import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';
import { eligibilityGroup, openRule } from './eligibility.js';
import { outcomeKinds } from './outcomes.js';

/**
 * What a program may count as success: any outcome kind, plus the pseudo key 'sv_beschaeftigung_qualifiziert'
 * (employment subject to social insurance flagged qualifikationsadäquat). The Dresden mentoring program counts
 * apprenticeship and qualified employment, which is the default.
 */
export const successKeys = [...outcomeKinds, 'sv_beschaeftigung_qualifiziert'] as const;
export const successKey = z.enum(successKeys);
export type SuccessKey = z.infer<typeof successKey>;
export const defaultSuccessKinds: SuccessKey[] = ['ausbildung', 'sv_beschaeftigung_qualifiziert'];
export const successKeyLabels: Record<SuccessKey, string> = {
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
  sv_beschaeftigung_qualifiziert: 'Sozialversicherungspflichtige Beschäftigung (qualifikationsadäquat)',
};

/**
 * Planned values of the grant decision, each for the whole program duration. The actual value of a report is
 * the matching figure of its period (see README "How figures are counted").
 */
export const targetKeys = ['participants', 'success', 'employersSupported', 'aghPeople', 'fairs', 'activitySessions'] as const;
export const targetKey = z.enum(targetKeys);
export type TargetKey = z.infer<typeof targetKey>;
export const targetLabels: Record<TargetKey, string> = {
  participants: 'Teilnehmende',
  success: 'Vermittlungen (Erfolg)',
  employersSupported: 'Arbeitgebende begleitet',
  aghPeople: 'Personen in AGH',
  fairs: 'Firmenkontaktmessen',
  activitySessions: 'Veranstaltungen (Seminare, Coachings, Exkursionen)',
};

export const programTargetInput = z.object({
  key: targetKey,
  planned: z.number().int({ message: 'Ganze Zahl erwartet' }).min(0, { message: 'Nicht negativ' }).max(1_000_000),
});
export type ProgramTargetInput = z.infer<typeof programTargetInput>;

export const programTarget = programTargetInput.extend({ label: z.string() });
export type ProgramTarget = z.infer<typeof programTarget>;

export const programCommuneInput = z.object({
  communeId: id,
  slots: z.number().int({ message: 'Ganze Zahl erwartet' }).min(0, { message: 'Nicht negativ' }).max(10000),
});

export const programInput = z
  .object({
    name: requiredText(160),
    operator: optionalText(200),
    funder: optionalText(200),
    fundingGuideline: optionalText(300),
    grantReference: optionalText(100),
    startDate: isoDate,
    endDate: isoDate.nullable().optional().transform((v) => v ?? null),
    /** Aufwandsentschädigung per AGH hour in cents; 80 = 0,80 € as in Mittelsachsen */
    hourlyRateCents: z.number().int().min(0).max(100000).default(80),
    eligibilityRule: eligibilityGroup.default(openRule),
    communes: z.array(programCommuneInput).default([]),
    /** months after exit in which outcomes and the follow-up still belong to the enrollment */
    followUpMonths: z.number().int({ message: 'Ganze Monate erwartet' }).min(0, { message: 'Nicht negativ' }).max(36, { message: 'Höchstens 36 Monate' }).default(6),
    successKinds: z.array(successKey).min(1, { message: 'Mindestens eine Art des Erfolgs wählen' }).default(defaultSuccessKinds),
    targets: z.array(programTargetInput).default([]),
    /** funded by ESF Plus: the report gains the sheet of common output indicators; left out = unchanged (off when new) */
    esfPlus: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.endDate !== null && p.endDate < p.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Das Ende liegt vor dem Beginn' });
    }
    const seen = new Set<number>();
    p.communes.forEach((c, i) => {
      if (seen.has(c.communeId)) {
        ctx.addIssue({ code: 'custom', path: ['communes', i, 'communeId'], message: 'Kommune doppelt' });
      }
      seen.add(c.communeId);
    });
    const keys = new Set<string>();
    p.targets.forEach((t, i) => {
      if (keys.has(t.key)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'key'], message: 'Ziel doppelt' });
      keys.add(t.key);
    });
    if (new Set(p.successKinds).size !== p.successKinds.length) {
      ctx.addIssue({ code: 'custom', path: ['successKinds'], message: 'Art doppelt' });
    }
  });
export type ProgramInput = z.input<typeof programInput>;

export const programCommune = z.object({
  communeId: id,
  communeName: z.string(),
  district: z.string().nullable(),
  ags: z.string().nullable(),
  slots: z.number().int(),
});
export type ProgramCommune = z.infer<typeof programCommune>;

export const program = z.object({
  id,
  name: z.string(),
  operator: z.string().nullable(),
  funder: z.string().nullable(),
  fundingGuideline: z.string().nullable(),
  grantReference: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hourlyRateCents: z.number().int(),
  eligibilityRule: eligibilityGroup,
  communes: z.array(programCommune),
  followUpMonths: z.number().int(),
  successKinds: z.array(successKey),
  /** in the order of targetKeys; keys without a planned value are left out */
  targets: z.array(programTarget),
  esfPlus: z.boolean(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Program = z.infer<typeof program>;
