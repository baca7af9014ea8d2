import type { Kysely } from 'kysely';
import type { Commune, CommuneInput } from '../../../shared/domain/communes.js';
import { communeInput } from '../../../shared/domain/communes.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { nowIso } from '../../../shared/domain/dates.js';
import { saxonyCommuneByAgs, type CatalogCommune } from '../../../shared/rules/saxony-communes.js';

/** All communes sorted by district, then name. */
export async function listCommunes(db: Kysely<Database>): Promise<Commune[]> {
  return db
    .selectFrom('communes')
    .select(['id', 'name', 'district', 'ags'])
    .orderBy('district')
    .orderBy('name')
    .execute();
}

async function assertUnique(db: Kysely<Database>, data: ReturnType<typeof communeInput.parse>, exceptId?: number) {
  const all = await listCommunes(db);
  const clash = all.find(
    (c) =>
      c.id !== exceptId &&
      c.name.toLowerCase() === data.name.toLowerCase() &&
      (c.district ?? '').toLowerCase() === (data.district ?? '').toLowerCase(),
  );
  if (clash) {
    throw new AppError('conflict', `Die Kommune "${data.name}" gibt es bereits.`, 'Commune exists.', {
      fields: [{ path: 'name', message: 'Gibt es bereits' }],
    });
  }
  const agsClash = data.ags ? all.find((c) => c.id !== exceptId && c.ags === data.ags) : undefined;
  if (agsClash) {
    throw new AppError('conflict', `Der Gemeindeschlüssel ${data.ags} gehört schon zu ${agsClash.name}.`, 'AGS in use.', {
      fields: [{ path: 'ags', message: `Gehört schon zu ${agsClash.name}` }],
    });
  }
}

/** Inserts a checked commune inside the caller's transaction, with its audit entry. */
async function insertCommune(trx: Kysely<Database>, data: ReturnType<typeof communeInput.parse>): Promise<Commune> {
  await assertUnique(trx, data);
  const row = await trx.insertInto('communes').values(data).returning(['id', 'name', 'district', 'ags']).executeTakeFirstOrThrow();
  await audit(trx, { action: 'create', entity: 'commune', entityId: row.id, after: row });
  return row;
}

/** Creates a commune; name+district and AGS are unique. */
export async function createCommune(db: Kysely<Database>, input: CommuneInput): Promise<Commune> {
  const data = communeInput.parse(input);
  return db.transaction().execute((trx) => insertCommune(trx, data));
}

/** Changes a commune inside the caller's transaction, with its audit entry. */
async function changeCommune(trx: Kysely<Database>, id: number, data: ReturnType<typeof communeInput.parse>): Promise<Commune> {
  const before = await trx.selectFrom('communes').select(['id', 'name', 'district', 'ags']).where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('not_found', 'Kommune nicht gefunden.', 'Commune not found.');
  await assertUnique(trx, data, id);
  const row = await trx
    .updateTable('communes')
    .set({ ...data, updated_at: nowIso() })
    .where('id', '=', id)
    .returning(['id', 'name', 'district', 'ags'])
    .executeTakeFirstOrThrow();
  await audit(trx, { action: 'update', entity: 'commune', entityId: id, before, after: row });
  return row;
}

export async function updateCommune(db: Kysely<Database>, id: number, input: CommuneInput): Promise<Commune> {
  const data = communeInput.parse(input);
  return db.transaction().execute((trx) => changeCommune(trx, id, data));
}

/** Finds the commune a catalogue entry already is: same key, or same name and district still without a key. */
function existingFor(all: Commune[], entry: CatalogCommune): Commune | undefined {
  return (
    all.find((c) => c.ags === entry.ags) ??
    all.find((c) => c.ags === null && c.name.toLowerCase() === entry.name.toLowerCase() && (c.district ?? '').toLowerCase() === entry.district.toLowerCase())
  );
}

/**
 * Creates the picked municipalities of Saxony's catalogue in one transaction (first start: pick instead of type).
 * Name and district come from the catalogue, never from the caller; what exists already is returned, not duplicated.
 */
export async function addCommunesFromCatalog(db: Kysely<Database>, keys: string[]): Promise<{ communes: Commune[]; created: number }> {
  const entries = [...new Set(keys)].map((key) => {
    const entry = saxonyCommuneByAgs(key);
    if (!entry) {
      throw new AppError('validation', `Der Gemeindeschlüssel ${key} steht nicht im Verzeichnis der sächsischen Gemeinden.`, `Key ${key} is not in the directory of Saxony's municipalities.`, {
        fields: [{ path: 'ags', message: 'Nicht im Verzeichnis' }],
      });
    }
    return entry;
  });
  return db.transaction().execute(async (trx) => {
    const all = await listCommunes(trx);
    const picked: Commune[] = [];
    let created = 0;
    for (const entry of entries) {
      const existing = existingFor(all, entry);
      if (existing) {
        picked.push(existing.ags ? existing : await changeCommune(trx, existing.id, { name: existing.name, district: existing.district, ags: entry.ags }));
        continue;
      }
      const row = await insertCommune(trx, { name: entry.name, district: entry.district, ags: entry.ags });
      all.push(row);
      picked.push(row);
      created++;
    }
    return { communes: picked, created };
  });
}
