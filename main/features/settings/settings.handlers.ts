import type { Handlers } from '../../api/router.js';
import { backupNow, listBackupInfos, restoreIntoLive } from './restore-live.service.js';
import { getAppSettings, setCoordinatorName, updateAppSettings } from './settings.service.js';

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => getAppSettings(ctx.reader),
  'settings.update': async (input, ctx) => updateAppSettings(ctx.db, input),
  'settings.setCoordinatorName': async ({ coordinatorName }, ctx) => setCoordinatorName(ctx.db, coordinatorName),
  'settings.backups': async (_input, ctx) => listBackupInfos(ctx.open),
  'settings.backupNow': async (_input, ctx) => backupNow(ctx.open),
  'settings.restore': async ({ name }, ctx) => restoreIntoLive(ctx.open, name),
} satisfies Partial<Handlers>;
