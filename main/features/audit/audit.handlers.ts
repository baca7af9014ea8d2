import type { Handlers } from '../../api/router.js';
import { auditActions, listAudit } from './audit.service.js';

/** Read-only on purpose: the audit log has no update or delete procedure. */
export const auditHandlers = {
  'audit.list': async (input, ctx) => listAudit(ctx.reader, input),
  'audit.actions': async (_input, ctx) => auditActions(ctx.reader),
} satisfies Partial<Handlers>;
