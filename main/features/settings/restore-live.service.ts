import path from 'node:path';
import { sql } from 'kysely';
import type { BackupInfo } from '../../../shared/domain/settings.js';
import { AppError } from '../../../shared/errors.js';
import { backupDir, backupNamed } from '../../db/backup.js';
import { appliedMigrations } from '../../db/migrate.js';
import { openDatabase, type OpenDatabase } from '../../db/open.js';
import { audit } from '../audit/audit.service.js';
import { listBackups, verifyBackupFile } from '../backups/backups.service.js';
import { anonymiseParticipants } from '../privacy/anonymise.service.js';

/** The reason a backup was taken, from its file name `<db>_<stamp>_<reason>.sqlite`. */
function reasonOf(name: string): string {
  const m = /_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_(.+)\.sqlite$/.exec(name);
  return m?.[1]?.replace(/-\d+$/, '') ?? 'extern';
}

/** Backups for the Einstellungen page: names only, never paths (the renderer never sees a path). */
export function listBackupInfos(open: OpenDatabase): BackupInfo[] {
  return listBackups(open).map((b) => ({ name: b.name, size: b.size, createdAt: b.createdAt, reason: reasonOf(b.name) }));
}

/** "Jetzt sichern": a manual backup, recorded in the audit log. */
export async function backupNow(open: OpenDatabase): Promise<BackupInfo> {
  const file = await backupNamed(open, 'manuell');
  await audit(open.db, { action: 'backup', entity: 'database', details: path.basename(file) });
  const info = listBackupInfos(open).find((b) => b.name === path.basename(file));
  if (!info) throw new AppError('internal', 'Die Sicherung wurde nicht gefunden.', 'Backup not found after writing.');
  return info;
}

/** Resolves a backup name from the list to its file; anything else (a path, "..") is refused. */
function backupFileByName(open: OpenDatabase, name: string): string {
  const known = listBackups(open).find((b) => b.name === name);
  if (!known || path.basename(name) !== name) {
    throw new AppError('not_found', `Die Sicherung „${name}“ gibt es nicht.`, `Backup ${name} not found.`);
  }
  return path.join(backupDir(open.path), known.name);
}

const skipTables = new Set(['kysely_migration', 'kysely_migration_lock', 'audit_log']);

/**
 * Restores a backup while the app keeps running. The app holds the database open (writer and reader), so the file
 * cannot be swapped; instead, on the writer connection held exclusively: verify the backup, require the same
 * schema version (an older backup must go through `lotse restore`, which migrates it), back up the current
 * state, then in ONE transaction replace every table's rows with the backup's, check foreign keys, commit.
 * Readers see either the old or the new state, never a mix.
 *
 * Two things are deliberately NOT taken from the backup:
 * - the audit log: it is append-only and the current log is a superset of the backup's, so it stays as it is and
 *   records the restore; the app never rewrites it;
 * - anonymisations: people the log says were anonymised after the backup are anonymised again at once, so a
 *   restore cannot bring back data a person asked to have erased.
 */
export async function restoreIntoLive(
  open: OpenDatabase,
  name: string,
): Promise<{ restoredFrom: string; safetyBackup: string; reanonymised: number }> {
  const file = backupFileByName(open, name);
  await verifyBackupFile(file);
  const source = await openDatabase(file, { create: false });
  let sourceVersion: string[];
  try {
    sourceVersion = await appliedMigrations(source);
  } finally {
    await source.close();
  }
  const liveVersion = await appliedMigrations(open);
  if (sourceVersion.join(',') !== liveVersion.join(',')) {
    throw new AppError(
      'conflict',
      'Diese Sicherung stammt von einem anderen Datenbankstand. Bitte Lotse beenden und auf der Kommandozeile ' +
        `„npx lotse restore --from ${name}“ ausführen; dabei wird sie geprüft und auf den neuesten Stand gebracht.`,
      'Backup has a different schema version; restore it with the CLI while Lotse is closed.',
    );
  }
  const safetyBackup = await backupNamed(open, 'vor-wiederherstellung');

  await open.db.connection().execute(async (conn) => {
    // foreign_keys cannot change inside a transaction; rows arrive in table order, children before parents
    await sql`PRAGMA foreign_keys = OFF`.execute(conn);
    try {
      await sql`ATTACH DATABASE ${file} AS restore_src`.execute(conn);
      try {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const tables = await sql<{ name: string }>`
            SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(conn);
          const triggers = await sql<{ name: string; sql: string }>`
            SELECT name, sql FROM main.sqlite_master
            WHERE type = 'trigger' AND sql IS NOT NULL AND tbl_name <> 'audit_log'`.execute(conn);
          // triggers of a later feature must not fire while rows are copied back; re-created before commit
          for (const t of triggers.rows) await sql`DROP TRIGGER ${sql.id(t.name)}`.execute(conn);
          for (const { name: table } of tables.rows) {
            if (skipTables.has(table)) continue;
            await sql`DELETE FROM main.${sql.id(table)}`.execute(conn);
            await sql`INSERT INTO main.${sql.id(table)} SELECT * FROM restore_src.${sql.id(table)}`.execute(conn);
          }
          for (const t of triggers.rows) await sql.raw(t.sql).execute(conn);
          const broken = await sql<{ table: string }>`PRAGMA main.foreign_key_check`.execute(conn);
          if (broken.rows.length > 0) {
            throw new AppError('corrupt_file', `Die Sicherung ${name} hat ungültige Verweise.`, 'Backup fails the foreign key check.');
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
  await audit(open.db, {
    action: 'restore',
    entity: 'database',
    details: `Wiederhergestellt aus ${name}; vorheriger Stand: ${path.basename(safetyBackup)}`,
  });
  const erased = await open.db
    .selectFrom('audit_log')
    .select('entity_id')
    .distinct()
    .where('action', '=', 'anonymise')
    .where('entity', '=', 'participant')
    .where('entity_id', 'is not', null)
    .execute();
  const ids = erased.map((r) => r.entity_id).filter((id): id is number => id !== null);
  const back =
    ids.length === 0
      ? []
      : await open.db.selectFrom('participants').select('id').where('id', 'in', ids).where('anonymised_at', 'is', null).execute();
  if (back.length > 0) await anonymiseParticipants(open.db, back.map((r) => r.id), { reason: 'restore' });
  return { restoredFrom: name, safetyBackup: path.basename(safetyBackup), reanonymised: back.length };
}
