import type { Kysely } from 'kysely';
import type { ProgramSpan } from '../../../shared/contract/dashboard.contract.js';
import type { Database } from '../../db/schema.js';

/**
 * The first and last day on which a program has records (enrollments, fairs, activities, outcomes, AGH placements).
 * The Übersicht's default period reaches this far, so nothing dated before the program's official start (fairs
 * recorded from an earlier project) or after today (fairs already planned) is hidden when it opens.
 * Each part is a min/max over an index that starts with program_id.
 */
export async function programSpan(db: Kysely<Database>, programId: number): Promise<ProgramSpan> {
  const parts = await Promise.all([
    db.selectFrom('enrollments').where('program_id', '=', programId)
      .select((eb) => [eb.fn.min('start_date').as('from'), eb.fn.max('start_date').as('to')]).executeTakeFirst(),
    db.selectFrom('fairs').where('program_id', '=', programId)
      .select((eb) => [eb.fn.min('date').as('from'), eb.fn.max('date').as('to')]).executeTakeFirst(),
    db.selectFrom('activities').where('program_id', '=', programId)
      .select((eb) => [eb.fn.min('date').as('from'), eb.fn.max('date').as('to')]).executeTakeFirst(),
    db.selectFrom('outcomes').where('program_id', '=', programId)
      .select((eb) => [eb.fn.min('date').as('from'), eb.fn.max('date').as('to')]).executeTakeFirst(),
    db.selectFrom('placements').where('program_id', '=', programId)
      .select((eb) => [eb.fn.min('start_date').as('from'), eb.fn.max('start_date').as('to')]).executeTakeFirst(),
  ]);
  const froms = parts.map((p) => p?.from).filter((d): d is string => typeof d === 'string').sort();
  const tos = parts.map((p) => p?.to).filter((d): d is string => typeof d === 'string').sort();
  return { from: froms[0] ?? null, to: tos.at(-1) ?? null };
}
