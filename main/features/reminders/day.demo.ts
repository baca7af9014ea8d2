import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DemoStep } from '../demo/demo.seed.js';
import { addDays, todayIso } from '../../../shared/domain/dates.js';

/**
 * The coordinator's day in the demo: documents, a consent, a title, a contact note and tasks that fall due around
 * the day the demo is loaded, so Heute shows something of every kind the demo's own records do not already raise
 * (AGH placements without papers and follow-ups after exit come from the other steps). Dates are relative to the
 * seeding day on purpose: fixed dates would all be overdue a month later. Nothing here enters a figure.
 */
export const dayDemoStep: DemoStep = async (db: Kysely<Database>): Promise<Record<string, number>> => {
  const today = todayIso();
  const people = await db
    .selectFrom('placements')
    .select('participant_id')
    .where('status', '=', 'aktiv')
    .groupBy('participant_id')
    .orderBy('participant_id')
    .limit(4)
    .execute();
  const [a, b, c, d] = people.map((p) => p.participant_id);
  if (d === undefined) return {};
  await db
    .insertInto('person_documents')
    .values([
      { participant_id: a!, kind: 'aufenthaltsdokument', number: 'D-0815', issued_by: 'Landratsamt Mittelsachsen, Ausländerbehörde', valid_from: addDays(today, -340), valid_until: addDays(today, 20) },
      { participant_id: b!, kind: 'arbeitserlaubnis', issued_by: 'Landratsamt Mittelsachsen, Ausländerbehörde', valid_from: addDays(today, -180), valid_until: addDays(today, -5) },
      { participant_id: c!, kind: 'lebenslauf', valid_from: null, valid_until: null },
    ])
    .execute();
  await db.updateTable('participants').set({ consent_expires_on: addDays(today, 10) }).where('id', '=', c!).execute();
  await expireCurrentTitle(db, d, addDays(today, -3));
  await db
    .insertInto('notes')
    .values({ participant_id: a!, date: addDays(today, -7), kind: 'telefonat', text: 'Termin bei der Ausländerbehörde besprochen; Verlängerung ist beantragt.', follow_up_on: addDays(today, 2) })
    .execute();
  await db
    .insertInto('tasks')
    .values([
      { participant_id: null, title: 'Quartalsbericht an das Landratsamt vorbereiten', due_on: addDays(today, 1) },
      { participant_id: b!, title: 'Bewerbungsmappe durchsehen', due_on: today },
    ])
    .execute();
  return { personDocuments: 3, notes: 1, tasks: 2 };
};

/** Lets a person's current title end on `until` (a Duldung runs out), or records one that did. */
async function expireCurrentTitle(db: Kysely<Database>, participantId: number, until: string): Promise<void> {
  const current = await db
    .selectFrom('participant_titles')
    .select(['id', 'valid_from'])
    .where('participant_id', '=', participantId)
    .where('valid_until', 'is', null)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  if (current && (current.valid_from === null || current.valid_from <= until)) {
    await db.updateTable('participant_titles').set({ valid_until: until }).where('id', '=', current.id).execute();
    return;
  }
  await db.insertInto('participant_titles').values({ participant_id: participantId, title_code: 'duldung', valid_from: addDays(until, -180), valid_until: until }).execute();
}
