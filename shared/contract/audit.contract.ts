import { z } from 'zod';
import { procedure } from './define.js';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  participantId: z.number().int().nullable(),
  peopleCount: z.number().int().nullable(),
  details: z.string().nullable(),
  redacted: z.boolean(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditContract = {
  /**
   * Protokoll: the audit and access log, newest first, optionally filtered by action. Read-only: there is no
   * procedure to change or delete entries, and database triggers refuse it.
   */
  'audit.list': procedure({
    input: z
      .object({
        action: z.string().nullable().default(null),
        participantId: z.number().int().positive().nullable().default(null),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .default({ action: null, participantId: null, limit: 200, offset: 0 }),
    output: z.object({ total: z.number().int(), entries: z.array(auditEntry) }),
  }),
  /** The distinct actions in the log, for the filter. */
  'audit.actions': procedure({ input: z.object({}).default({}), output: z.array(z.string()) }),
};
