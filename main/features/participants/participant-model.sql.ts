import { sql, type Kysely } from 'kysely';
import { parseNationality } from '../../../shared/rules/countries.js';
import { parseResidenceTitle } from '../../../shared/rules/residence-title-parser.js';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import type { Database } from '../../db/schema.js';

// typed loosely so the migration (Kysely<unknown>) maps with the same statements as the services
type AnyDb = Kysely<Database> | Kysely<unknown>;

const idList = (ids: readonly number[]) => {
  if (!ids.every((id) => Number.isSafeInteger(id))) throw new TypeError('ids must be integers');
  return sql.raw(ids.join(', '));
};

/**
 * Maps free-text residence statuses and nationalities (old records, imports, demo data) to the catalogues, once
 * per distinct text: a status that names a title becomes the person's title (history entry with an open start,
 * since when is unknown) and its German label; a nationality becomes its code and German name. Texts that name
 * nothing stay as they are with a NULL code — listed for a person to decide, never dropped. `ids` limits it.
 */
export async function mapFreeTextValues(db: AnyDb, ids?: readonly number[]): Promise<void> {
  if (ids === undefined) return mapChunk(db);
  // chunks keep the statement under SQLite's length limit for an import of 100,000 people
  for (let i = 0; i < ids.length; i += 5000) await mapChunk(db, ids.slice(i, i + 5000));
}

async function mapChunk(db: AnyDb, ids?: readonly number[]): Promise<void> {
  const only = ids === undefined ? sql`` : sql`AND id IN (${idList(ids)})`;
  const statuses = await sql<{ v: string }>`SELECT DISTINCT residence_status AS v FROM participants
    WHERE residence_status IS NOT NULL AND residence_title_code IS NULL ${only}`.execute(db);
  for (const { v } of statuses.rows) {
    const title = residenceTitle(parseResidenceTitle(v));
    if (!title) continue;
    const matching = sql`residence_status = ${v} AND residence_title_code IS NULL ${only}`;
    await sql`INSERT INTO participant_titles (participant_id, title_code)
      SELECT id, ${title.code} FROM participants WHERE ${matching}
        AND NOT EXISTS (SELECT 1 FROM participant_titles t WHERE t.participant_id = participants.id)`.execute(db);
    await sql`UPDATE participants SET residence_title_code = ${title.code}, residence_status = ${title.label} WHERE ${matching}`.execute(db);
  }
  const nationalities = await sql<{ v: string }>`SELECT DISTINCT nationality AS v FROM participants
    WHERE nationality IS NOT NULL AND nationality_code IS NULL ${only}`.execute(db);
  for (const { v } of nationalities.rows) {
    const found = parseNationality(v);
    if (!found) continue;
    await sql`UPDATE participants SET nationality_code = ${found.code}, nationality = ${found.name}
      WHERE nationality = ${v} AND nationality_code IS NULL ${only}`.execute(db);
  }
}

/** Title and nationality codes of entry snapshots that hold only the texts (taken before these codes existed). */
export async function mapEntryCodes(db: AnyDb): Promise<void> {
  const statuses = await sql<{ v: string }>`SELECT DISTINCT entry_residence_status AS v FROM enrollments
    WHERE entry_residence_status IS NOT NULL AND entry_title_code IS NULL`.execute(db);
  for (const { v } of statuses.rows) {
    const code = parseResidenceTitle(v);
    if (code) await sql`UPDATE enrollments SET entry_title_code = ${code} WHERE entry_residence_status = ${v} AND entry_title_code IS NULL`.execute(db);
  }
  const nationalities = await sql<{ v: string }>`SELECT DISTINCT entry_nationality AS v FROM enrollments
    WHERE entry_nationality IS NOT NULL AND entry_nationality_code IS NULL`.execute(db);
  for (const { v } of nationalities.rows) {
    const found = parseNationality(v);
    if (found) {
      await sql`UPDATE enrollments SET entry_nationality_code = ${found.code}
        WHERE entry_nationality = ${v} AND entry_nationality_code IS NULL`.execute(db);
    }
  }
}
