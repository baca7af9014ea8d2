import type { Kysely } from 'kysely';
import { ddlFor } from '../engine/ddl.js';

/**
 * The coordinator's day (issue 18): documents per person with an optional encrypted file, reminder rules as data,
 * the done/snoozed state of computed reminders, manual tasks and a contact log per person.
 *
 * The encrypted file bytes live in a BLOB (SQLite) / BYTEA (PostgreSQL) column of their own table, not in a folder
 * beside the database: in team mode there is no folder all clients share, and one storage for both engines keeps
 * erasure, backup and restore as they are (a row delete inside the anonymisation's transaction, the file travels
 * inside the encrypted backup). The separate table keeps the bytes out of list queries and out of the generic
 * Art. 15 table dump (it has no participant_id; the export lists the documents instead).
 *
 * Reminders themselves are not stored: they are computed from the data each time, so they never go stale. Only a
 * person's decision about one reminder (done, snoozed with reason) is kept, keyed by what the reminder is about and
 * its due date, so a renewed document (new valid-until) raises a fresh reminder.
 */
export const ruleDefaults: ReadonlyArray<readonly [code: string, days: number]> = [
  ['document_expiry', 30],
  ['placement_papers', 14],
  ['hours_missing', 5],
  ['follow_up_due', 14],
  ['application_unanswered', 14],
  ['consent_expiring', 30],
  ['title_expired', 0],
  ['note_follow_up', 0],
];

const documentKinds = [
  'aufenthaltsdokument',
  'arbeitserlaubnis',
  'teilnahmevereinbarung',
  'einwilligung',
  'lebenslauf',
  'zeugnis',
  'anerkennungsbescheid',
  'sonstiges',
];
const noteKinds = ['beratung', 'telefonat', 'hausbesuch', 'email'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = ddlFor(db);
  const blob = d.engine === 'postgres' ? 'BYTEA' : 'BLOB';
  await d.run(db, [
    `CREATE TABLE person_documents (${d.id},
      participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      ${d.oneOf('kind', documentKinds, { notNull: true })},
      number TEXT, issued_by TEXT,
      valid_from TEXT ${d.isDate('valid_from')}, valid_until TEXT ${d.isDate('valid_until')},
      notes TEXT, ${d.stamps},
      CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until >= valid_from))${d.strict}`,
    `CREATE INDEX person_documents_participant ON person_documents (participant_id, kind)`,
    `CREATE INDEX person_documents_until ON person_documents (valid_until)`,
    `CREATE TABLE person_document_files (
      document_id INTEGER PRIMARY KEY REFERENCES person_documents (id) ON DELETE CASCADE,
      file_name TEXT NOT NULL, ${d.oneOf('mime', ['application/pdf', 'image/jpeg', 'image/png'], { notNull: true })},
      size ${d.integer} NOT NULL, key_kind TEXT NOT NULL, key_id TEXT NOT NULL, iv TEXT NOT NULL,
      content ${blob} NOT NULL, ${d.stamps})${d.strict}`,
    `CREATE TABLE reminder_rules (code TEXT PRIMARY KEY, days INTEGER NOT NULL CHECK (days >= 0 AND days <= 366),
      ${d.bool('active', 1)}, ${d.stamps})${d.strict}`,
    `CREATE TABLE tasks (${d.id},
      participant_id INTEGER REFERENCES participants (id) ON DELETE CASCADE,
      title TEXT NOT NULL, due_on TEXT NOT NULL ${d.isDate('due_on')}, notes TEXT, ${d.stamps})${d.strict}`,
    `CREATE INDEX tasks_due ON tasks (due_on)`,
    `CREATE TABLE reminder_states (${d.id}, reminder_key TEXT NOT NULL UNIQUE, rule TEXT NOT NULL,
      participant_id INTEGER REFERENCES participants (id) ON DELETE CASCADE,
      ${d.oneOf('state', ['done', 'snoozed'], { notNull: true })},
      snoozed_until TEXT ${d.isDate('snoozed_until')}, reason TEXT, ${d.stamps},
      CHECK (state = 'done' OR (snoozed_until IS NOT NULL AND reason IS NOT NULL)))${d.strict}`,
    `CREATE INDEX reminder_states_participant ON reminder_states (participant_id)`,
    `CREATE TABLE notes (${d.id},
      participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      date TEXT NOT NULL ${d.isDate('date')}, ${d.oneOf('kind', noteKinds, { notNull: true })},
      text TEXT NOT NULL, follow_up_on TEXT ${d.isDate('follow_up_on')}, ${d.stamps})${d.strict}`,
    `CREATE INDEX notes_participant ON notes (participant_id, date)`,
    `CREATE INDEX notes_follow_up ON notes (follow_up_on)`,
    // Heute asks these on every start: only rows that carry a date are indexed, so imports pay nothing for the rest
    `CREATE INDEX participants_consent_expires ON participants (consent_expires_on) WHERE consent_expires_on IS NOT NULL`,
    `CREATE INDEX participant_titles_until ON participant_titles (valid_until) WHERE valid_until IS NOT NULL`,
    ...ruleDefaults.map(([code, days]) => `INSERT INTO reminder_rules (code, days) VALUES ('${code}', ${days})`),
  ]);
}
