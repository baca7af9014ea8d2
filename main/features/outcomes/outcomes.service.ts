import type { Kysely } from 'kysely';
import {
  applicationInput,
  outcomeInput,
  type Application,
  type ApplicationInput,
  type Outcome,
  type OutcomeInput,
} from '../../../shared/domain/outcomes.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { notEnrolledError, outcomeAnchor, type Anchor } from '../enrollments/anchor.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

async function assertExists(
  db: Db,
  table: 'participants' | 'organisations' | 'fairs' | 'activities' | 'placements' | 'programs',
  id: number | null,
  path: string,
  label: string,
) {
  if (id === null) return;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('validation', `${label} (Nr. ${id}) nicht gefunden.`, `${path} not found.`, { fields: [{ path, message: `${label} unbekannt` }] });
}

async function loadApplications(db: Db, where: { participantId?: number; id?: number }): Promise<Application[]> {
  let q = db
    .selectFrom('applications as a')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('fairs as f', 'f.id', 'a.fair_id')
    .selectAll('a')
    .select(['o.name as organisation_name', 'f.title as fair_title']);
  if (where.participantId !== undefined) q = q.where('a.participant_id', '=', where.participantId);
  if (where.id !== undefined) q = q.where('a.id', '=', where.id);
  const rows = await q.orderBy('a.applied_on', 'desc').orderBy('a.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    participantId: r.participant_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    position: r.position,
    appliedOn: r.applied_on,
    status: r.status,
    fairId: r.fair_id,
    fairTitle: r.fair_title,
    notes: r.notes,
  }));
}

/** A participant's applications, newest first. */
export async function listApplications(db: Db, participantId: number): Promise<Application[]> {
  return loadApplications(db, { participantId });
}

async function getApplication(db: Db, id: number): Promise<Application> {
  const [a] = await loadApplications(db, { id });
  if (!a) throw new AppError('not_found', 'Bewerbung nicht gefunden.', 'Application not found.');
  return a;
}

function applicationRow(d: ReturnType<typeof applicationInput.parse>) {
  return {
    participant_id: d.participantId,
    organisation_id: d.organisationId,
    position: d.position,
    applied_on: d.appliedOn,
    status: d.status,
    fair_id: d.fairId,
    notes: d.notes,
  };
}

async function checkApplicationRefs(db: Db, d: ReturnType<typeof applicationInput.parse>) {
  await assertExists(db, 'participants', d.participantId, 'participantId', 'Teilnehmende/r');
  await assertExists(db, 'organisations', d.organisationId, 'organisationId', 'Unternehmen');
  await assertExists(db, 'fairs', d.fairId, 'fairId', 'Firmenkontaktbörse');
}

/** Records an application; with `fairId` it is credited to that fair's figures. */
export async function createApplication(db: Db, input: ApplicationInput): Promise<Application> {
  const d = applicationInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    await checkApplicationRefs(trx, d);
    const { id } = await trx.insertInto('applications').values(applicationRow(d)).returning('id').executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'application', entityId: id, participantId: d.participantId, after: d });
    return id;
  });
  return getApplication(db, id);
}

export async function updateApplication(db: Db, id: number, input: ApplicationInput): Promise<Application> {
  const d = applicationInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getApplication(trx, id);
    await checkApplicationRefs(trx, d);
    await trx.updateTable('applications').set({ ...applicationRow(d), updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, { action: 'update', entity: 'application', entityId: id, participantId: d.participantId, before, after: d });
  });
  return getApplication(db, id);
}

export async function deleteApplication(db: Db, id: number): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const before = await getApplication(trx, id);
    await trx.deleteFrom('applications').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'application', entityId: id, participantId: before.participantId });
  });
  return { ok: true };
}

async function loadOutcomes(db: Db, where: { participantId?: number; id?: number }): Promise<Outcome[]> {
  let q = db
    .selectFrom('outcomes as x')
    .leftJoin('organisations as o', 'o.id', 'x.organisation_id')
    .leftJoin('fairs as f', 'f.id', 'x.source_fair_id')
    .leftJoin('activities as a', 'a.id', 'x.source_activity_id')
    .selectAll('x')
    .select(['o.name as organisation_name', 'f.title as fair_title', 'a.title as activity_title']);
  if (where.participantId !== undefined) q = q.where('x.participant_id', '=', where.participantId);
  if (where.id !== undefined) q = q.where('x.id', '=', where.id);
  const rows = await q.orderBy('x.date', 'desc').orderBy('x.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    participantId: r.participant_id,
    programId: r.program_id,
    enrollmentId: r.enrollment_id,
    kind: r.kind,
    date: r.date,
    qualified: r.qualified === 1,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    sourceFairId: r.source_fair_id,
    sourceFairTitle: r.fair_title,
    sourceActivityId: r.source_activity_id,
    sourceActivityTitle: r.activity_title,
    sourcePlacementId: r.source_placement_id,
    notes: r.notes,
  }));
}

