import { z } from 'zod';
import { procedure } from './define.js';

export const systemContract = {
  /** What the app runs on: version, database location, schema version and warnings (e.g. network share). */
  'system.info': procedure({
    input: z.object({}).default({}),
    output: z.object({
      version: z.string(),
      dbPath: z.string(),
      schemaVersion: z.string().nullable(),
      warnings: z.array(z.string()),
      mode: z.enum(['electron', 'web', 'cli']),
    }),
  }),
  /** Cancels a running long job (import, export, backup); its transaction is rolled back, nothing is half-written. */
  'system.cancelJob': procedure({
    input: z.object({ jobId: z.string().min(1).max(100) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
