import type { Kysely } from 'kysely';
import type { EligibilityPerson } from '../../../shared/rules/eligibility.js';
import type { Database } from '../../db/schema.js';
import { titleHistories } from './title-history.service.js';

/**
 * What eligibility rules look at, for several people at once: the person's columns and their title history.
 * One loader for the enrollment service and the import, so both decide alike.
 */
export async function eligibilityPeople(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, EligibilityPerson>> {
  const out = new Map<number, EligibilityPerson>();
  if (ids.length === 0) return out;
  const histories = await titleHistories(db, ids);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('participants')
      .select([
        'id', 'commune_id', 'residence_status', 'birth_date', 'arrival_in_saxony', 'arrival_in_germany', 'asylblg_entitled',
        'migration_background', 'nationality_code', 'employment_status',
      ])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        communeId: r.commune_id,
        residenceStatus: r.residence_status,
        birthDate: r.birth_date,
        arrivalInSaxony: r.arrival_in_saxony,
        arrivalInGermany: r.arrival_in_germany,
        titles: histories.get(r.id) ?? [],
        asylblgEntitled: r.asylblg_entitled === null ? null : r.asylblg_entitled === 1,
        migrationBackground: r.migration_background === null ? null : r.migration_background === 1,
        nationalityCode: r.nationality_code,
        employmentStatus: r.employment_status,
      });
    }
  }
  return out;
}
