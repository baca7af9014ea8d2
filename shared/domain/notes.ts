import { z } from 'zod';
import { id, isoDate, plainText } from './common.js';

export const noteKinds = ['beratung', 'telefonat', 'hausbesuch', 'email'] as const;
export const noteKind = z.enum(noteKinds);
export type NoteKind = z.infer<typeof noteKind>;

export const noteInput = z.object({
  participantId: id,
  date: isoDate,
  kind: noteKind,
  text: plainText(5000, { multiline: true }, 1),
  /** a date to get back to the person: it appears on Heute from that day */
  followUpOn: isoDate.nullable().optional().transform((v) => v ?? null),
});
export type NoteInput = z.input<typeof noteInput>;

export const note = z.object({
  id,
  participantId: id,
  date: isoDate,
  kind: noteKind,
  text: z.string(),
  followUpOn: isoDate.nullable(),
});
export type Note = z.infer<typeof note>;

export const noteQuery = z.object({
  participantId: id,
  /** words the text must contain (case and accents ignored) */
  search: plainText(200).optional(),
});
