import type { Kysely } from 'kysely';
import { eligibilityGroup } from '../../../shared/domain/eligibility.js';
import {
  programInput,
  successKey,
  targetKeys,
  targetLabels,
  type Program,
  type ProgramInput,
  type ProgramTarget,
} from '../../../shared/domain/programs.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { reanchorProgramOutcomes } from '../enrollments/anchor.service.js';
import { syncProgramFollowUps } from '../enrollments/entry.sql.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

async function loadPrograms(db: Db, where: { id?: number; includeArchived: boolean }): Promise<Program[]> {
  let q = db.selectFrom('programs').selectAll();
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  if (!where.includeArchived) q = q.where('archived_at', 'is', null);
  const rows = await q.orderBy('start_date', 'desc').orderBy('name').execute();
  if (rows.length === 0) return [];
  const communes = await db
    .selectFrom('program_communes as pc')
    .innerJoin('communes as c', 'c.id', 'pc.commune_id')
    .select(['pc.program_id', 'pc.commune_id', 'pc.slots', 'c.name', 'c.district', 'c.ags'])
    .where(
      'pc.program_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('c.name')
    .execute();
  const targets = await loadTargets(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    operator: r.operator,
    funder: r.funder,
    fundingGuideline: r.funding_guideline,
    grantReference: r.grant_reference,
    startDate: r.start_date,
    endDate: r.end_date,
    hourlyRateCents: r.hourly_rate_cents,
    eligibilityRule: eligibilityGroup.parse(JSON.parse(r.eligibility_rule)),
    communes: communes
      .filter((c) => c.program_id === r.id)
      .map((c) => ({ communeId: c.commune_id, communeName: c.name, district: c.district, ags: c.ags, slots: c.slots })),
    followUpMonths: r.follow_up_months,
    successKinds: successKey.array().parse(JSON.parse(r.success_kinds)),
    targets: targets.get(r.id) ?? [],
    esfPlus: r.esf_plus === 1,
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Planned targets per program, in the order of targetKeys. */
async function loadTargets(db: Db, programIds: number[]): Promise<Map<number, ProgramTarget[]>> {
  const rows = await db.selectFrom('program_targets').select(['program_id', 'key', 'planned']).where('program_id', 'in', programIds).execute();
  const byProgram = new Map<number, ProgramTarget[]>();
  for (const key of targetKeys) {
    for (const r of rows.filter((x) => x.key === key)) {
      const list = byProgram.get(r.program_id) ?? [];
      list.push({ key, label: targetLabels[key], planned: r.planned });
      byProgram.set(r.program_id, list);
    }
  }
  return byProgram;
}

/** Replaces a program's targets with the given list (keys not listed have no planned value). */
async function saveTargets(db: Db, programId: number, targets: ReturnType<typeof programInput.parse>['targets']): Promise<void> {
  await db.deleteFrom('program_targets').where('program_id', '=', programId).execute();
  if (targets.length === 0) return;
  await db
    .insertInto('program_targets')
    .values(targets.map((t) => ({ program_id: programId, key: t.key, planned: t.planned })))
    .execute();
}

/** All programs with their communes and AGH slots, newest first. */
export async function listPrograms(db: Db, includeArchived = false): Promise<Program[]> {
  return loadPrograms(db, { includeArchived });
}

export async function getProgram(db: Db, id: number): Promise<Program> {
  const [p] = await loadPrograms(db, { id, includeArchived: true });
  if (!p) throw new AppError('not_found', `Programm ${id} nicht gefunden.`, `Program ${id} not found.`);
  return p;
}

/** Finds a program by exact (case-insensitive) name, for the CLI and imports. */
export async function findProgramByName(db: Db, name: string): Promise<Program> {
  const all = await loadPrograms(db, { includeArchived: true });
  const p = all.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!p) {
    const known = all.map((x) => `"${x.name}"`).join(', ') || 'keine';
    throw new AppError('not_found', `Programm "${name}" nicht gefunden. Vorhanden: ${known}.`, `Program "${name}" not found.`);
  }
  return p;
}

async function assertCommunesExist(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.selectFrom('communes').select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((f) => f.id));
  const missing = ids.findIndex((i) => !known.has(i));
  if (missing !== -1) {
    throw new AppError('validation', `Unbekannte Kommune (Nr. ${ids[missing]}).`, 'Unknown commune.', {
      fields: [{ path: `communes.${missing}.communeId`, message: 'Unbekannte Kommune' }],
    });
  }
}

async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const rows = await db.selectFrom('programs').select(['id', 'name']).execute();
  if (rows.some((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError('conflict', `Ein Programm "${name}" gibt es bereits.`, 'Program name in use.', {
      fields: [{ path: 'name', message: 'Name schon vergeben' }],
    });
  }
}

function programRow(data: ReturnType<typeof programInput.parse>) {
  return {
    name: data.name,
    operator: data.operator,
    funder: data.funder,
    funding_guideline: data.fundingGuideline,
    grant_reference: data.grantReference,
    start_date: data.startDate,
    end_date: data.endDate,
    hourly_rate_cents: data.hourlyRateCents,
    eligibility_rule: JSON.stringify(data.eligibilityRule),
    follow_up_months: data.followUpMonths,
    success_kinds: JSON.stringify(data.successKinds),
    esf_plus: data.esfPlus ? 1 : 0,
  };
}

/** Creates a program with its communes and slots, all in one transaction. */
export async function createProgram(db: Db, input: ProgramInput): Promise<Program> {
  const data = programInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    await assertNameFree(trx, data.name);
    await assertCommunesExist(trx, data.communes.map((c) => c.communeId));
    const { id } = await trx.insertInto('programs').values(programRow(data)).returning('id').executeTakeFirstOrThrow();
    if (data.communes.length > 0) {
      await trx
        .insertInto('program_communes')
        .values(data.communes.map((c) => ({ program_id: id, commune_id: c.communeId, slots: c.slots })))
        .execute();
    }
    await saveTargets(trx, id, data.targets);
    await audit(trx, { action: 'create', entity: 'program', entityId: id, after: data });
    return id;
  });
  return getProgram(db, id);
}

