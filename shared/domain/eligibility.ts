import { z } from 'zod';
import { residenceGroups } from '../rules/residence-groups.js';
import { employmentStatuses } from './participant-model.js';

/**
 * A program's eligibility rule is data, not code: a tree of AND/OR groups over a few condition kinds.
 * Kept deliberately small so coordinators can edit it in a form and auditors can read it.
 *
 * The five values of the first version; the 'residenceStatus' condition still reads them (each title of the
 * catalogue falls under one of them), new rules test the title group or its attributes instead (issue 14).
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
  // issue 14: the title's group and the attributes the catalogue derives, and the person's characteristics
  z.object({ kind: z.literal('titleGroup'), groups: z.array(z.enum(residenceGroups)).min(1) }),
  /** entitled under the AsylbLG: the person's own value, else the title's */
  z.object({ kind: z.literal('asylblgEntitled') }),
  z.object({ kind: z.literal('labourMarketAccess'), access: z.array(z.enum(['allowed', 'permission'])).min(1) }),
  /** seeks or has protection: the current title, or an earlier one that granted it */
  z.object({ kind: z.literal('seekingProtection') }),
  z.object({ kind: z.literal('migrationBackground') }),
  z.object({ kind: z.literal('employmentStatus'), statuses: z.array(z.enum(employmentStatuses)).min(1) }),
  z
    .object({ kind: z.literal('ageRange'), min: z.number().int().min(0).max(120).nullable(), max: z.number().int().min(0).max(120).nullable() })
    .refine((c) => c.min !== null || c.max !== null, { message: 'Mindest- oder Höchstalter angeben' }),
  z.object({ kind: z.literal('maxYearsInGermany'), years: z.number().int().min(0).max(100) }),
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