/** A participant's outcomes, newest first. */
export async function listOutcomes(db: Db, participantId: number): Promise<Outcome[]> {
  return loadOutcomes(db, { participantId });
}

async function getOutcome(db: Db, id: number): Promise<Outcome> {
  const [o] = await loadOutcomes(db, { id });
  if (!o) throw new AppError('not_found', 'Ergebnis nicht gefunden.', 'Outcome not found.');
  return o;
}

async function checkOutcomeRefs(db: Db, d: ReturnType<typeof outcomeInput.parse>) {
  await assertExists(db, 'participants', d.participantId, 'participantId', 'Teilnehmende/r');
  await assertExists(db, 'programs', d.programId, 'programId', 'Programm');
  await assertExists(db, 'organisations', d.organisationId, 'organisationId', 'Unternehmen');
  await assertExists(db, 'fairs', d.sourceFairId, 'sourceFairId', 'Firmenkontaktbörse');
  await assertExists(db, 'activities', d.sourceActivityId, 'sourceActivityId', 'Aktivität');
  await assertExists(db, 'placements', d.sourcePlacementId, 'sourcePlacementId', 'AGH-Einsatz');
}

/**
 * The outcome's program: given, or taken from its source fair/activity/placement, so results credited to a
 * fair also count for that fair's program in reports.
 */
async function resolveProgram(db: Db, d: ReturnType<typeof outcomeInput.parse>): Promise<number | null> {
  if (d.programId !== null) return d.programId;
  if (d.sourceFairId !== null) return (await db.selectFrom('fairs').select('program_id').where('id', '=', d.sourceFairId).executeTakeFirst())?.program_id ?? null;
  if (d.sourceActivityId !== null) {
    return (await db.selectFrom('activities').select('program_id').where('id', '=', d.sourceActivityId).executeTakeFirst())?.program_id ?? null;
  }
  if (d.sourcePlacementId !== null) {
    return (await db.selectFrom('placements').select('program_id').where('id', '=', d.sourcePlacementId).executeTakeFirst())?.program_id ?? null;
  }
  return null;
}

function outcomeRow(d: ReturnType<typeof outcomeInput.parse>, anchor: Anchor) {
  return {
    participant_id: d.participantId,
    program_id: anchor.programId,
    enrollment_id: anchor.enrollmentId,
    kind: d.kind,
    // the flag only means something for employment subject to social insurance
    qualified: d.kind === 'sv_beschaeftigung' && d.qualified ? 1 : 0,
    date: d.date,
    organisation_id: d.organisationId,
    source_fair_id: d.sourceFairId,
    source_activity_id: d.sourceActivityId,
    source_placement_id: d.sourcePlacementId,
    notes: d.notes,
  };
}

/**
 * The enrollment the outcome belongs to (entry … exit + the program's follow-up months); refused with a field
 * error on the date when there is none, so no outcome is recorded outside a participation.
 */
export async function requireOutcomeAnchor(db: Db, participantId: number, programId: number | null, date: string): Promise<Anchor> {
  const anchor = await outcomeAnchor(db, participantId, programId, date);
  if (!anchor) throw notEnrolledError(date, 'date');
  return anchor;
}

/** Records an outcome; a source fair or activity gets the result credited in its figures. */
export async function createOutcome(db: Db, input: OutcomeInput): Promise<Outcome> {
  const d = outcomeInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    await checkOutcomeRefs(trx, d);
    const anchor = await requireOutcomeAnchor(trx, d.participantId, await resolveProgram(trx, d), d.date);
    const { id } = await trx.insertInto('outcomes').values(outcomeRow(d, anchor)).returning('id').executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'outcome', entityId: id, participantId: d.participantId, after: d });
    return id;
  });
  return getOutcome(db, id);
}

export async function updateOutcome(db: Db, id: number, input: OutcomeInput): Promise<Outcome> {
  const d = outcomeInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getOutcome(trx, id);
    await checkOutcomeRefs(trx, d);
    const anchor = await requireOutcomeAnchor(trx, d.participantId, await resolveProgram(trx, d), d.date);
    await trx.updateTable('outcomes').set({ ...outcomeRow(d, anchor), updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, { action: 'update', entity: 'outcome', entityId: id, participantId: d.participantId, before, after: d });
  });
  return getOutcome(db, id);
}

export async function deleteOutcome(db: Db, id: number): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const before = await getOutcome(trx, id);
    await trx.deleteFrom('outcomes').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'outcome', entityId: id, participantId: before.participantId });
  });
  return { ok: true };
}
