import { sql, type Kysely } from 'kysely';

/**
 * The whole domain schema of DOMAIN.md. Written as plain DDL so STRICT tables, CHECK constraints and partial
 * indexes are visible at a glance. Forward-only: once landed, never edited; later changes are new migrations.
 */
const now = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const stamps = `created_at TEXT NOT NULL DEFAULT ${now}, updated_at TEXT NOT NULL DEFAULT ${now}`;
const isDate = (col: string) => `CHECK (${col} IS NULL OR (length(${col}) = 10 AND date(${col}) = ${col}))`;
const bool = (col: string, def = 0) => `${col} INTEGER NOT NULL DEFAULT ${def} CHECK (${col} IN (0, 1))`;

const statements = [
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value)),
    ${stamps}
  ) STRICT`,

  `CREATE TABLE communes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    district TEXT,
    ags TEXT UNIQUE CHECK (ags IS NULL OR (length(ags) = 8 AND ags NOT GLOB '*[^0-9]*')),
    ${stamps}
  ) STRICT`,
  `CREATE UNIQUE INDEX communes_name_district ON communes (lower(name), coalesce(lower(district), ''))`,

  `CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('company', 'partner')),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sector TEXT,
    partner_type TEXT,
    city TEXT,
    contact_person TEXT,
    size TEXT,
    email TEXT,
    phone TEXT,
    notes TEXT,
    archived_at TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX organisations_kind_name ON organisations (kind, name)`,

  `CREATE TABLE programs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    operator TEXT,
    funder TEXT,
    funding_guideline TEXT,
    grant_reference TEXT,
    start_date TEXT NOT NULL ${isDate('start_date')},
    end_date TEXT ${isDate('end_date')},
    hourly_rate_cents INTEGER NOT NULL DEFAULT 80 CHECK (hourly_rate_cents >= 0),
    eligibility_rule TEXT NOT NULL DEFAULT '{"op":"and","items":[]}' CHECK (json_valid(eligibility_rule)),
    legal_basis_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(legal_basis_fields)),
    sensitive_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sensitive_fields)),
    sensitive_reason TEXT,
    retention_years INTEGER NOT NULL DEFAULT 5 CHECK (retention_years >= 0),
    final_report_submitted_on TEXT ${isDate('final_report_submitted_on')},
    archived_at TEXT,
    ${stamps},
    CHECK (end_date IS NULL OR end_date >= start_date)
  ) STRICT`,

  `CREATE TABLE program_communes (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    commune_id INTEGER NOT NULL REFERENCES communes (id) ON DELETE RESTRICT,
    slots INTEGER NOT NULL DEFAULT 0 CHECK (slots >= 0),
    ${stamps},
    UNIQUE (program_id, commune_id)
  ) STRICT`,

  `CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sender TEXT,
    sheet TEXT,
    status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone')),
    rows_total INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    existing_matched INTEGER NOT NULL DEFAULT 0,
    duplicates_in_file INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    mapping TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mapping)),
    report TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(report)),
    program_id INTEGER REFERENCES programs (id) ON DELETE SET NULL,
    undone_at TEXT,
    ${stamps}
  ) STRICT`,

  `CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    last_name TEXT,
    first_name TEXT,
    birth_date TEXT ${isDate('birth_date')},
    birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200),
    gender TEXT CHECK (gender IS NULL OR gender IN ('w', 'm', 'd')),
    nationality TEXT,
    commune_id INTEGER REFERENCES communes (id) ON DELETE RESTRICT,
    commune_text TEXT,
    residence_status TEXT,
    arrival_in_saxony TEXT ${isDate('arrival_in_saxony')},
    german_level TEXT CHECK (german_level IS NULL OR german_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    phone TEXT,
    email TEXT,
    case_number TEXT,
    case_manager TEXT,
    referred_by TEXT,
    social_worker TEXT,
    consent_date TEXT ${isDate('consent_date')},
    consent_programs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(consent_programs)),
    ${bool('consent_success_story')},
    ${bool('consent_share_partners')},
    consent_expires_on TEXT ${isDate('consent_expires_on')},
    consent_withdrawn_on TEXT ${isDate('consent_withdrawn_on')},
    notes TEXT,
    health_notes TEXT,
    disability_notes TEXT,
    religion TEXT,
    -- normalised keys (DOMAIN.md duplicate rule) and an accent-free search text, maintained by the service
    name_key TEXT,
    case_number_key TEXT,
    search_text TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,
    archived_at TEXT,
    anonymised_at TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX participants_name_key ON participants (name_key)`,
  `CREATE UNIQUE INDEX participants_case_number_key ON participants (case_number_key) WHERE case_number_key IS NOT NULL`,
  `CREATE INDEX participants_commune ON participants (commune_id)`,
  `CREATE INDEX participants_last_first ON participants (last_name, first_name)`,
  // the registry's default order over active people; covering, so paging deep into 100,000 rows skips index entries only
  `CREATE INDEX participants_active_name ON participants (last_name, first_name, id) WHERE archived_at IS NULL`,
  `CREATE INDEX participants_batch ON participants (import_batch_id)`,

  `CREATE TABLE enrollments (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'interessiert'
      CHECK (status IN ('interessiert', 'aktiv', 'abgeschlossen', 'abgebrochen')),
    applied_on TEXT ${isDate('applied_on')},
    start_date TEXT ${isDate('start_date')},
    end_date TEXT ${isDate('end_date')},
    exit_reason TEXT,
    ${bool('eligible', 1)},
    eligibility_reason TEXT,
    override_reason TEXT,
    import_batch_id INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,
    ${stamps},
    CHECK (eligible = 1 OR override_reason IS NOT NULL),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
  ) STRICT`,
  `CREATE INDEX enrollments_program_status ON enrollments (program_id, status)`,
  `CREATE INDEX enrollments_participant ON enrollments (participant_id)`,

  `CREATE TABLE placements (
    id INTEGER PRIMARY KEY,
    enrollment_id INTEGER NOT NULL REFERENCES enrollments (id) ON DELETE RESTRICT,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE RESTRICT,
    commune_id INTEGER NOT NULL REFERENCES communes (id) ON DELETE RESTRICT,
    site TEXT NOT NULL,
    activity TEXT NOT NULL,
    application_date TEXT ${isDate('application_date')},
    start_date TEXT NOT NULL ${isDate('start_date')},
    planned_end_date TEXT ${isDate('planned_end_date')},
    end_date TEXT ${isDate('end_date')},
    hours_per_week REAL CHECK (hours_per_week IS NULL OR hours_per_week BETWEEN 0 AND 60),
    rate_cents INTEGER NOT NULL CHECK (rate_cents >= 0),
    agreement_signed_on TEXT ${isDate('agreement_signed_on')},
    status TEXT NOT NULL DEFAULT 'aktiv' CHECK (status IN ('wartend', 'aktiv', 'beendet', 'abgebrochen')),
    quota_override_reason TEXT,
    warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
    ${stamps},
    CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
    CHECK (end_date IS NULL OR end_date >= start_date)
  ) STRICT`,
  `CREATE INDEX placements_program_commune ON placements (program_id, commune_id, status)`,
  `CREATE INDEX placements_participant ON placements (participant_id)`,

  `CREATE TABLE hours (
    id INTEGER PRIMARY KEY,
    placement_id INTEGER NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    work_date TEXT NOT NULL ${isDate('work_date')},
    -- hundredths of an hour: 0,25 h = 25; integers keep sums exact (no float drift)
    hours_x100 INTEGER NOT NULL CHECK (hours_x100 BETWEEN 0 AND 1000),
    ${stamps},
    UNIQUE (placement_id, work_date)
  ) STRICT`,
  `CREATE INDEX hours_date ON hours (work_date, placement_id)`,
  // covering index of the dashboard and reports: hours per placement and month without touching the table rows
  `CREATE INDEX hours_placement_amount ON hours (placement_id, work_date, hours_x100)`,

  `CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('seminar', 'coaching', 'exkursion')),
    title TEXT NOT NULL,
    date TEXT NOT NULL ${isDate('date')},
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
    place TEXT,
    mentor TEXT,
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    notes TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX activities_program_date ON activities (program_id, date)`,

  `CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'angemeldet'
      CHECK (status IN ('angemeldet', 'anwesend', 'entschuldigt', 'unentschuldigt')),
    ${stamps},
    UNIQUE (activity_id, participant_id)
  ) STRICT`,
  `CREATE INDEX attendance_participant ON attendance (participant_id)`,
  // participant_id makes it covering for the dashboard's attendance counts (people reached per kind)
  `CREATE INDEX attendance_activity_status ON attendance (activity_id, status, participant_id)`,

  `CREATE TABLE fairs (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    date TEXT NOT NULL ${isDate('date')},
    venue TEXT,
    notes TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX fairs_program_date ON fairs (program_id, date)`,

  `CREATE TABLE fair_companies (
    id INTEGER PRIMARY KEY,
    fair_id INTEGER NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    offers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(offers)),
    ${stamps},
    UNIQUE (fair_id, organisation_id)
  ) STRICT`,

  `CREATE TABLE fair_registrations (
    id INTEGER PRIMARY KEY,
    fair_id INTEGER NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    checked_in_at TEXT,
    ${stamps},
    UNIQUE (fair_id, participant_id)
  ) STRICT`,
  `CREATE INDEX fair_registrations_participant ON fair_registrations (participant_id)`,

  `CREATE TABLE fair_contacts (
    id INTEGER PRIMARY KEY,
    fair_id INTEGER NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    result TEXT NOT NULL DEFAULT 'gespraech' CHECK (result IN
      ('gespraech', 'einladung', 'probetag', 'praktikum', 'ausbildungsvertrag', 'arbeitsvertrag')),
    notes TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX fair_contacts_fair ON fair_contacts (fair_id)`,
  `CREATE INDEX fair_contacts_participant ON fair_contacts (participant_id)`,
  `CREATE INDEX fair_contacts_organisation ON fair_contacts (organisation_id)`,

  `CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE RESTRICT,
    position TEXT,
    applied_on TEXT NOT NULL ${isDate('applied_on')},
    status TEXT NOT NULL DEFAULT 'versendet'
      CHECK (status IN ('in_arbeit', 'versendet', 'einladung', 'zusage', 'absage', 'zurueckgezogen')),
    fair_id INTEGER REFERENCES fairs (id) ON DELETE SET NULL,
    notes TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX applications_participant ON applications (participant_id)`,
  `CREATE INDEX applications_organisation ON applications (organisation_id)`,
  `CREATE INDEX applications_fair ON applications (fair_id)`,

  `CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    program_id INTEGER REFERENCES programs (id) ON DELETE RESTRICT,
    enrollment_id INTEGER REFERENCES enrollments (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sv_beschaeftigung', 'minijob', 'ausbildung', 'praktikum', 'weiterbildung',
      'sprachkurs', 'schule', 'arbeitssuchend', 'unbekannt')),
    date TEXT NOT NULL ${isDate('date')},
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    source_fair_id INTEGER REFERENCES fairs (id) ON DELETE SET NULL,
    source_activity_id INTEGER REFERENCES activities (id) ON DELETE SET NULL,
    source_placement_id INTEGER REFERENCES placements (id) ON DELETE SET NULL,
    notes TEXT,
    ${stamps}
  ) STRICT`,
  `CREATE INDEX outcomes_program_date ON outcomes (program_id, date)`,
  `CREATE INDEX outcomes_participant ON outcomes (participant_id)`,
  `CREATE INDEX outcomes_fair ON outcomes (source_fair_id)`,

  `CREATE TABLE success_stories (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    ${stamps}
  ) STRICT`,

  `CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('teilnehmerbescheinigung', 'auskunft')),
    title TEXT NOT NULL,
    -- the inputs, not the bytes: a document is re-created on demand from the data
    params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    ${stamps}
  ) STRICT`,
  `CREATE INDEX documents_participant ON documents (participant_id)`,

  `CREATE TABLE report_texts (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    report_kind TEXT NOT NULL CHECK (report_kind IN ('program_end', 'interim')),
    period_from TEXT NOT NULL ${isDate('period_from')},
    period_to TEXT NOT NULL ${isDate('period_to')},
    section TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    ${stamps},
    UNIQUE (program_id, report_kind, period_from, period_to, section)
  ) STRICT`,

  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT ${now},
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    participant_id INTEGER,
    people_count INTEGER,
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    details TEXT,
    ${bool('redacted')}
  ) STRICT`,
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`,
  `CREATE INDEX audit_log_participant ON audit_log (participant_id)`,
  `CREATE INDEX audit_log_at ON audit_log (at)`,
  // The audit trail is append-only. The one permitted change is anonymisation (GDPR erasure), which may only
  // blank the before/after snapshots and mark the row redacted; nothing can delete a row.
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    WHEN NOT (OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.id = OLD.id AND NEW.at = OLD.at
      AND NEW.action = OLD.action AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id
      AND NEW.actor = OLD.actor)
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
