import { z } from 'zod';
import { procedure } from './define.js';
import { backupInfo } from '../domain/backups.js';

/** Backups of the database file (a team server has none: its administrator backs it up). */
export const backupsContract = {
  /** Backups in the `backups/` folder beside the database, newest first. */
  'backups.list': procedure({ input: z.object({}).default({}), output: z.array(backupInfo) }),
  /** "Jetzt sichern": a consistent, encrypted copy of the live database; audited. */
  'backups.create': procedure({ input: z.object({}).default({}), output: backupInfo }),
  /**
   * Restores a listed backup into the running app: verifies it, backs up the current state, then replaces every
   * table's content in one transaction. The audit log is kept (append-only), and people anonymised after the
   * backup are anonymised again (`reanonymised`). `confirm` must be true (the UI asks first).
   */
  'backups.restore': procedure({
    input: z.object({ name: z.string().min(1), confirm: z.literal(true) }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string(), reanonymised: z.number().int() }),
  }),
};
