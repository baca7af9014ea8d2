import type { Kysely } from 'kysely';
import { searchTerm } from '../../../shared/rules/names.js';
import type { Database } from '../../db/schema.js';

/**
 * Participants are owned by the participants feature; fairs and activities only read them, through this one
 * place, so a schema change there touches one file here.
 */
export function displayName(last: string | null, first: string | null): string {
  if (!last && !first) return '(anonymisiert)';
  return [last, first].filter(Boolean).join(', ');
}

export interface PersonRow {
  id: number;
  last_name: string | null;
  first_name: string | null;
  birth_date: string | null;
}

/** Name search over the accent-free search text; every typed word must occur. Anonymised people are not found. */
export async function searchParticipants(db: Kysely<Database>, query: string, limit: number): Promise<PersonRow[]> {
  // "Haddad, Samir" as the list shows it must find Samir Haddad: separators other than - and ' split words
  const words = searchTerm(query.replace(/[,;.:/()]+/g, ' ')).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return [];
  let q = db
    .selectFrom('participants')
    .select(['id', 'last_name', 'first_name', 'birth_date'])
    .where('anonymised_at', 'is', null)
    .where('archived_at', 'is', null);
  for (const w of words) q = q.where('search_text', 'like', `%${w.replace(/[%_]/g, '')}%`);
  return q.orderBy('last_name').orderBy('first_name').orderBy('id').limit(limit).execute();
}

export async function participantExists(db: Kysely<Database>, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom('participants').select(['id', 'last_name', 'first_name', 'birth_date']).where('id', '=', id).executeTakeFirst();
}
