import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';

/** What a company offers at a fair. */
export const fairOffers = ['ausbildung', 'praktikum', 'helfer', 'fachkraft'] as const;
export const fairOffer = z.enum(fairOffers);
export type FairOffer = z.infer<typeof fairOffer>;

/** Result of a conversation participant x company, from weakest to strongest. */
export const contactResults = ['gespraech', 'einladung', 'probetag', 'praktikum', 'ausbildungsvertrag', 'arbeitsvertrag'] as const;
export const contactResult = z.enum(contactResults);
export type ContactResult = z.infer<typeof contactResult>;

export const fairInput = z.object({
  programId: id,
  title: requiredText(200),
  date: isoDate,
  venue: optionalText(200),
  /** program of the day (Ablauf), free text */
  notes: optionalText(4000, { multiline: true }),
});
export type FairInput = z.input<typeof fairInput>;

export const fair = z.object({
  id,
  programId: id,
  programName: z.string(),
  title: z.string(),
  date: isoDate,
  venue: z.string().nullable(),
  notes: z.string().nullable(),
  companies: z.number().int(),
  registered: z.number().int(),
  present: z.number().int(),
  contacts: z.number().int(),
});
export type Fair = z.infer<typeof fair>;

export const fairCompany = z.object({
  organisationId: id,
  name: z.string(),
  sector: z.string().nullable(),
  city: z.string().nullable(),
  offers: z.array(fairOffer),
});
export type FairCompany = z.infer<typeof fairCompany>;

export const fairRegistration = z.object({
  participantId: id,
  name: z.string(),
  birthDate: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** no enrollment in the fair's program on the fair's day: counted as a visitor, never as a participant */
  visitor: z.boolean(),
});
export type FairRegistration = z.infer<typeof fairRegistration>;

export const fairContact = z.object({
  id,
  participantId: id,
  participantName: z.string(),
  organisationId: id,
  organisationName: z.string(),
  result: contactResult,
  notes: z.string().nullable(),
  /** the person has no enrollment in the fair's program on the fair's day */
  visitor: z.boolean(),
});
export type FairContact = z.infer<typeof fairContact>;

export const fairDetail = fair.extend({
  companyList: z.array(fairCompany),
  registrations: z.array(fairRegistration),
  contactList: z.array(fairContact),
});
export type FairDetail = z.infer<typeof fairDetail>;

export const contactInput = z.object({
  fairId: id,
  participantId: id,
  organisationId: id,
  result: contactResult.default('gespraech'),
  notes: optionalText(1000, { multiline: true }),
});
export type ContactInput = z.input<typeof contactInput>;

/** The fair's figures for the Sachbericht, including results found later and credited back to it. */
export const fairFigures = z.object({
  fairId: id,
  registered: z.number().int(),
  present: z.number().int(),
  companies: z.number().int(),
  contacts: z.number().int(),
  contactsByResult: z.record(contactResult, z.number().int()),
  /** applications with fair_id = this fair */
  laterApplications: z.number().int(),
  /** outcomes with source_fair_id = this fair, by kind */
  laterOutcomes: z.number().int(),
  outcomesByKind: z.record(z.string(), z.number().int()),
});
export type FairFigures = z.infer<typeof fairFigures>;

/** Someone found by the check-in or registration search. */
export const personMatch = z.object({
  participantId: id,
  name: z.string(),
  birthDate: z.string().nullable(),
  registered: z.boolean(),
  checkedIn: z.boolean(),
});
export type PersonMatch = z.infer<typeof personMatch>;

/** A participant's fairs and contacts there (tab Kontakte & Bewerbungen). */
export const participantFair = z.object({
  fairId: id,
  title: z.string(),
  date: isoDate,
  checkedIn: z.boolean(),
  contacts: z.array(z.object({ id, organisationId: id, organisationName: z.string(), result: contactResult })),
});
export type ParticipantFair = z.infer<typeof participantFair>;

export const exportFormat = z.enum(['xlsx', 'pdf']);
export const exportedFile = z.object({ handle: z.string(), name: z.string() });
