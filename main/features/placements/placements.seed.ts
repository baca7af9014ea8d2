import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { createCommune } from '../communes/communes.service.js';
import { insertPeople } from '../participants/insert-people.js';
import { createProgram } from '../programs/programs.service.js';

/**
 * People and enrollments for placement tests and the AGH demo, written directly (the participants feature owns
 * their services) with the same normalised keys (name_key, search_text) its service maintains.
 */
export async function addPerson(
  db: Kysely<Database>,
  p: { lastName: string; firstName: string; birthDate?: string | null; communeId?: number | null },
): Promise<number> {
  // AGH is for people under the asylum seekers benefits act: the default status makes them eligible
  const [id] = await insertPeople(db, [{ ...p, residenceStatus: 'Aufenthaltsgestattung' }]);
  return id!;
}

export async function enrol(
  db: Kysely<Database>,
  participantId: number,
  programId: number,
  opts: { status?: 'aktiv' | 'interessiert'; eligible?: boolean; appliedOn?: string | null } = {},
): Promise<number> {
  const eligible = opts.eligible ?? true;
  const { id } = await db
    .insertInto('enrollments')
    .values({
      participant_id: participantId,
      program_id: programId,
      status: opts.status ?? 'aktiv',
      applied_on: opts.appliedOn ?? null,
      start_date: null,
      end_date: null,
      exit_reason: null,
      eligible: eligible ? 1 : 0,
      eligibility_reason: null,
      override_reason: eligible ? null : 'Test: Ausnahme',
      import_batch_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** An AGH program with the given communes and slots (rate 80 ct). */
export async function aghProgram(db: Kysely<Database>, communes: Record<string, number>, hourlyRateCents = 80) {
  const ids: Record<string, number> = {};
  for (const name of Object.keys(communes)) ids[name] = (await createCommune(db, { name, district: 'Mittelsachsen', ags: null })).id;
  const program = await createProgram(db, {
    name: 'AGH Test',
    operator: 'Landkreis Mittelsachsen',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    hourlyRateCents,
    communes: Object.entries(communes).map(([name, slots]) => ({ communeId: ids[name]!, slots })),
  });
  return { programId: program.id, communeIds: ids };
}
