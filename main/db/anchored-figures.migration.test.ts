import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-db.js';
import { migrateToLatest } from './migrate.js';
import { migrationProvider } from './migrations/index.js';
import { openDatabase, type OpenDatabase } from './open.js';
import type { Database } from './schema.js';

let dir: { dir: string; cleanup: () => void };
let open: OpenDatabase;
beforeEach(async () => {
  dir = tempDir();
  open = await openDatabase(path.join(dir.dir, 'old.sqlite'));
  // a database as the release before issue 13 left it
  const { error } = await new Migrator({ db: open.db, provider: migrationProvider }).migrateTo('2026-11-30-001-figures-summaries');
  if (error) throw error;
});
afterEach(async () => {
  await open.close();
  dir.cleanup();
});

const run = (db: Kysely<unknown>, text: string) => sql.raw(text).execute(db);

/**
 * Old rows, none linked: Amal is active since 2018-01-01, Bashir took part 2018-01-01 … 2018-06-30, Chiara is
 * only interested (no start). The activity is on 2018-03-01, the fair on 2018-05-01.
 */
async function oldRows(db: Kysely<unknown>): Promise<void> {
  await run(db, `INSERT INTO communes (id, name) VALUES (1, 'Dresden'), (2, 'Pirna')`);
  await run(db, `INSERT INTO programs (id, name, start_date) VALUES (1, 'Mentoren', '2016-01-01'), (2, 'Andere', '2016-01-01')`);
  await run(db, `INSERT INTO participants (id, last_name, first_name, birth_date, birth_year, gender, commune_id, residence_status, nationality, german_level)
    VALUES (1, 'A', 'Amal', '1990-05-01', 1990, 'w', 1, 'Duldung', 'syrisch', 'B1'),
           (2, 'B', 'Bashir', NULL, 1985, 'm', 2, 'AE § 25 Abs. 2', NULL, NULL),
           (3, 'C', 'Chiara', NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
  await run(db, `INSERT INTO enrollments (id, participant_id, program_id, status, start_date, end_date)
    VALUES (1, 1, 1, 'aktiv', '2018-01-01', NULL),
           (2, 2, 1, 'abgeschlossen', '2018-01-01', '2018-06-30'),
           (3, 3, 1, 'interessiert', NULL, NULL)`);
  await run(db, `INSERT INTO activities (id, program_id, kind, title, date) VALUES (1, 1, 'seminar', 'S', '2018-03-01')`);
  await run(db, `INSERT INTO attendance (id, activity_id, participant_id, status) VALUES (1, 1, 1, 'anwesend'), (2, 1, 3, 'anwesend')`);
  await run(db, `INSERT INTO organisations (id, kind, name) VALUES (1, 'company', 'Firma')`);
  await run(db, `INSERT INTO fairs (id, program_id, title, date) VALUES (1, 1, 'Börse', '2018-05-01')`);
  await run(db, `INSERT INTO fair_companies (fair_id, organisation_id) VALUES (1, 1)`);
  await run(db, `INSERT INTO fair_registrations (id, fair_id, participant_id) VALUES (1, 1, 1), (2, 1, 3)`);
  await run(db, `INSERT INTO fair_contacts (id, fair_id, participant_id, organisation_id) VALUES (1, 1, 1, 1), (2, 1, 3, 1)`);
  // Bashir: one result inside exit + 6 months, one after it; Amal: one recorded without a program
  await run(db, `INSERT INTO outcomes (id, participant_id, program_id, kind, date)
    VALUES (7, 2, 1, 'ausbildung', '2018-12-30'), (8, 2, 1, 'sprachkurs', '2018-12-31'), (9, 1, NULL, 'minijob', '2018-04-01')`);
}

describe('migration 2026-12-03-001 (anchored figures) on an existing database', () => {
  it('links old rows by the anchor rule and keeps the rows it cannot link', async () => {
    await oldRows(open.db as unknown as Kysely<unknown>);
    const result = await migrateToLatest(open);
    // later migrations run after it
    expect(result.applied[0]).toBe('2026-12-03-001-anchored-figures');
    const db = open.db as unknown as Kysely<Database>;

    const links = async (table: 'attendance' | 'fair_registrations' | 'fair_contacts') =>
      (await db.selectFrom(table).select(['id', 'enrollment_id']).orderBy('id').execute()).map((r) => [r.id, r.enrollment_id]);
    expect(await links('attendance')).toEqual([[1, 1], [2, null]]);
    expect(await links('fair_registrations')).toEqual([[1, 1], [2, null]]);
    expect(await links('fair_contacts')).toEqual([[1, 1], [2, null]]);
    const outcomes = await db.selectFrom('outcomes').select(['id', 'program_id', 'enrollment_id', 'qualified']).orderBy('id').execute();
    expect(outcomes).toEqual([
      { id: 7, program_id: 1, enrollment_id: 2, qualified: 0 },
      { id: 8, program_id: 1, enrollment_id: null, qualified: 0 },
      // an outcome without a program takes the program of the enrollment that covers it
      { id: 9, program_id: 1, enrollment_id: 1, qualified: 0 },
    ]);

    // characteristics at entry from the values the people have now; nothing for the interested person
    const entries = await db
      .selectFrom('enrollments')
      .select(['id', 'entry_birth_year', 'entry_gender', 'entry_commune_id', 'entry_residence_status', 'entry_residence_group', 'entry_german_level', 'entry_snapshot_on'])
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { id: 1, entry_birth_year: 1990, entry_gender: 'w', entry_commune_id: 1, entry_residence_status: 'Duldung', entry_residence_group: 'duldung', entry_german_level: 'B1', entry_snapshot_on: '2018-01-01' },
      { id: 2, entry_birth_year: 1985, entry_gender: 'm', entry_commune_id: 2, entry_residence_status: 'AE § 25 Abs. 2', entry_residence_group: 'schutz', entry_german_level: null, entry_snapshot_on: '2018-01-01' },
      { id: 3, entry_birth_year: null, entry_gender: null, entry_commune_id: null, entry_residence_status: null, entry_residence_group: null, entry_german_level: null, entry_snapshot_on: null },
    ]);
    expect(await db.selectFrom('follow_ups').select(['enrollment_id', 'due_on', 'checked_on']).execute()).toEqual([
      { enrollment_id: 2, due_on: '2018-12-30', checked_on: null },
    ]);
    const programs = await db.selectFrom('programs').select(['follow_up_months', 'success_kinds']).where('id', '=', 1).executeTakeFirstOrThrow();
    expect(programs).toEqual({ follow_up_months: 6, success_kinds: '["ausbildung","sv_beschaeftigung_qualifiziert"]' });
    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
  });

  it('rebuilds outcomes with the new kinds and flag, keeping its indexes and foreign keys', async () => {
    await oldRows(open.db as unknown as Kysely<unknown>);
    await migrateToLatest(open);
    const db = open.db as unknown as Kysely<Database>;
    const indexes = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outcomes' AND sql IS NOT NULL ORDER BY name`.execute(db);
    expect(indexes.rows.map((r) => r.name)).toEqual(['outcomes_enrollment', 'outcomes_fair', 'outcomes_participant', 'outcomes_program_date_kind']);
    await db.insertInto('outcomes').values({ participant_id: 1, program_id: 1, kind: 'einstiegsqualifizierung', date: '2018-09-01' }).execute();
    await expect(sql`INSERT INTO outcomes (participant_id, kind, date) VALUES (1, 'lotto', '2018-09-01')`.execute(db)).rejects.toThrow(/CHECK/);
    await expect(sql`INSERT INTO outcomes (participant_id, kind, date, qualified) VALUES (1, 'minijob', '2018-09-01', 2)`.execute(db)).rejects.toThrow(/CHECK/);
    await expect(sql`INSERT INTO outcomes (participant_id, kind, date) VALUES (99, 'minijob', '2018-09-01')`.execute(db)).rejects.toThrow(/FOREIGN KEY/);
    // deleting an enrollment unlinks its records instead of deleting them
    await sql`DELETE FROM enrollments WHERE id = 1`.execute(db);
    expect(await db.selectFrom('attendance').select('enrollment_id').where('id', '=', 1).executeTakeFirst()).toEqual({ enrollment_id: null });
    expect(await db.selectFrom('outcomes').select('enrollment_id').where('id', '=', 9).executeTakeFirst()).toEqual({ enrollment_id: null });
  });
});
