import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';

export const organisationKinds = ['company', 'partner'] as const;
export const organisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKind>;

/** Partner types of the source text's network; free text is allowed, these are the suggestions. */
export const partnerTypeSuggestions = [
  'Jobcenter',
  'Agentur für Arbeit',
  'Ausländerbehörde',
  'IHK',
  'HWK',
  'Sozialamt',
  'Flüchtlingssozialarbeit',
  'Bildungsträger',
  'Migrationsberatung',
] as const;

export const companySizes = ['1-9', '10-49', '50-249', '250+'] as const;

export const organisationInput = z.object({
  kind: organisationKind,
  name: requiredText(200),
  sector: optionalText(120),
  partnerType: optionalText(120),
  city: optionalText(120),
  contactPerson: optionalText(160),
  size: optionalText(40),
  email: optionalText(200),
  phone: optionalText(60),
  notes: optionalText(2000, { multiline: true }),
});
export type OrganisationInput = z.input<typeof organisationInput>;

export const organisation = z.object({
  id,
  kind: organisationKind,
  name: z.string(),
  sector: z.string().nullable(),
  partnerType: z.string().nullable(),
  city: z.string().nullable(),
  contactPerson: z.string().nullable(),
  size: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  archived: z.boolean(),
  /** fairs attended and contacts/hires, so the list shows who matters in the network */
  fairCount: z.number().int(),
  contactCount: z.number().int(),
  hireCount: z.number().int(),
});
export type Organisation = z.infer<typeof organisation>;

/** A company's page: where it was, whom it met, who applied and who was hired. */
export const organisationHistory = z.object({
  organisation,
  fairs: z.array(z.object({ fairId: id, title: z.string(), date: isoDate, offers: z.array(z.string()), contacts: z.number().int() })),
  contacts: z.array(
    z.object({ id, fairId: id, fairTitle: z.string(), date: isoDate, participantId: id, participantName: z.string(), result: z.string() }),
  ),
  applications: z.array(
    z.object({ id, participantId: id, participantName: z.string(), position: z.string().nullable(), appliedOn: isoDate, status: z.string() }),
  ),
  hires: z.array(
    z.object({ id, participantId: id, participantName: z.string(), kind: z.string(), date: isoDate, sourceFairId: z.number().int().nullable() }),
  ),
  activities: z.array(z.object({ id, kind: z.string(), title: z.string(), date: isoDate })),
});
export type OrganisationHistory = z.infer<typeof organisationHistory>;
