import type { Kysely } from 'kysely';
import { noteInput, type Note, type NoteInput } from '../../../shared/domain/notes.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

type Row = Pick<Database['notes'], 'participant_id' | 'date' | 'kind' | 'text' | 'follow_up_on'> & { id: number };
const toNote = (r: Row): Note => ({ id: r.id, participantId: r.participant_id, date: r.date, kind: r.kind, text: r.text, followUpOn: r.follow_up_on });

/** Folded for searching: lower case, without diacritics (ä finds a, "Muller" finds "Müller"). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A person's contact log, newest first; `search` keeps notes whose text holds every word. A person's notes are few,
 * so they are filtered here rather than in SQL (no LIKE escaping, the same folding on both engines).
 */
export async function listNotes(db: Db, participantId: number, search?: string): Promise<Note[]> {
  const rows = await db
    .selectFrom('notes')
    .select(['id', 'participant_id', 'date', 'kind', 'text', 'follow_up_on'])
    .where('participant_id', '=', participantId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const words = fold(search ?? '').split(/\s+/).filter(Boolean);
  return rows.filter((r) => words.every((w) => fold(r.text).includes(w))).map(toNote);
}

async function assertPerson(db: Db, participantId: number): Promise<void> {
  const p = await db.selectFrom('participants').select('anonymised_at').where('id', '=', participantId).executeTakeFirst();
  if (!p || p.anonymised_at) {
    throw new AppError('validation', 'Teilnehmende nicht gefunden.', 'Participant not found.', {
      fields: [{ path: 'participantId', message: 'Teilnehmende nicht gefunden', messageEn: 'Participant not found' }],
    });
  }
}

async function getNote(db: Db, id: number): Promise<Note> {
  const row = await db.selectFrom('notes').select(['id', 'participant_id', 'date', 'kind', 'text', 'follow_up_on']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Notiz nicht gefunden.', 'Note not found.');
  return toNote(row);
}

/** The trail records that a contact took place, never what was said. */
const snapshot = (n: ReturnType<typeof noteInput.parse>) => ({ date: n.date, kind: n.kind, followUpOn: n.followUpOn });

export async function createNote(db: Db, input: NoteInput): Promise<Note> {
  const n = noteInput.parse(input);
  await assertPerson(db, n.participantId);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('notes')
      .values({ participant_id: n.participantId, date: n.date, kind: n.kind, text: n.text, follow_up_on: n.followUpOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'note', entityId: row.id, participantId: n.participantId, after: snapshot(n) });
    return row.id;
  });
  return getNote(db, id);
}

export async function updateNote(db: Db, id: number, input: NoteInput): Promise<Note> {
  const n = noteInput.parse(input);
  const before = await getNote(db, id);
  if (before.participantId !== n.participantId) {
    throw new AppError('validation', 'Eine Notiz bleibt bei ihrer Person.', 'A note stays with its person.', {
      fields: [{ path: 'participantId', message: 'Eine Notiz bleibt bei ihrer Person' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('notes')
      .set({ date: n.date, kind: n.kind, text: n.text, follow_up_on: n.followUpOn, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await audit(trx, { action: 'update', entity: 'note', entityId: id, participantId: n.participantId, after: snapshot(n) });
  });
  return getNote(db, id);
}

export async function deleteNote(db: Db, id: number): Promise<{ ok: true }> {
  const before = await getNote(db, id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('notes').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'note', entityId: id, participantId: before.participantId });
  });
  return { ok: true };
}
