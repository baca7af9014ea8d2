import { z } from 'zod';
import { id, isoDate, optionalText } from './common.js';

/** Kinds of documents a person holds, in the order the form offers them. */
export const personDocumentKinds = [
  'aufenthaltsdokument',
  'arbeitserlaubnis',
  'teilnahmevereinbarung',
  'einwilligung',
  'lebenslauf',
  'zeugnis',
  'anerkennungsbescheid',
  'sonstiges',
] as const;
export const personDocumentKind = z.enum(personDocumentKinds);
export type PersonDocumentKind = z.infer<typeof personDocumentKind>;

export const personDocumentKindLabels: Record<PersonDocumentKind, string> = {
  aufenthaltsdokument: 'Aufenthaltsdokument',
  arbeitserlaubnis: 'Arbeitserlaubnis / Beschäftigungserlaubnis',
  teilnahmevereinbarung: 'Teilnahmevereinbarung',
  einwilligung: 'Einwilligung',
  lebenslauf: 'Lebenslauf',
  zeugnis: 'Zeugnis',
  anerkennungsbescheid: 'Anerkennungsbescheid',
  sonstiges: 'Sonstiges',
};

/** File types a document may carry, recognised by their first bytes, never by the name. */
export const personDocumentMimes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type PersonDocumentMime = (typeof personDocumentMimes)[number];

const optionalDate = isoDate.nullable().optional().transform((v) => v ?? null);

export const personDocumentInput = z
  .object({
    participantId: id,
    kind: personDocumentKind,
    number: optionalText(100),
    issuedBy: optionalText(200),
    validFrom: optionalDate,
    validUntil: optionalDate,
    notes: optionalText(2000, { multiline: true }),
  })
  .superRefine((d, ctx) => {
    if (d.validFrom && d.validUntil && d.validUntil < d.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Gültig bis liegt vor gültig ab' });
    }
  });
export type PersonDocumentInput = z.input<typeof personDocumentInput>;

export const personDocument = z.object({
  id,
  participantId: id,
  kind: personDocumentKind,
  number: z.string().nullable(),
  issuedBy: z.string().nullable(),
  validFrom: isoDate.nullable(),
  validUntil: isoDate.nullable(),
  notes: z.string().nullable(),
  file: z.object({ name: z.string(), mime: z.enum(personDocumentMimes), size: z.number().int() }).nullable(),
});
export type PersonDocument = z.infer<typeof personDocument>;

/** The upload limit of a document file, a setting (bytes). */
export const personDocumentSettings = z.object({
  maxFileBytes: z.number().int().min(10_000).max(100 * 1024 * 1024),
});
export type PersonDocumentSettings = z.infer<typeof personDocumentSettings>;
export const defaultPersonDocumentSettings: PersonDocumentSettings = { maxFileBytes: 10 * 1024 * 1024 };
