import { sql, type Kysely } from 'kysely';

/**
 * What the dashboard needs to refresh in well under 150 ms at 100,000 people, 1 M hour entries and 1 M attendances
 * (issue 7), without an application cache:
 *
 * - Covering indexes, so each figure is one range scan of an index instead of row lookups or a sort:
 *   enrollments per person (states and the period's people), by start date (started per month) and by status and
 *   end date (exits per month; replaces enrollments_program_status, whose columns are its prefix); outcomes by
 *   program, date, kind and person; activities by program, date, kind and duration (replaces their prefixes).
 * - Two summaries of the million-row tables, kept exactly in step by triggers in the same statement (hence the
 *   same transaction) as their source rows, so no code path can forget them: present attendances per activity and
 *   hours per placement and calendar month. Every writer of attendance and hours (services, imports, cascades from
 *   deleting a person, a placement or an activity) goes through these triggers. One limit: SQLite fires no DELETE
 *   trigger for rows removed by `INSERT OR REPLACE` (unless recursive_triggers is on), so such statements must not
 *   be used on attendance or hours; Lotse uses ON CONFLICT DO UPDATE, which fires the UPDATE trigger.
 *   A summary row exists only while it counts at least one source row (CHECK > 0), so "no row" always means zero.
 */
const statements = [
  `CREATE INDEX enrollments_program_person ON enrollments (program_id, participant_id, status, start_date, end_date)`,
  `CREATE INDEX enrollments_program_start ON enrollments (program_id, start_date, status, end_date)`,
  `DROP INDEX enrollments_program_status`,
  `CREATE INDEX enrollments_program_status_end ON enrollments (program_id, status, end_date, start_date)`,
  `DROP INDEX outcomes_program_date`,
  `CREATE INDEX outcomes_program_date_kind ON outcomes (program_id, date, kind, participant_id)`,
  `DROP INDEX activities_program_date`,
  `CREATE INDEX activities_program_date_kind ON activities (program_id, date, kind, duration_minutes)`,

  // present attendances per activity
  `CREATE TABLE activity_presence (
    activity_id INTEGER PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    present INTEGER NOT NULL CHECK (present > 0)
  ) STRICT`,
  `INSERT INTO activity_presence (activity_id, present)
    SELECT activity_id, count(*) FROM attendance WHERE status = 'anwesend' GROUP BY activity_id`,
  `CREATE TRIGGER activity_presence_insert AFTER INSERT ON attendance WHEN NEW.status = 'anwesend'
    BEGIN
      INSERT INTO activity_presence (activity_id, present) VALUES (NEW.activity_id, 1)
        ON CONFLICT (activity_id) DO UPDATE SET present = present + 1;
    END`,
  `CREATE TRIGGER activity_presence_delete AFTER DELETE ON attendance WHEN OLD.status = 'anwesend'
    BEGIN
      DELETE FROM activity_presence WHERE activity_id = OLD.activity_id AND present = 1;
      UPDATE activity_presence SET present = present - 1 WHERE activity_id = OLD.activity_id;
    END`,
  `CREATE TRIGGER activity_presence_update AFTER UPDATE OF activity_id, status ON attendance
    WHEN (OLD.status = 'anwesend' OR NEW.status = 'anwesend')
      AND (OLD.status IS NOT NEW.status OR OLD.activity_id IS NOT NEW.activity_id)
    BEGIN
      DELETE FROM activity_presence WHERE OLD.status = 'anwesend' AND activity_id = OLD.activity_id AND present = 1;
      UPDATE activity_presence SET present = present - 1 WHERE OLD.status = 'anwesend' AND activity_id = OLD.activity_id;
      INSERT INTO activity_presence (activity_id, present) SELECT NEW.activity_id, 1 WHERE NEW.status = 'anwesend'
        ON CONFLICT (activity_id) DO UPDATE SET present = present + 1;
    END`,

  // hours per placement and calendar month (YYYY-MM); entries counts the hour rows, so a month whose only entry
  // is 0 hours still exists, exactly as a sum over the hour rows would show it
  `CREATE TABLE hours_months (
    placement_id INTEGER NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    month TEXT NOT NULL CHECK (length(month) = 7),
    hours_x100 INTEGER NOT NULL CHECK (hours_x100 >= 0),
    entries INTEGER NOT NULL CHECK (entries > 0),
    PRIMARY KEY (placement_id, month)
  ) WITHOUT ROWID, STRICT`,
  `INSERT INTO hours_months (placement_id, month, hours_x100, entries)
    SELECT placement_id, substr(work_date, 1, 7), sum(hours_x100), count(*) FROM hours GROUP BY 1, 2`,
  `CREATE TRIGGER hours_months_insert AFTER INSERT ON hours
    BEGIN
      INSERT INTO hours_months (placement_id, month, hours_x100, entries)
        VALUES (NEW.placement_id, substr(NEW.work_date, 1, 7), NEW.hours_x100, 1)
        ON CONFLICT (placement_id, month) DO UPDATE SET hours_x100 = hours_x100 + excluded.hours_x100, entries = entries + 1;
    END`,
  `CREATE TRIGGER hours_months_delete AFTER DELETE ON hours
    BEGIN
      DELETE FROM hours_months WHERE placement_id = OLD.placement_id AND month = substr(OLD.work_date, 1, 7) AND entries = 1;
      UPDATE hours_months SET hours_x100 = hours_x100 - OLD.hours_x100, entries = entries - 1
        WHERE placement_id = OLD.placement_id AND month = substr(OLD.work_date, 1, 7);
    END`,
  `CREATE TRIGGER hours_months_update AFTER UPDATE OF placement_id, work_date, hours_x100 ON hours
    WHEN OLD.placement_id IS NOT NEW.placement_id OR OLD.work_date IS NOT NEW.work_date OR OLD.hours_x100 IS NOT NEW.hours_x100
    BEGIN
      DELETE FROM hours_months WHERE placement_id = OLD.placement_id AND month = substr(OLD.work_date, 1, 7) AND entries = 1;
      UPDATE hours_months SET hours_x100 = hours_x100 - OLD.hours_x100, entries = entries - 1
        WHERE placement_id = OLD.placement_id AND month = substr(OLD.work_date, 1, 7);
      INSERT INTO hours_months (placement_id, month, hours_x100, entries)
        VALUES (NEW.placement_id, substr(NEW.work_date, 1, 7), NEW.hours_x100, 1)
        ON CONFLICT (placement_id, month) DO UPDATE SET hours_x100 = hours_x100 + excluded.hours_x100, entries = entries + 1;
    END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
