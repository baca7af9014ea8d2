import fs from 'node:fs';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../../shared/errors.js';
import { backupNamed } from './backup.js';
import { listTables } from './engine/catalog.js';
import { applyTeamAccess } from './engine/team-access.js';
import { isServerUrl } from './engine/target.js';
import { latestSchemaVersion, migrationProvider, migrations } from './migrations/index.js';
import { openDatabase, type OpenDatabase, type OpenOptions } from './open.js';

export interface MigrateResult {
  applied: string[];
  backup: string | null;
  schemaVersion: string | null;
}

/** Names of migrations already applied to this file ([] for a new, empty file). */
export async function appliedMigrations(open: OpenDatabase): Promise<string[]> {
  if (!(await listTables(open.db)).includes('kysely_migration')) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(open.db);
  return rows.rows.map((r) => r.name);
}

/** Refuses files that are not Lotse databases or that a newer Lotse wrote. */
export async function checkIsLotseDatabase(open: OpenDatabase): Promise<string[]> {
  let tables: string[];
  try {
    tables = await listTables(open.db);
  } catch {
    throw new AppError(
      'not_a_lotse_database',
      `Die Datei ${open.path} ist keine SQLite-Datenbank.`,
      `${open.path} is not an SQLite database.`,
    );
  }
  const applied = await appliedMigrations(open);
  const userTables = tables;
  if (userTables.length > 0 && applied.length === 0) {
    throw new AppError(
      'not_a_lotse_database',
      `Die Datei ${open.path} ist keine Lotse-Datenbank (fremde Tabellen: ${userTables.slice(0, 3).join(', ')}).`,
      `${open.path} is not a Lotse database.`,
    );
  }
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new AppError(
      'schema_too_new',
      `Die Datenbank wurde mit einer neueren Lotse-Version erstellt (${unknown.at(-1)}). Bitte Lotse aktualisieren.`,
      'The database was written by a newer Lotse version.',
    );
  }
  return applied;
}

/** Migrates to the latest schema; an existing file with pending migrations is backed up first. */
export async function migrateToLatest(open: OpenDatabase): Promise<MigrateResult> {
  const applied = await checkIsLotseDatabase(open);
  const pending = Object.keys(migrations).filter((m) => !applied.includes(m));
  // nothing to do: no migrator (on a team server a member's role may not create its bookkeeping tables)
  if (pending.length === 0) return { applied: [], backup: null, schemaVersion: latestSchemaVersion };
  let backup: string | null = null;
  // a team server is backed up by its administrator (pg_dump, base backups); Lotse copies only its own file
  if (pending.length > 0 && applied.length > 0 && open.engine === 'sqlite') {
    backup = await backupNamed(open, 'vor-migration');
  }
  const migrator = new Migrator({ db: open.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // a team server: row-level security for every table, including those just added
  await applyTeamAccess(open.db);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    backup,
    schemaVersion: latestSchemaVersion,
  };
}

/**
 * Opens (creating if allowed) and migrates. For CLI commands on an explicit path, `mustExist` gives a clear
 * error instead of silently creating an empty database at a mistyped path.
 */
export async function openAndMigrate(file: string, opts: OpenOptions & { mustExist?: boolean } = {}): Promise<OpenDatabase> {
  if (opts.mustExist && !isServerUrl(file) && !fs.existsSync(file)) {
    throw new AppError(
      'not_found',
      `Die Datenbankdatei ${file} existiert nicht. Pfad prüfen oder mit "lotse migrate --db ${file}" anlegen.`,
      `Database file ${file} does not exist.`,
    );
  }
  let open: OpenDatabase;
  try {
    open = await openDatabase(file, opts);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'not_a_lotse_database',
      `Die Datenbank ${file} lässt sich nicht öffnen: ${(err as Error).message}`,
      `Cannot open database ${file}.`,
    );
  }
  try {
    await migrateToLatest(open);
  } catch (err) {
    await open.close();
    throw err;
  }
  return open;
}
