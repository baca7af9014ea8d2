import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import { note, noteInput, noteQuery } from '../domain/notes.js';

export const notesContract = {
  /** A person's contact log (Beratung, Telefonat, Hausbesuch, E-Mail), newest first; `search` filters by words. */
  'notes.list': procedure({ input: noteQuery, output: z.array(note) }),
  /** Record a contact; a follow-up date appears on Heute from that day. Audited without the text. */
  'notes.create': procedure({ input: noteInput, output: note }),
  'notes.update': procedure({ input: z.object({ id, data: noteInput }), output: note }),
  'notes.delete': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
};
