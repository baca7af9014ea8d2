import { sql, type QueryExecutorProvider } from 'kysely';
import { engineOf } from './kind.js';

/**
 * Makes every INSERT into `table` fail with `message` (a full disk, a lost connection in the middle of a call),
 * on either engine; returns the function that lifts it. Only for tests of "nothing half-written".
 */
export async function failInsertsInto(db: QueryExecutorProvider, table: string, message: string): Promise<() => Promise<void>> {
  const quoted = message.replace(/'/g, "''");
  if (engineOf(db) === 'postgres') {
    await sql
      .raw(`CREATE FUNCTION test_fail_${table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${quoted}'; END $$`)
      .execute(db);
    await sql.raw(`CREATE TRIGGER test_fail_${table} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION test_fail_${table}()`).execute(db);
    return async () => {
      await sql.raw(`DROP TRIGGER test_fail_${table} ON ${table}`).execute(db);
      await sql.raw(`DROP FUNCTION test_fail_${table}()`).execute(db);
    };
  }
  await sql.raw(`CREATE TRIGGER test_fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${quoted}'); END`).execute(db);
  return async () => {
    await sql.raw(`DROP TRIGGER test_fail_${table}`).execute(db);
  };
}
