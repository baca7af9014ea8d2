import type { Handlers } from '../../api/router.js';
import { createBackup, listBackupInfos, restoreIntoLive } from './live.service.js';

export const backupsHandlers = {
  'backups.list': async (_input, ctx) => listBackupInfos(ctx.open),
  'backups.create': async (_input, ctx) => createBackup(ctx.open),
  'backups.restore': async ({ name }, ctx) => restoreIntoLive(ctx.open, name),
} satisfies Partial<Handlers>;
