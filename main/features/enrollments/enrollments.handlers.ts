import type { Handlers } from '../../api/router.js';
import { checkEligibility, createEnrollment, listEnrollments, programQuota, updateEnrollment } from './enrollments.service.js';
import { correctEntry } from './entry-correction.service.js';

export const enrollmentsHandlers = {
  'enrollments.create': async (input, ctx) => createEnrollment(ctx.db, input),
  'enrollments.update': async (input, ctx) => updateEnrollment(ctx.db, input),
  'enrollments.correctEntry': async (input, ctx) => correctEntry(ctx.db, input),
  'enrollments.list': async (input, ctx) => listEnrollments(ctx.reader, input),
  'enrollments.checkEligibility': async ({ participantId, programId, onDate }, ctx) =>
    checkEligibility(ctx.reader, participantId, programId, onDate),
  'enrollments.quota': async ({ programId }, ctx) => programQuota(ctx.reader, programId),
} satisfies Partial<Handlers>;
