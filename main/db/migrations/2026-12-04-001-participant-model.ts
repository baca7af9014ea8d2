import { sql, type Kysely } from 'kysely';
import { mapEntryCodes, mapFreeTextValues } from '../../features/participants/participant-model.sql.js';

/**
 * A participant model that matches funding reality (issue 14):
 * - residence titles from a catalogue, with a history per person (participant_titles); participants keep the
 *   current title's code (residence_title_code) and its German label (residence_status);
 * - nationality as an ISO 3166-1 code (nationality_code) next to the text;
 * - characteristics at entry a funder asks for (employment status, ISCED group, recognition of a foreign
 *   qualification, migration background, arrival in Germany, interpreter language, childcare need) on the person
 *   and in the enrollment's entry snapshot, with the title code and nationality code at entry.
 * Existing free-text statuses and nationalities are mapped through the catalogues; what they cannot map stays as
 * it was (code NULL) and is listed for a person to decide (participants.openValues). Nothing is deleted.
 */
const now = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const isDate = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;
const bool = (col: string) => `${col} INTEGER CHECK (${col} IS NULL OR ${col} IN (0, 1))`;
const oneOf = (col: string, values: string[]) => `${col} TEXT CHECK (${col} IS NULL OR ${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

const employment = ['arbeitslos', 'langzeitarbeitslos', 'nicht_erwerbstaetig', 'erwerbstaetig', 'ausbildung_schule'];
const isced = ['isced_0_2', 'isced_3_4', 'isced_5_8'];
const recognition = ['nicht_beantragt', 'beantragt', 'teilweise', 'voll'];

/** The characteristics, as columns of participants (plain) and enrollments (entry_ prefix). */
const characteristics = (prefix: string) => [
  oneOf(`${prefix}employment_status`, employment),
  oneOf(`${prefix}isced_group`, isced),
  oneOf(`${prefix}qualification_recognition`, recognition),
  bool(`${prefix}migration_background`),
  `${prefix}arrival_in_germany TEXT ${isDate(`${prefix}arrival_in_germany`)}`,
  `${prefix}interpreter_language TEXT`,
  bool(`${prefix}childcare_need`),
];

const schema = [
  `ALTER TABLE participants ADD COLUMN residence_title_code TEXT`,
  `ALTER TABLE participants ADD COLUMN nationality_code TEXT`,
  `ALTER TABLE participants ADD COLUMN ${bool('asylblg_entitled')}`,
  ...characteristics('').map((c) => `ALTER TABLE participants ADD COLUMN ${c}`),
  `CREATE INDEX participants_title ON participants (residence_title_code)`,

  `CREATE TABLE participant_titles (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    title_code TEXT NOT NULL,
    valid_from TEXT ${isDate('valid_from')},
    valid_until TEXT ${isDate('valid_until')},
    created_at TEXT NOT NULL DEFAULT ${now},
    updated_at TEXT NOT NULL DEFAULT ${now},
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until >= valid_from)
  ) STRICT`,
  `CREATE INDEX participant_titles_participant ON participant_titles (participant_id, valid_from)`,

  `ALTER TABLE enrollments ADD COLUMN entry_title_code TEXT`,
  `ALTER TABLE enrollments ADD COLUMN entry_nationality_code TEXT`,
  ...characteristics('entry_').map((c) => `ALTER TABLE enrollments ADD COLUMN ${c}`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of schema) {
    await sql.raw(statement).execute(db);
  }
  await mapFreeTextValues(db);
  // snapshots already taken name their title and country: mapped from the texts they hold
  await mapEntryCodes(db);
}
