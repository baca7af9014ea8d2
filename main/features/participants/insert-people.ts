import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { mapFreeTextValues } from './participant-model.sql.js';
import { derivedColumns } from './participants.service.js';

export interface PlainPerson {
  lastName: string;
  firstName: string;
  birthDate?: string | null;
  gender?: 'w' | 'm' | 'd' | null;
  nationality?: string | null;
  communeId?: number | null;
  residenceStatus?: string | null;
  caseNumber?: string | null;
}

/**
 * Inserts participants straight into the table, with the derived columns (duplicate keys, search text, birth
 * year) computed exactly as the participants service does; for tests and demo data of other features, which need
 * people without going through the participant form's rules.
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
        residence_status: p.residenceStatus ?? null,
        case_number: p.caseNumber ?? null,
        ...derivedColumns({ lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate ?? null, caseNumber: p.caseNumber ?? null }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  // statuses and nationalities to the catalogues, as the service and the import do
  await mapFreeTextValues(db, ids);
  return ids;
}
