import type { Kysely } from 'kysely';
import { caseNumberKey, nameKey, searchText } from '../../../shared/rules/names.js';
import type { Database } from '../../db/schema.js';

export interface PlainPerson {
  lastName: string;
  firstName: string;
  birthDate?: string | null;
  gender?: 'w' | 'm' | 'd' | null;
  nationality?: string | null;
  communeId?: number | null;
  caseNumber?: string | null;
}

/**
 * Inserts participants straight into the table with the same keys the participants service maintains; for
 * tests and demo data of fairs and activities, which must not depend on the participants feature's code.
 */
export async function insertPeople(db: Kysely<Database>, people: PlainPerson[]): Promise<number[]> {
  const ids: number[] = [];
  for (const p of people) {
    const { id } = await db
      .insertInto('participants')
      .values({
        last_name: p.lastName,
        first_name: p.firstName,
        birth_date: p.birthDate ?? null,
        gender: p.gender ?? null,
        nationality: p.nationality ?? null,
        commune_id: p.communeId ?? null,
        case_number: p.caseNumber ?? null,
        name_key: nameKey(p.lastName, p.firstName, p.birthDate ?? null),
        case_number_key: caseNumberKey(p.caseNumber ?? null),
        search_text: searchText(p.lastName, p.firstName, p.caseNumber ?? null),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}
