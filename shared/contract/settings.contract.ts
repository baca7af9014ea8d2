import { z } from 'zod';
import { procedure } from './define.js';
import { appSettings, appSettingsInput, backupInfo, coordinatorNameInput } from '../domain/settings.js';

export const settingsContract = {
  /** Einstellungen: coordinator name (actor of audit entries), operator details, import limits. */
  'settings.get': procedure({ input: z.object({}).default({}), output: appSettings }),
  /** Saves all settings at once; audited. */
  'settings.update': procedure({ input: appSettingsInput, output: appSettings }),
  /** The first start's dialog: stores the coordinator's name alone (the other settings stay); audited. */
  'settings.setCoordinatorName': procedure({ input: coordinatorNameInput, output: appSettings }),
  /** Backups in the `backups/` folder beside the database, newest first. */
  'settings.backups': procedure({ input: z.object({}).default({}), output: z.array(backupInfo) }),
  /** "Jetzt sichern": a consistent copy of the live database (VACUUM INTO). */
  'settings.backupNow': procedure({ input: z.object({}).default({}), output: backupInfo }),
  /**
   * Restores a listed backup into the running app: verifies it, backs up the current state, then replaces every
   * table's content in one transaction. The audit log is kept (append-only), and people anonymised after the
   * backup are anonymised again (`reanonymised`). `confirm` must be true (the UI asks first).
   */
  'settings.restore': procedure({
    input: z.object({ name: z.string().min(1), confirm: z.literal(true) }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string(), reanonymised: z.number().int() }),
  }),
};
