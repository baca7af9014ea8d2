import type { Kysely } from 'kysely';
import { normaliseName } from '../../../shared/rules/names.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function communeNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('communes').select(['id', 'name']).execute();
  return new Map(rows.map((c) => [c.id, c.name] as const));
}

/** Commune by name as written in the file (umlauts and case either way); each distinct spelling normalised once. */
export type CommuneOf = (name: string | null) => { id: number; name: string } | undefined;

export async function communeIndex(db: Db): Promise<CommuneOf> {
  const rows = await db.selectFrom('communes').select(['id', 'name']).orderBy('id').execute();
  const idx = new Map<string, { id: number; name: string }>();
  for (const c of rows) {
    const k = normaliseName(c.name);
    if (!idx.has(k)) idx.set(k, c);
  }
  const seen = new Map<string, { id: number; name: string } | undefined>();
  return (name) => {
    if (!name) return undefined;
    if (!seen.has(name)) seen.set(name, idx.get(normaliseName(name)));
    return seen.get(name);
  };
}
