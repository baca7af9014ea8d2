import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { makeTempDir } from './at-rest.js';
import { migrationProvider } from './migrations/index.js';
import { openDatabase } from './open.js';
import type { Database } from './schema.js';

/** One schema object as sqlite_master describes it; SQL with whitespace folded, so formatting never differs. */
type SchemaObject = string;

export async function schemaOf(db: Kysely<Database>): Promise<Set<SchemaObject>> {
  const rows = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
    SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`.execute(db);
  return new Set(rows.rows.map((r) => `${r.type} ${r.name} ON ${r.tbl_name}: ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`));
}

const references = new Map<string, Promise<Set<SchemaObject>>>();

/** The schema a fresh database has after migrating to `version` (cached per version for this process). */
export function referenceSchema(version: string): Promise<Set<SchemaObject>> {
  let ref = references.get(version);
  if (!ref) {
    ref = buildReference(version);
    references.set(version, ref);
    ref.catch(() => references.delete(version));
  }
  return ref;
}

async function buildReference(version: string): Promise<Set<SchemaObject>> {
  const dir = makeTempDir('lotse-restore-');
  try {
    const open = await openDatabase(path.join(dir, 'reference.sqlite'));
    try {
      const { error } = await new Migrator({ db: open.db, provider: migrationProvider }).migrateTo(version);
      if (error) throw error instanceof Error ? error : new Error(String(error));
      return await schemaOf(open.db);
    } finally {
      await open.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What differs from the reference: objects missing and objects that should not be there (or are changed). */
export function schemaDifferences(actual: Set<SchemaObject>, expected: Set<SchemaObject>): { missing: string[]; unexpected: string[] } {
  const name = (o: string) => o.slice(0, o.indexOf(' ON '));
  return {
    missing: [...expected].filter((o) => !actual.has(o)).map(name),
    unexpected: [...actual].filter((o) => !expected.has(o)).map(name),
  };
}