/** Replaces a program's fields and commune list. Communes with AGH placements cannot be removed. */
export async function updateProgram(db: Db, id: number, input: ProgramInput): Promise<Program> {
  const parsed = programInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getProgram(trx, id);
    // a form that does not know the issue-13 fields yet leaves them as they are instead of resetting them
    const data = {
      ...parsed,
      followUpMonths: input.followUpMonths === undefined ? before.followUpMonths : parsed.followUpMonths,
      successKinds: input.successKinds === undefined ? before.successKinds : parsed.successKinds,
      targets: input.targets === undefined ? before.targets.map(({ key, planned }) => ({ key, planned })) : parsed.targets,
      esfPlus: parsed.esfPlus ?? before.esfPlus,
    };
    await assertNameFree(trx, data.name, id);
    await assertCommunesExist(trx, data.communes.map((c) => c.communeId));
    const keep = new Set(data.communes.map((c) => c.communeId));
    const removed = before.communes.filter((c) => !keep.has(c.communeId)).map((c) => c.communeId);
    if (removed.length > 0) {
      const used = await trx
        .selectFrom('placements')
        .innerJoin('communes', 'communes.id', 'placements.commune_id')
        .select('communes.name')
        .where('placements.program_id', '=', id)
        .where('placements.commune_id', 'in', removed)
        .executeTakeFirst();
      if (used) {
        throw new AppError(
          'conflict',
          `Die Kommune ${used.name} hat AGH-Einsätze in diesem Programm und kann nicht entfernt werden.`,
          'Commune has placements.',
        );
      }
      await trx.deleteFrom('program_communes').where('program_id', '=', id).where('commune_id', 'in', removed).execute();
    }
    await trx.updateTable('programs').set({ ...programRow(data), updated_at: nowIso() }).where('id', '=', id).execute();
    for (const c of data.communes) {
      await trx
        .insertInto('program_communes')
        .values({ program_id: id, commune_id: c.communeId, slots: c.slots })
        .onConflict((oc) => oc.columns(['program_id', 'commune_id']).doUpdateSet({ slots: c.slots, updated_at: nowIso() }))
        .execute();
    }
    await saveTargets(trx, id, data.targets);
    if (before.followUpMonths !== data.followUpMonths) {
      // the window after exit moved: follow-ups fall due on another day and outcomes may fall in or out of it
      await syncProgramFollowUps(trx, id);
      await reanchorProgramOutcomes(trx, id);
    }
    await audit(trx, { action: 'update', entity: 'program', entityId: id, before, after: data });
  });
  return getProgram(db, id);
}

export async function archiveProgram(db: Db, id: number, archived: boolean): Promise<Program> {
  await db.transaction().execute(async (trx) => {
    await getProgram(trx, id);
    await trx
      .updateTable('programs')
      .set({ archived_at: archived ? nowIso() : null, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await audit(trx, { action: archived ? 'archive' : 'unarchive', entity: 'program', entityId: id });
  });
  return getProgram(db, id);
}
