import type { Handlers } from '../../api/router.js';
import { getAppSettings, updateAppSettings } from './settings.service.js';

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => getAppSettings(ctx.reader),
  'settings.update': async (input, ctx) => updateAppSettings(ctx.db, input),
} satisfies Partial<Handlers>;
