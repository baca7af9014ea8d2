import { sql, type Kysely } from 'kysely';
import type { TeamKind, TeamMember } from '../../../shared/contract/team.contract.js';
import { AppError } from '../../../shared/errors.js';
import { engineOf } from '../../db/engine/kind.js';
import { teamRole } from '../../db/engine/team-access.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

function onServerOnly(db: Db): void {
  if (engineOf(db) === 'postgres') return;
  throw new AppError(
    'conflict',
    'Logins und Rollen gibt es nur im Teambetrieb (PostgreSQL). Eine Lotse-Datei gehört einem Benutzer.',
    'Logins and roles exist only in team mode (PostgreSQL).',
  );
}

function kindRules(kind: TeamKind, communeId: number | null): void {
  if (kind === 'kommune' && communeId === null) {
    throw new AppError('validation', 'Eine Kommune-Rolle braucht ihre Kommune.', 'A Kommune role needs its commune.', {
      fields: [{ path: 'communeId', message: 'Kommune wählen', messageEn: 'Choose the commune' }],
    });
  }
}

async function memberById(db: Db, id: number): Promise<TeamMember> {
  const m = await db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw new AppError('not_found', `Login ${id} nicht gefunden.`, `Login ${id} not found.`);
  const programs = await db.selectFrom('team_programs').select('program_id').where('member_id', '=', id).orderBy('program_id').execute();
  return {
    id: m.id,
    roleName: m.role_name,
    displayName: m.display_name,
    kind: m.kind,
    communeId: m.commune_id,
    programIds: programs.map((p) => p.program_id),
    disabled: m.disabled_at !== null,
  };
}

export async function whoAmI(db: Db): Promise<{ engine: 'sqlite' | 'postgres'; roleName: string | null; kind: TeamKind | null; canManage: boolean }> {
  if (engineOf(db) === 'sqlite') return { engine: 'sqlite', roleName: null, kind: null, canManage: false };
  const me = await sql<{ role: string; kind: TeamKind | null; owner: boolean }>`SELECT session_user AS role,
      (SELECT kind FROM team_members WHERE role_name = session_user AND disabled_at IS NULL) AS kind,
      (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = session_user) AS owner`.execute(db);
  const row = me.rows[0]!;
  return { engine: 'postgres', roleName: row.role, kind: row.kind, canManage: row.kind === 'leitung' || row.owner };
}

export async function listMembers(db: Db): Promise<TeamMember[]> {
  onServerOnly(db);
  const rows = await db.selectFrom('team_members').select('id').orderBy('display_name').execute();
  return Promise.all(rows.map((r) => memberById(db, r.id)));
}

async function setPrograms(db: Db, id: number, programIds: number[]): Promise<void> {
  await db.deleteFrom('team_programs').where('member_id', '=', id).execute();
  for (const programId of [...new Set(programIds)]) await db.insertInto('team_programs').values({ member_id: id, program_id: programId }).execute();
}

/**
 * Creates the login as a PostgreSQL role (SCRAM password, member of lotse_team) and records its place in the team.
 * The role statement and the row are in one transaction: PostgreSQL's CREATE ROLE is transactional, so a refused
 * row leaves no orphan login. The password is never stored or logged by Lotse.
 */
export async function createMember(
  db: Db,
  input: { roleName: string; displayName: string; kind: TeamKind; communeId: number | null; programIds: number[]; password: string },
): Promise<TeamMember> {
  onServerOnly(db);
  kindRules(input.kind, input.communeId);
  return db.transaction().execute(async (trx) => {
    const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${input.roleName}`.execute(trx);
    if (Number(exists.rows[0]!.n) > 0) {
      throw new AppError('duplicate', `Den Login „${input.roleName}“ gibt es auf dem Server schon.`, `Login ${input.roleName} exists.`, {
        fields: [{ path: 'roleName', message: 'Schon vergeben', messageEn: 'Already taken' }],
      });
    }
    // format() quotes the name (%I) and the password (%L): neither can break out of the statement
    // Leitung may add and disable the team's logins (CREATEROLE); nobody else may
    const rights = input.kind === 'leitung' ? 'LOGIN CREATEROLE' : 'LOGIN';
    const statement = await sql<{ s: string }>`SELECT format('CREATE ROLE %I ${sql.raw(rights)} PASSWORD %L IN ROLE ${sql.raw(teamRole)}', ${input.roleName}::text, ${input.password}::text) AS s`.execute(trx);
    await sql.raw(statement.rows[0]!.s).execute(trx);
    // so Leitung can put new logins into the team group (required from PostgreSQL 16 on)
    if (input.kind === 'leitung') await sql.raw(`GRANT ${teamRole} TO ${input.roleName} WITH ADMIN OPTION`).execute(trx);
    const { id } = await trx
      .insertInto('team_members')
      .values({ role_name: input.roleName, display_name: input.displayName, kind: input.kind, commune_id: input.communeId, disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setPrograms(trx, id, input.programIds);
    await audit(trx, { action: 'create', entity: 'team_member', entityId: id, after: { roleName: input.roleName, kind: input.kind, communeId: input.communeId } });
    return memberById(trx, id);
  });
}

export async function assignMember(db: Db, input: { id: number; kind: TeamKind; communeId: number | null; programIds: number[] }): Promise<TeamMember> {
  onServerOnly(db);
  kindRules(input.kind, input.communeId);
  return db.transaction().execute(async (trx) => {
    const before = await memberById(trx, input.id);
    await trx
      .updateTable('team_members')
      .set({ kind: input.kind, commune_id: input.communeId, updated_at: nowIso() })
      .where('id', '=', input.id)
      .execute();
    await setPrograms(trx, input.id, input.programIds);
    const after = await memberById(trx, input.id);
    await audit(trx, { action: 'update', entity: 'team_member', entityId: input.id, before, after });
    return after;
  });
}

/** A disabled login can no longer connect (NOLOGIN) and sees nothing even if a session is still open. */
export async function setMemberDisabled(db: Db, id: number, disabled: boolean): Promise<TeamMember> {
  onServerOnly(db);
  return db.transaction().execute(async (trx) => {
    const m = await memberById(trx, id);
    await sql.raw(`ALTER ROLE ${m.roleName} ${disabled ? 'NOLOGIN' : 'LOGIN'}`).execute(trx);
    await trx
      .updateTable('team_members')
      .set({ disabled_at: disabled ? nowIso() : null, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await audit(trx, { action: disabled ? 'disable' : 'enable', entity: 'team_member', entityId: id });
    return memberById(trx, id);
  });
}
