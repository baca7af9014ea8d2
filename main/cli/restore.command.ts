import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { fileKeyProvider, keyFileFor } from '../db/backup-crypto.js';
import { claimForRestore, inUseError } from '../db/holders.js';
import { openAndMigrate } from '../db/migrate.js';
import { hasOtherConnections, type OpenDatabase } from '../db/open.js';
import { restoreStaged, type RestoreResult } from '../features/backups/restore.service.js';
import { stageBackup } from '../features/backups/restore-source.js';
import { nowIso } from '../../shared/domain/dates.js';
import { renameRetrying } from '../db/rename.js';

/**
 * `lotse restore --db PATH --from FILE`: the app's restore (features/backups/restore.service.ts) run from the
 * command line, while no other process has the database open. Lotse processes register themselves beside the
 * database (db/holders.ts); SQLite is asked too, which also catches other programs. The source is checked before
 * the database is touched at all. A database that cannot be opened (the reason to restore) is moved aside, never
 * deleted, and the backup restored into a new file.
 */
export async function restoreCommand(dbPath: string, from: string): Promise<RestoreResult & { setAside: string | null }> {
  const source = path.resolve(from);
  const claim = claimForRestore(dbPath);
  try {
    if (await hasOtherConnections(dbPath)) throw inUseError(dbPath, []);
    const keys = [fileKeyProvider(keyFileFor(dbPath))];
    const staged = await stageBackup(source, keys);
    try {
      const { open, setAside, existed } = await openTarget(dbPath);
      try {
        const res = await restoreStaged(open, staged, path.basename(source), { safetyBackup: existed && !setAside });
        return { ...res, setAside };
      } finally {
        await open.close();
      }
    } finally {
      staged.dispose();
    }
  } finally {
    claim.release();
  }
}

async function openTarget(dbPath: string): Promise<{ open: OpenDatabase; setAside: string | null; existed: boolean }> {
  const existed = fs.existsSync(dbPath);
  try {
    return { open: await openAndMigrate(dbPath), setAside: null, existed };
  } catch (err) {
    // a newer Lotse's database is not damaged; restoring an older backup over it would lose its data silently
    if (!existed || (err instanceof AppError && err.code === 'schema_too_new')) throw err;
  }
  const aside = `${dbPath}.beschaedigt-${nowIso().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) await renameRetrying(dbPath + suffix, aside + suffix);
  }
  return { open: await openAndMigrate(dbPath), setAside: aside, existed };
}
