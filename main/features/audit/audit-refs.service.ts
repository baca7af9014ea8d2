import type { Kysely } from 'kysely';
import type { HistoryRef } from '../../../shared/domain/participants.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;
type RefKind = HistoryRef['kind'];

/**
 * Snapshot fields that hold the id of another record. Audit rows are append-only and keep ids as they were
 * written, so names are looked up when the trail is read: a renamed program shows its current name, a deleted one
 * shows as deleted instead of a bare number.
 */
export const refFields: Readonly<Record<string, RefKind>> = {
  programId: 'program',
  communeId: 'commune',
  organisationId: 'organisation',
  fairId: 'fair',
  sourceFairId: 'fair',
  sourceActivityId: 'activity',
};

/** The kind of record a snapshot field refers to, if it is one of the known id fields. */
export function refKindOf(field: string): RefKind | null {
  return Object.prototype.hasOwnProperty.call(refFields, field) ? refFields[field]! : null;
}

/** A positive integer id from an audit snapshot value; anything else (null, text of old rows) is not a reference. */
export function asRefId(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null;
}

/** Collects ids per kind, then resolves them with one query per kind (a trail has at most a few hundred rows). */
export class RefResolver {
  private readonly wanted = new Map<RefKind, Set<number>>();
  private readonly names = new Map<string, string>();

  want(kind: RefKind, id: number | null): void {
    if (id === null) return;
    let set = this.wanted.get(kind);
    if (!set) this.wanted.set(kind, (set = new Set()));
    set.add(id);
  }

  async load(db: Db): Promise<void> {
    for (const [kind, set] of this.wanted) {
      const ids = [...set];
      // chunks keep each statement under SQLite's variable limit
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await lookup(db, kind, chunk);
        for (const r of rows) this.names.set(`${kind}:${r.id}`, r.name);
      }
    }
  }

  /** The record as the Verlauf shows it; name null means it no longer exists. */
  ref(kind: RefKind, id: number): HistoryRef {
    return { kind, id, name: this.names.get(`${kind}:${id}`) ?? null };
  }
}

async function lookup(db: Db, kind: RefKind, ids: number[]): Promise<{ id: number; name: string }[]> {
  switch (kind) {
    case 'program':
      return db.selectFrom('programs').select(['id', 'name']).where('id', 'in', ids).execute();
    case 'commune':
      return db.selectFrom('communes').select(['id', 'name']).where('id', 'in', ids).execute();
    case 'organisation':
      return db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
    case 'fair':
      return db.selectFrom('fairs').select(['id', 'title as name']).where('id', 'in', ids).execute();
    case 'activity':
      return db.selectFrom('activities').select(['id', 'title as name']).where('id', 'in', ids).execute();
  }
}
