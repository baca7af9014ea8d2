import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';

/**
 * Refuses ids of programs that do not exist (a consent for program 4711), as a field error on `path`, so nothing
 * is stored that a report or the consent check would later read as a real program.
 */
export async function assertProgramsExist(db: Kysely<Database>, ids: readonly number[], path: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.selectFrom('programs').select('id').where('id', 'in', [...ids]).execute();
  const known = new Set(found.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return;
  throw new AppError('validation', `Programm Nr. ${missing.join(', ')} gibt es nicht.`, `Program ${missing.join(', ')} does not exist.`, {
    fields: [{ path, message: 'Unbekanntes Programm', messageEn: 'Unknown program' }],
  });
}
