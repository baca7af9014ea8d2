import type { Kysely } from 'kysely';
import type { Commune, CommuneInput } from '../../../shared/domain/communes.js';
import { communeInput } from '../../../shared/domain/communes.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

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

/** Creates a commune; name+district and AGS are unique. */
export async function createCommune(db: Kysely<Database>, input: CommuneInput): Promise<Commune> {
  const data = communeInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await assertUnique(trx, data);
    const row = await trx
      .insertInto('communes')
      .values(data)
      .returning(['id', 'name', 'district', 'ags'])
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'commune', entityId: row.id, after: row });
    return row;
  });
}

export async function updateCommune(db: Kysely<Database>, id: number, input: CommuneInput): Promise<Commune> {
  const data = communeInput.parse(input);
  return db.transaction().execute(async (trx) => {
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
  });
}
