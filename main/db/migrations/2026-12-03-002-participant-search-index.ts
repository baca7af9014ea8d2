import { sql, type Kysely } from 'kysely';

/**
 * The registry's search while typing, without a filter, at 100,000 people (issue 19): the name index now also holds
 * the search text, so counting the matches and finding the first page in name order read only this index. Before,
 * every entry of the name index cost a lookup of its table row to test the term (0.5 s per keystroke). The new index
 * has the old one's columns as its prefix and replaces it.
 */
const statements = [
  `CREATE INDEX participants_active_name_search ON participants (last_name, first_name, id, search_text) WHERE archived_at IS NULL`,
  `DROP INDEX participants_active_name`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
