import { z } from 'zod';
import { procedure } from './define.js';
import { appSettings, appSettingsInput, coordinatorNameInput } from '../domain/settings.js';

export const settingsContract = {
  /** Einstellungen: coordinator name (actor of audit entries), operator details, import limits. */
  'settings.get': procedure({ input: z.object({}).default({}), output: appSettings }),
  /** Saves all settings at once; audited. */
  'settings.update': procedure({ input: appSettingsInput, output: appSettings }),
  /** The first start's dialog: stores the coordinator's name alone (the other settings stay); audited. */
  'settings.setCoordinatorName': procedure({ input: coordinatorNameInput, output: appSettings }),
};
