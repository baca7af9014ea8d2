import type { Handlers } from '../../api/router.js';
import { getAppSettings, setCoordinatorName, updateAppSettings } from './settings.service.js';

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => getAppSettings(ctx.reader),
  'settings.update': async (input, ctx) => updateAppSettings(ctx.db, input),
  'settings.setCoordinatorName': async ({ coordinatorName }, ctx) => setCoordinatorName(ctx.db, coordinatorName),
} satisfies Partial<Handlers>;
