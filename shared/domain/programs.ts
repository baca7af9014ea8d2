import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';
import { eligibilityGroup, openRule } from './eligibility.js';

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
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Program = z.infer<typeof program>;
