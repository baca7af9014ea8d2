import { z } from 'zod';
import { procedure } from './define.js';
import { id, isoDate } from '../domain/common.js';
import {
  anonymiseResult,
  consent,
  consentInput,
  consentReviewItem,
  programPrivacy,
  programPrivacyInput,
  retentionItem,
} from '../domain/privacy.js';

const fileRef = z.object({ handle: z.string(), name: z.string() });

export const privacyContract = {
  /** Per program: legal-basis fields, Art. 9 fields with reason, retention years, final report date. */
  'privacy.programs': procedure({ input: z.object({}).default({}), output: z.array(programPrivacy) }),
  /** Saves one program's data protection settings; audited. */
  'privacy.updateProgram': procedure({
    input: z.object({ programId: id, data: programPrivacyInput }),
    output: programPrivacy,
  }),
  /** People whose programs are all past retention ("Aufbewahrungsfrist abgelaufen"), not yet anonymised. */
  'privacy.pastRetention': procedure({
    input: z.object({ today: isoDate.optional() }).default({}),
    output: z.array(retentionItem),
  }),
  /**
   * Anonymises one person ("Recht auf Löschung") or everyone past retention. Keeps what the figures need
   * (gender, birth year, nationality, commune, residence status, all counts), removes the rest, then VACUUMs
   * so the bytes are gone from the file. `dryRun` only lists.
   */
  'privacy.anonymise': procedure({
    input: z.union([
      z.object({
        participantId: id,
        dryRun: z.boolean().default(false),
        /** recorded in the log: a deletion request (default) or the retention clean-up of one person */
        reason: z.enum(['request', 'retention']).default('request'),
      }),
      z.object({ pastRetention: z.literal(true), dryRun: z.boolean().default(false) }),
    ]),
    output: anonymiseResult,
  }),
  /** "Einwilligungen prüfen": missing, withdrawn, expired and soon expiring consents. */
  'privacy.consentReview': procedure({
    input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).default({ limit: 500 }),
    output: z.object({ total: z.number().int(), items: z.array(consentReviewItem) }),
  }),
  /** A person's consent and its state today. */
  'privacy.consent': procedure({ input: z.object({ participantId: id }), output: consent }),
  /** Records (replaces) a person's consent; clears an earlier withdrawal. Audited. */
  'privacy.recordConsent': procedure({ input: consentInput, output: consent }),
  /**
   * Records a withdrawal: sets consent_withdrawn_on AND clears the success-story and partner-sharing flags, so
   * any reader of either column stops publishing. Audited.
   */
  'privacy.withdrawConsent': procedure({
    input: z.object({ participantId: id, date: isoDate }),
    output: consent,
  }),
  /** Art. 15 access request: everything held on one person as JSON and as a readable PDF; logged. */
  'privacy.accessExport': procedure({
    input: z.object({ participantId: id }),
    output: z.object({ json: fileRef, pdf: fileRef, tables: z.record(z.string(), z.number().int()) }),
  }),
};
