import { sql, type QueryExecutorProvider } from 'kysely';

/** The two engines Lotse runs on: SQLite (one PC, the embedded default) and PostgreSQL (team mode). */
export type EngineKind = 'sqlite' | 'postgres';

const known = new WeakMap<object, EngineKind>();

/**
 * Which engine a Kysely instance (or transaction) talks to. Read from how the dialect compiles a parameter —
 * `$1` on PostgreSQL, `?` on SQLite — so only public Kysely API is used; cached per instance.
 */
export function engineOf(db: QueryExecutorProvider): EngineKind {
  const cached = known.get(db);
  if (cached) return cached;
  const kind: EngineKind = sql`${0}`.compile(db).sql === '$1' ? 'postgres' : 'sqlite';
  known.set(db, kind);
  return kind;
}
