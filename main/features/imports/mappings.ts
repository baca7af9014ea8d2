import type { Kysely } from 'kysely';
import type { ImportField, ImportMapping } from '../../../shared/domain/imports.js';
import type { Database } from '../../db/schema.js';
import { layoutKey, senderKey, type SavedMappings } from '../../excel/import/saved-mapping.js';
import { headerKey } from '../../excel/import/table.js';
import { getSetting, setSetting } from '../settings/settings.service.js';

type Db = Kysely<Database>;

/** The column mappings a user confirmed, by the file's layout and by sender, kept in the settings. */
const MAPPINGS_KEY = 'imports.mappings';

export async function savedMappings(db: Db): Promise<SavedMappings> {
  return getSetting<SavedMappings>(db, MAPPINGS_KEY, {});
}

export async function saveMapping(db: Db, sender: string | null | undefined, headers: string[], mapping: ImportMapping): Promise<void> {
  const all = await savedMappings(db);
  // an ignored column is saved too (null), so a later file can tell it from a column never seen
  const byHeader: Record<string, ImportField | null> = {};
  mapping.forEach((f, i) => {
    const key = headerKey(headers[i] ?? '');
    if (key) byHeader[key] = f ?? null;
  });
  all[layoutKey(headers)] = byHeader;
  if (sender?.trim()) all[senderKey(sender)] = byHeader;
  await setSetting(db, MAPPINGS_KEY, all);
}
