import { z } from 'zod';

/**
 * A program's eligibility rule is data, not code: a tree of AND/OR groups over a few condition kinds.
 * Kept deliberately small so coordinators can edit it in a form and auditors can read it.
 */
export const residenceStatuses = [
  'Aufenthaltsgestattung',
  'Duldung',
  'Aufenthaltserlaubnis',
  'Niederlassungserlaubnis',
  'EU',
] as const;

export const eligibilityCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('residenceCommune'), communeIds: z.array(z.number().int().positive()).min(1) }),
  z.object({ kind: z.literal('residenceStatus'), statuses: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('minAge'), years: z.number().int().min(0).max(120) }),
  z.object({ kind: z.literal('maxYearsInSaxony'), years: z.number().int().min(0).max(100) }),
]);
export type EligibilityCondition = z.infer<typeof eligibilityCondition>;

export interface EligibilityGroup {
  op: 'and' | 'or';
  items: Array<EligibilityCondition | EligibilityGroup>;
}

export const eligibilityGroup: z.ZodType<EligibilityGroup> = z.lazy(() =>
  z.object({
    op: z.enum(['and', 'or']),
    items: z.array(z.union([eligibilityCondition, eligibilityGroup])),
  }),
);

/** An empty AND group: everybody is eligible. */
export const openRule: EligibilityGroup = { op: 'and', items: [] };
