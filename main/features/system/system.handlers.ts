import type { Handlers } from '../../api/router.js';
import { appliedMigrations } from '../../db/migrate.js';

export const systemHandlers = {
  'system.info': async (_input, ctx) => ({
    version: ctx.version,
    dbPath: ctx.open.path,
    schemaVersion: (await appliedMigrations(ctx.open)).at(-1) ?? null,
    warnings: ctx.open.warnings,
    mode: ctx.mode,
  }),
  'system.cancelJob': async ({ jobId }, ctx) => ({ cancelled: ctx.cancelJob(jobId) }),
} satisfies Partial<Handlers>;
