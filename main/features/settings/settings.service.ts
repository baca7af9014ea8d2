import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Reads one JSON setting, or the fallback when unset. */
export async function getSetting<T>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  return JSON.parse(row.value) as T;
}

export async function setSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date().toISOString() }))
    .execute();
}

/** The coordinator's name for audit entries (Einstellungen); falls back to the OS user. */
export async function getActor(db: Kysely<Database>): Promise<string> {
  const name = await getSetting<string | null>(db, 'coordinatorName', null);
  return name ?? process.env.USERNAME ?? process.env.USER ?? 'unbekannt';
}
