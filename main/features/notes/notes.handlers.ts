import type { Handlers } from '../../api/router.js';
import { createNote, deleteNote, listNotes, updateNote } from './notes.service.js';

export const notesHandlers = {
  'notes.list': async ({ participantId, search }, ctx) => listNotes(ctx.reader, participantId, search),
  'notes.create': async (input, ctx) => createNote(ctx.db, input),
  'notes.update': async ({ id, data }, ctx) => updateNote(ctx.db, id, data),
  'notes.delete': async ({ id }, ctx) => deleteNote(ctx.db, id),
} satisfies Partial<Handlers>;
