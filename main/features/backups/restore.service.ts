import path from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../../../shared/errors.js';
import { backupNamed } from '../../db/backup.js';
import { appliedMigrations } from '../../db/migrate.js';
import { migrationProvider } from '../../db/migrations/index.js';
import type { OpenDatabase } from '../../db/open.js';
import { audit } from '../audit/audit.service.js';
import { anonymiseParticipants } from '../privacy/anonymise.service.js';
import { databaseId, findErased, journalPath, readJournal } from './erasure-journal.js';
import { openStaged, stageBackup, type StagedBackup } from './restore-source.js';

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string | null;
  /** people erased again because the journal records their erasure after the backup was made */
  reanonymised: number;
}

/**
 * The one restore of Lotse, for the app (Einstellungen → Sicherungen) and the command line (`lotse restore`):
 * 1. the backup is copied (decrypted) into a private temp folder and checked there, read-only (restore-source.ts);
 * 2. that copy is migrated to this Lotse's schema, and everyone the erasure journal records as erased after the
 *    backup was made is erased in the copy, so their data never reaches the live database;
 * 3. the current state is backed up (vor-wiederherstellung);
 * 4. in ONE transaction on the writer, every table's rows are replaced with the copy's and foreign keys checked.
 * The database file is never swapped: the process holding it keeps writing into the file that now holds the
 * restored rows, and readers see either the old or the new state. Two things are not taken from the backup: the
 * audit log (append-only; the current one is a superset and records the restore) and, as said, erasures.
 */
export async function restoreFromFile(open: OpenDatabase, source: string, opts: { safetyBackup?: boolean } = {}): Promise<RestoreResult> {
  const staged = await stageBackup(source, open.backupKeys);
  try {
    return await restoreStaged(open, staged, path.basename(source), opts);
  } finally {
    staged.dispose();
  }
}

export async function restoreStaged(open: OpenDatabase, staged: StagedBackup, label: string, opts: { safetyBackup?: boolean } = {}): Promise<RestoreResult> {
  const reErased = await prepareCopy(open, staged);
  const live = await appliedMigrations(open);
  const copyVersion = await versionOf(staged);
  if (live.join() !== copyVersion.join()) {
    throw new AppError('conflict', 'Die Datenbank hat einen anderen Stand als die Sicherung nach der Aktualisierung.', 'Schema versions differ after migrating the backup.');
  }
  const safetyBackup = opts.safetyBackup ?? true ? await backupNamed(open, 'vor-wiederherstellung') : null;
  await replaceRows(open, staged.file, label);
  await audit(open.db, {
    action: 'restore',
    entity: 'database',
    details: `Wiederhergestellt aus ${label}${safetyBackup ? `; vorheriger Stand: ${path.basename(safetyBackup)}` : ''}`,
  });
  for (const id of reErased) {
    await audit(open.db, { action: 'anonymise', entity: 'participant', entityId: id, participantId: id, peopleCount: 1, details: 'Erneut anonymisiert nach Wiederherstellung einer Sicherung' });
  }
  return { restoredFrom: label, safetyBackup: safetyBackup && path.basename(safetyBackup), reanonymised: reErased.length };
}

async function versionOf(staged: StagedBackup): Promise<string[]> {
  const copy = await openStaged(staged);
  try {
    return await appliedMigrations(copy);
  } finally {
    await copy.close();
  }
}

/**
 * Brings the private copy to the live schema and erases again, in the copy, everyone erased after the backup was
 * made: recorded in the journal beside the live database, or (erasures from before the journal existed) in the
 * live audit log. Returns their ids.
 */
async function prepareCopy(open: OpenDatabase, staged: StagedBackup): Promise<number[]> {
  const copy = await openStaged(staged);
  try {
    const { error } = await new Migrator({ db: copy.db, provider: migrationProvider }).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    const since = staged.madeAt;
    const journal = readJournal(journalPath(open.path));
    const fromJournal = journal ? await findErased(copy.db, journal, since) : [];
    const logged = await open.db
      .selectFrom('audit_log')
      .select('entity_id')
      .distinct()
      .where('action', '=', 'anonymise')
      .where('entity', '=', 'participant')
      .where('entity_id', 'is not', null)
      .$if(since !== null, (q) => q.where('at', '>', since!))
      .execute();
    // ids of the live log mean the same people only in a backup of this same database
    const [liveId, copyId] = [await databaseId(open.db, false), await databaseId(copy.db, false)];
    const loggedIds = liveId && copyId && liveId !== copyId ? [] : logged.map((r) => r.entity_id!);
    const inCopy = loggedIds.length === 0 ? [] : await copy.db.selectFrom('participants').select('id').where('id', 'in', loggedIds).where('anonymised_at', 'is', null).execute();
    const ids = [...new Set([...fromJournal, ...inCopy.map((r) => r.id)])].sort((a, b) => a - b);
    if (ids.length > 0) await anonymiseParticipants(copy.db, ids, { reason: 'restore' });
    // a backup from before database ids carries none: it is this database's past, so it keeps this database's id
    if (!copyId && liveId) await copy.db.insertInto('settings').values({ key: 'databaseId', value: JSON.stringify(liveId) }).execute();
    return ids;
  } finally {
    await copy.close();
  }
}

const skipTables = new Set(['kysely_migration', 'kysely_migration_lock', 'audit_log']);

/** Replaces every table's rows with the copy's in one transaction on the writer connection, held exclusively. */
async function replaceRows(open: OpenDatabase, copyFile: string, label: string): Promise<void> {
  await open.db.connection().execute(async (conn) => {
    // foreign_keys cannot change inside a transaction; rows arrive in table order, children before parents
    await sql`PRAGMA foreign_keys = OFF`.execute(conn);
    try {
      await sql`ATTACH DATABASE ${copyFile} AS restore_src`.execute(conn);
      try {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const tables = await sql<{ name: string }>`
            SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(conn);
          const triggers = await sql<{ name: string; sql: string }>`
            SELECT name, sql FROM main.sqlite_master
            WHERE type = 'trigger' AND sql IS NOT NULL AND tbl_name <> 'audit_log'`.execute(conn);
          // summary triggers must not fire while rows are copied back (the summaries come from the copy); re-created before commit
          for (const t of triggers.rows) await sql`DROP TRIGGER ${sql.id(t.name)}`.execute(conn);
          for (const { name: table } of tables.rows) {
            if (skipTables.has(table)) continue;
            await sql`DELETE FROM main.${sql.id(table)}`.execute(conn);
            await sql`INSERT INTO main.${sql.id(table)} SELECT * FROM restore_src.${sql.id(table)}`.execute(conn);
          }
          for (const t of triggers.rows) await sql.raw(t.sql).execute(conn);
          const broken = await sql<{ table: string }>`PRAGMA main.foreign_key_check`.execute(conn);
          if (broken.rows.length > 0) {
            throw new AppError('corrupt_file', `Die Sicherung ${label} hat ungültige Verweise.`, 'Backup fails the foreign key check.');
          }
          await sql`COMMIT`.execute(conn);
        } catch (err) {
          await sql`ROLLBACK`.execute(conn).catch(() => undefined);
          throw err;
        }
      } finally {
        await sql`DETACH DATABASE restore_src`.execute(conn);
      }
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(conn);
    }
  });
}
