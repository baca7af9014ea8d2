import type { Kysely } from 'kysely';
import type { CanonicalParticipant } from '../../../shared/domain/imports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

// what other features' command-line commands need from the import's side of the data

/** All participants as canonical records (what `lotse participants --json` prints), commune by name when linked. */
export async function canonicalParticipants(db: Db): Promise<CanonicalParticipant[]> {
  const rows = await db
    .selectFrom('participants')
    .leftJoin('communes', 'communes.id', 'participants.commune_id')
    .select([
      'participants.last_name', 'participants.first_name', 'participants.birth_date', 'participants.gender',
      'participants.nationality', 'communes.name as commune_name', 'participants.commune_text', 'participants.residence_status',
      'participants.arrival_in_saxony', 'participants.german_level', 'participants.phone', 'participants.email', 'participants.case_number',
    ])
    .orderBy('participants.id')
    .execute();
  return rows.map((r) => ({
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    gender: r.gender,
    nationality: r.nationality,
    commune: r.commune_name ?? r.commune_text,
    residenceStatus: r.residence_status,
    arrivalDate: r.arrival_in_saxony,
    germanLevel: r.german_level,
    phone: r.phone,
    email: r.email,
    caseNumber: r.case_number,
  }));
}

/** Program id by name (case-insensitive), for `lotse import --program NAME`. */
export async function programIdByName(db: Db, name: string): Promise<number> {
  const rows = await db.selectFrom('programs').select(['id', 'name']).execute();
  const hit = rows.find((r) => r.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (!hit) throw new AppError('not_found', `Das Programm „${name}“ gibt es nicht.`, `Program "${name}" not found.`);
  return hit.id;
}
