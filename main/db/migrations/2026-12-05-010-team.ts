import type { Kysely } from 'kysely';
import { ddlFor } from '../engine/ddl.js';

/**
 * Team mode (issue 15): who is who in a team database. Each member logs in as their own PostgreSQL role
 * (`role_name`); `kind` decides what they see (db/engine/team-access.ts turns it into row-level security):
 * Leitung all, Koordination the programs in team_programs, Kommune the AGH placements of their commune, Mentor/in
 * the people in mentor_assignments. On SQLite (one PC, one user) the tables exist and stay empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = ddlFor(db);
  await d.run(db, [
    `CREATE TABLE team_members (
      ${d.id},
      role_name TEXT NOT NULL UNIQUE CHECK (length(role_name) BETWEEN 1 AND 63),
      display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
      ${d.oneOf('kind', ['leitung', 'koordination', 'kommune', 'mentor'], { notNull: true })},
      commune_id INTEGER REFERENCES communes (id) ON DELETE RESTRICT,
      disabled_at TEXT,
      ${d.stamps},
      CHECK (kind <> 'kommune' OR commune_id IS NOT NULL)
    )${d.strict}`,
    `CREATE TABLE team_programs (
      member_id INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
      program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
      PRIMARY KEY (member_id, program_id)
    )${d.strict}`,
    `CREATE TABLE mentor_assignments (
      ${d.id},
      member_id INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
      participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      UNIQUE (member_id, participant_id)
    )${d.strict}`,
    `CREATE INDEX mentor_assignments_participant ON mentor_assignments (participant_id)`,
  ]);
}
