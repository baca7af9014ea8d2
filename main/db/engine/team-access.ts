import { sql, type QueryExecutorProvider } from 'kysely';
import { listTables, tablesWithColumn } from './catalog.js';
import { engineOf } from './kind.js';

/**
 * Row-level security for a team database (PostgreSQL), applied after every migration so that tables a later
 * migration adds are covered without anyone remembering them. Access follows the columns a table has:
 * - reference data everyone in the team reads (programs, communes, activities, fairs, …): open;
 * - a `participant_id`: the rows of people the member sees (lotse_sees_person);
 * - a `placement_id`: the rows of placements the member sees (AGH hours, statements, extra costs);
 * - an `enrollment_id`: the rows of enrollments the member sees;
 * - anything else: Leitung and Koordination only.
 * Who sees which person: Leitung everyone; Koordination the people of their programs and people not yet enrolled
 * anywhere (the intake); Kommune the people with an AGH placement in their commune; Mentor/in the people
 * assigned to them. The database's owner (who runs migrations) is not subject to these policies, and neither is a
 * single-user server where Lotse connects as the owner.
 *
 * Members log in as their own role, a member of the group role `lotse_team`, which holds the table rights; the
 * policies use session_user, the login role, which SET ROLE cannot change.
 */
export const teamRole = 'lotse_team';

/** Read by every member, changed by Leitung and Koordination. */
const referenceTables = new Set([
  'communes',
  'organisations',
  'programs',
  'program_communes',
  'program_targets',
  'activities',
  'activity_presence',
  'fairs',
  'fair_companies',
]);

/** Open to every member: the app's own settings and the migration bookkeeping it reads at start. */
const openTables = new Set(['settings', 'kysely_migration', 'kysely_migration_lock']);

/** Helper functions the policies call; SECURITY DEFINER so they read team_members past its own policy. */
const functions = [
  `CREATE OR REPLACE FUNCTION lotse_kind() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT kind FROM team_members WHERE role_name = session_user AND disabled_at IS NULL $$`,
  `CREATE OR REPLACE FUNCTION lotse_member() RETURNS BIGINT LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT id FROM team_members WHERE role_name = session_user AND disabled_at IS NULL $$`,
  `CREATE OR REPLACE FUNCTION lotse_commune() RETURNS BIGINT LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT commune_id FROM team_members WHERE role_name = session_user AND disabled_at IS NULL $$`,
  `CREATE OR REPLACE FUNCTION lotse_sees_program(pid BIGINT) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT CASE lotse_kind()
      WHEN 'leitung' THEN true
      WHEN 'koordination' THEN EXISTS (SELECT 1 FROM team_programs WHERE member_id = lotse_member() AND program_id = pid)
      ELSE false END $$`,
  `CREATE OR REPLACE FUNCTION lotse_sees_person(pid BIGINT) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT CASE lotse_kind()
      WHEN 'leitung' THEN true
      WHEN 'koordination' THEN
        EXISTS (SELECT 1 FROM enrollments e JOIN team_programs tp ON tp.program_id = e.program_id
                WHERE e.participant_id = pid AND tp.member_id = lotse_member())
        OR NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.participant_id = pid)
      WHEN 'kommune' THEN EXISTS (SELECT 1 FROM placements pl WHERE pl.participant_id = pid AND pl.commune_id = lotse_commune())
      WHEN 'mentor' THEN EXISTS (SELECT 1 FROM mentor_assignments a WHERE a.participant_id = pid AND a.member_id = lotse_member())
      ELSE false END $$`,
];

const office = `lotse_kind() IN ('leitung', 'koordination')`;

function policyFor(table: string, columns: { person: boolean; placement: boolean; enrollment: boolean; program: boolean }): string | null {
  if (openTables.has(table)) return null;
  if (referenceTables.has(table)) return office;
  if (table === 'participants') return `lotse_sees_person(id)`;
  if (table === 'placements') {
    return `(CASE WHEN lotse_kind() = 'kommune' THEN commune_id = lotse_commune() ELSE lotse_sees_person(participant_id) END)`;
  }
  if (table === 'team_members') return `(lotse_kind() = 'leitung' OR role_name = session_user)`;
  if (table === 'audit_log') return `(lotse_kind() = 'leitung' OR actor = session_user)`;
  // a coordinator records a person's enrollment, outcome, … only in a program they coordinate
  if (columns.person && columns.program) {
    return `(lotse_sees_person(participant_id) AND (program_id IS NULL OR lotse_kind() <> 'koordination' OR lotse_sees_program(program_id)))`;
  }
  if (columns.person) return `lotse_sees_person(participant_id)`;
  if (columns.placement) return `EXISTS (SELECT 1 FROM placements pl WHERE pl.id = placement_id)`;
  if (columns.enrollment) return `EXISTS (SELECT 1 FROM enrollments en WHERE en.id = enrollment_id)`;
  if (columns.program) return `lotse_sees_program(program_id)`;
  return office;
}

/**
 * Creates the group role if this login may (else `lotse server-init` does), grants it the tables, and (re)writes
 * one policy per table. Idempotent; runs after every migration on PostgreSQL.
 */
export async function applyTeamAccess(db: QueryExecutorProvider): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await sql
    .raw(
      `DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${teamRole}') THEN CREATE ROLE ${teamRole} NOLOGIN; END IF;
      EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'lotse_team fehlt: lotse server-init anlegen lassen';
      END $$`,
    )
    .execute(db);
  for (const f of functions) await sql.raw(f).execute(db);
  const [tables, person, placement, enrollment, program] = await Promise.all([
    listTables(db),
    tablesWithColumn(db, 'participant_id'),
    tablesWithColumn(db, 'placement_id'),
    tablesWithColumn(db, 'enrollment_id'),
    tablesWithColumn(db, 'program_id'),
  ]);
  const has = (list: string[], t: string) => list.includes(t);
  const roleExists = (await sql<{ n: number }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${teamRole}`.execute(db)).rows[0]!.n > 0;
  if (roleExists) {
    await sql.raw(`GRANT USAGE ON SCHEMA public TO ${teamRole}`).execute(db);
    await sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${teamRole}`).execute(db);
    await sql.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${teamRole}`).execute(db);
  }
  for (const table of tables) {
    const rule = policyFor(table, {
      person: has(person, table),
      placement: has(placement, table),
      enrollment: has(enrollment, table),
      program: has(program, table),
    });
    await sql.raw(`DROP POLICY IF EXISTS lotse_team_access ON ${table}`).execute(db);
    await sql.raw(`DROP POLICY IF EXISTS lotse_team_read ON ${table}`).execute(db);
    if (rule === null) {
      await sql.raw(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`).execute(db);
      continue;
    }
    await sql.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`).execute(db);
    await sql.raw(`CREATE POLICY lotse_team_access ON ${table} USING (${rule}) WITH CHECK (${rule})`).execute(db);
    // reference data: everyone reads it (permissive policies add up), only the office changes it
    if (referenceTables.has(table)) await sql.raw(`CREATE POLICY lotse_team_read ON ${table} FOR SELECT USING (true)`).execute(db);
  }
}
