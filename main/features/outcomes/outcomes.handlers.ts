import type { Handlers } from '../../api/router.js';
import {
  createApplication,
  createOutcome,
  deleteApplication,
  deleteOutcome,
  listApplications,
  listOutcomes,
  updateApplication,
  updateOutcome,
} from './outcomes.service.js';
import { listFollowUps, recordFollowUp } from './follow-ups.service.js';

export const outcomesHandlers = {
  'outcomes.list': async ({ participantId }, ctx) => listOutcomes(ctx.reader, participantId),
  'outcomes.create': async (input, ctx) => createOutcome(ctx.db, input),
  'outcomes.update': async ({ id, data }, ctx) => updateOutcome(ctx.db, id, data),
  'outcomes.delete': async ({ id }, ctx) => deleteOutcome(ctx.db, id),
  'outcomes.followUps': async (input, ctx) => listFollowUps(ctx.reader, input),
  'outcomes.recordFollowUp': async (input, ctx) => recordFollowUp(ctx.db, input),
  'outcomes.applications': async ({ participantId }, ctx) => listApplications(ctx.reader, participantId),
  'outcomes.createApplication': async (input, ctx) => createApplication(ctx.db, input),
  'outcomes.updateApplication': async ({ id, data }, ctx) => updateApplication(ctx.db, id, data),
  'outcomes.deleteApplication': async ({ id }, ctx) => deleteApplication(ctx.db, id),
} satisfies Partial<Handlers>;
