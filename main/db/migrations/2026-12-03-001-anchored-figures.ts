import { sql, type Kysely } from 'kysely';
import { anchorAll } from '../../features/enrollments/anchor.service.js';
import { syncAllFollowUps, takeEntrySnapshots } from '../../features/enrollments/entry.sql.js';

/**
 * Figures an auditor can sign off (issue 13):
 * - enrollments carry the person's characteristics at entry (snapshot), so reports re-run later agree;
 * - programs state their follow-up months, success kinds and planned targets;
 * - attendance, fair registrations and contacts point at the enrollment they belong to (outcomes already could);
 * - outcomes gain Einstiegsqualifizierung and the flag "qualifikationsadäquat" (table rebuilt for the CHECK);
 * - follow-ups of exited enrollments.
 * Existing rows are linked by the one anchor rule (main/features/enrollments/anchor.service.ts); rows that no
 * enrollment covers are kept with a NULL link and shown by the checks. Nothing is deleted.
 */
const now = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const stamps = `created_at TEXT NOT NULL DEFAULT ${now}, updated_at TEXT NOT NULL DEFAULT ${now}`;
const isDate = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;
const anchor = `INTEGER REFERENCES enrollments (id) ON DELETE SET NULL`;

const outcomeKinds = `'sv_beschaeftigung', 'ausbildung', 'einstiegsqualifizierung', 'minijob', 'praktikum',
  'weiterbildung', 'sprachkurs', 'schule', 'arbeitssuchend', 'unbekannt'`;

const entryColumns = [
  `entry_birth_year INTEGER CHECK (entry_birth_year IS NULL OR entry_birth_year BETWEEN 1900 AND 2200)`,
  `entry_gender TEXT CHECK (entry_gender IS NULL OR entry_gender IN ('w', 'm', 'd'))`,
  `entry_commune_id INTEGER REFERENCES communes (id) ON DELETE SET NULL`,
  `entry_residence_status TEXT`,
  `entry_residence_group TEXT`,
  `entry_nationality TEXT`,
  `entry_german_level TEXT CHECK (entry_german_level IS NULL OR entry_german_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'))`,
  `entry_snapshot_on TEXT ${isDate('entry_snapshot_on')}`,
  `entry_corrected_reason TEXT`,
];

const schema = [
  ...entryColumns.map((c) => `ALTER TABLE enrollments ADD COLUMN ${c}`),

  `ALTER TABLE programs ADD COLUMN follow_up_months INTEGER NOT NULL DEFAULT 6 CHECK (follow_up_months BETWEEN 0 AND 36)`,
  `ALTER TABLE programs ADD COLUMN success_kinds TEXT NOT NULL DEFAULT '["ausbildung","sv_beschaeftigung_qualifiziert"]'
    CHECK (json_valid(success_kinds) AND json_type(success_kinds) = 'array')`,

  `CREATE TABLE program_targets (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (key IN ('participants', 'success', 'employersSupported', 'aghPeople', 'fairs', 'activitySessions')),
    planned INTEGER NOT NULL CHECK (planned >= 0),
    ${stamps},
    UNIQUE (program_id, key)
  ) STRICT`,

  // figures (H5): the period's people and their breakdowns in one streaming pass — the program's enrollments in
  // the order of their entry snapshot, covering the states, so the GROUP BY needs no sort and no row lookups
  `CREATE INDEX enrollments_program_entry ON enrollments (program_id, entry_gender, entry_german_level, entry_residence_group,
    entry_commune_id, entry_birth_year, entry_nationality, entry_residence_status, status, start_date, end_date, override_reason)`,

  `ALTER TABLE attendance ADD COLUMN enrollment_id ${anchor}`,
  `ALTER TABLE fair_registrations ADD COLUMN enrollment_id ${anchor}`,
  `ALTER TABLE fair_contacts ADD COLUMN enrollment_id ${anchor}`,

  // SQLite cannot change a CHECK in place: rebuild outcomes keeping ids. Nothing references outcomes and it has
  // no triggers, so dropping the old table under foreign_keys=ON removes no other rows.
  `CREATE TABLE outcomes_new (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    program_id INTEGER REFERENCES programs (id) ON DELETE RESTRICT,
    enrollment_id INTEGER REFERENCES enrollments (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN (${outcomeKinds})),
    qualified INTEGER NOT NULL DEFAULT 0 CHECK (qualified IN (0, 1)),
    date TEXT NOT NULL ${isDate('date')},
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    source_fair_id INTEGER REFERENCES fairs (id) ON DELETE SET NULL,
    source_activity_id INTEGER REFERENCES activities (id) ON DELETE SET NULL,
    source_placement_id INTEGER REFERENCES placements (id) ON DELETE SET NULL,
    notes TEXT,
    ${stamps}
  ) STRICT`,
  `INSERT INTO outcomes_new (id, participant_id, program_id, enrollment_id, kind, date, organisation_id, source_fair_id,
      source_activity_id, source_placement_id, notes, created_at, updated_at)
    SELECT id, participant_id, program_id, enrollment_id, kind, date, organisation_id, source_fair_id,
      source_activity_id, source_placement_id, notes, created_at, updated_at FROM outcomes`,
  `DROP TABLE outcomes`,
  `ALTER TABLE outcomes_new RENAME TO outcomes`,
  // + organisation_id, enrollment_id (H5): the network and the anchored outcome records read this index alone
  `CREATE INDEX outcomes_program_date_kind ON outcomes (program_id, date, kind, participant_id, organisation_id, enrollment_id)`,
  `CREATE INDEX outcomes_participant ON outcomes (participant_id)`,
  `CREATE INDEX outcomes_fair ON outcomes (source_fair_id)`,

  `CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    enrollment_id INTEGER NOT NULL UNIQUE REFERENCES enrollments (id) ON DELETE CASCADE,
    due_on TEXT NOT NULL ${isDate('due_on')},
    checked_on TEXT ${isDate('checked_on')},
    result_kind TEXT CHECK (result_kind IS NULL OR result_kind IN (${outcomeKinds})),
    lasted INTEGER CHECK (lasted IS NULL OR lasted IN (0, 1)),
    notes TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX follow_ups_due ON follow_ups (due_on)`,
];

// built after the links are written: one index build instead of an index update per linked row (1 M attendances)
const linkIndexes = [
  `CREATE INDEX attendance_enrollment ON attendance (enrollment_id)`,
  `CREATE INDEX fair_registrations_enrollment ON fair_registrations (enrollment_id)`,
  `CREATE INDEX fair_contacts_enrollment ON fair_contacts (enrollment_id)`,
  // (enrollment_id, date, kind, qualified): also covers the outcome figures of exited enrollments (H5)
  `CREATE INDEX outcomes_enrollment ON outcomes (enrollment_id, date, kind, qualified)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of schema) {
    await sql.raw(statement).execute(db);
  }
  // existing data: snapshots from today's values (the best available), links by the anchor rule, follow-ups
  await takeEntrySnapshots(db);
  await anchorAll(db);
  await syncAllFollowUps(db);
  for (const statement of linkIndexes) {
    await sql.raw(statement).execute(db);
  }
}
