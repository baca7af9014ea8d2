import { sql, type Kysely } from 'kysely';

/**
 * The registry's search while typing, at 100,000 people (issues 13, 19): with both name indexes present, SQLite's
 * planner walked `participants_last_first` in name order and looked up every table row to test a rare search term
 * (≈150 ms per keystroke for "kovalenko"), instead of the covering `participants_active_name_search` (≈25 ms). The
 * narrow index is dropped: the active people's name order comes from the covering index; a list that includes
 * archived people sorts its matches instead (≈20–40 ms at 100,000). Measured by `npm run bench`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS participants_last_first`.execute(db);
}
