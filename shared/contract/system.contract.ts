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
};
