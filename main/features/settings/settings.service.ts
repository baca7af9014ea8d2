import { engineOf } from '../../db/engine/kind.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
// audit.service imports getActor from here; the cycle is safe because both only call each other at run time
import { audit } from '../audit/audit.service.js';
import {
  appSettingsInput,
  defaultImportLimits,
  importLimits,
  operatorDetails,
  type AppSettings,
  type AppSettingsInput,
  type ImportLimits,
  type OperatorDetails,
} from '../../../shared/domain/settings.js';
import { nowIso } from '../../../shared/domain/dates.js';

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
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: nowIso() }))
    .execute();
}

/** The coordinator's name for audit entries (Einstellungen); falls back to the OS user. */
export async function getActor(db: Kysely<Database>): Promise<string> {
  // team mode: the logged-in role, which the audit log's row policy checks; not a name anyone can type
  if (engineOf(db) === 'postgres') return (await sql<{ u: string }>`SELECT session_user AS u`.execute(db)).rows[0]!.u;
  const name = await getSetting<string | null>(db, 'coordinatorName', null);
  return name ?? process.env.USERNAME ?? process.env.USER ?? 'unbekannt';
}

type Db = Kysely<Database>;
const emptyOperator: OperatorDetails = { name: null, address: null, place: null, contact: null };

/** The operator (Träger) details for certificates, reports and access exports. */
export async function getOperatorDetails(db: Db): Promise<OperatorDetails> {
  const stored = await getSetting<unknown>(db, 'operator', null);
  const parsed = operatorDetails.safeParse(stored ?? emptyOperator);
  return parsed.success ? parsed.data : emptyOperator;
}

/** Limits the import applies; safe defaults when unset or unreadable. */
export async function getImportLimits(db: Db): Promise<ImportLimits> {
  const stored = await getSetting<unknown>(db, 'importLimits', null);
  const parsed = importLimits.safeParse(stored ?? defaultImportLimits);
  return parsed.success ? parsed.data : defaultImportLimits;
}

/** Everything on the Einstellungen page. */
export async function getAppSettings(db: Db): Promise<AppSettings> {
  return {
    coordinatorName: await getSetting<string | null>(db, 'coordinatorName', null),
    operator: await getOperatorDetails(db),
    importLimits: await getImportLimits(db),
  };
}

/**
 * Saves all settings in one transaction and audits the change. The audit entry is written after the new name is
 * stored, so a renamed coordinator signs their own change.
 */
export async function updateAppSettings(db: Db, input: AppSettingsInput): Promise<AppSettings> {
  const data = appSettingsInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getAppSettings(trx);
    await setSetting(trx, 'coordinatorName', data.coordinatorName);
    await setSetting(trx, 'operator', data.operator);
    await setSetting(trx, 'importLimits', data.importLimits);
    await audit(trx, { action: 'update', entity: 'settings', before, after: data });
  });
  return getAppSettings(db);
}

/** Stores only the coordinator's name (first start); the audit entry is signed with the new name. */
export async function setCoordinatorName(db: Db, name: string): Promise<AppSettings> {
  await db.transaction().execute(async (trx) => {
    const before = await getSetting<string | null>(trx, 'coordinatorName', null);
    await setSetting(trx, 'coordinatorName', name);
    await audit(trx, { action: 'update', entity: 'settings', before: { coordinatorName: before }, after: { coordinatorName: name } });
  });
  return getAppSettings(db);
}
