import { z } from 'zod';
import { procedure } from './define.js';
import { id, isoDate } from '../domain/common.js';
import { eligibilityResult, enrollment, enrollmentCreateInput, enrollmentUpdateInput, entryCorrectionInput } from '../domain/enrollments.js';
import { enrollmentStatuses } from '../domain/participants.js';

export const quotaRow = z.object({
  communeId: id,
  communeName: z.string(),
  slots: z.number().int(),
  /** active AGH placements */
  filled: z.number().int(),
  free: z.number().int(),
  /** placements waiting for a place */
  waiting: z.number().int(),
});
export type QuotaRow = z.infer<typeof quotaRow>;

export const enrollmentsContract = {
  /**
   * Enrol a person in a program. Eligibility is evaluated on the start date (else application date, else
   * today) and stored; an ineligible person needs `overrideReason`, otherwise code 'not_eligible' with reasons.
   */
  'enrollments.create': procedure({ input: enrollmentCreateInput, output: enrollment }),
  /** Change status, dates, exit reason; invalid status transitions are refused. Eligibility is re-evaluated. */
  'enrollments.update': procedure({ input: enrollmentUpdateInput, output: enrollment }),
  /**
   * Correct the characteristics at entry of a started enrollment (only the fields given), with a required reason;
   * audited as 'correct_entry'. `conflict` if the enrollment has no snapshot yet (not started).
   */
  'enrollments.correctEntry': procedure({ input: entryCorrectionInput, output: enrollment }),
  /** Enrollments of one person or of one program (optionally by status). */
  'enrollments.list': procedure({
    input: z.object({
      participantId: id.nullable().default(null),
      programId: id.nullable().default(null),
      status: z.enum(enrollmentStatuses).nullable().default(null),
    }),
    output: z.array(enrollment),
  }),
  /** Eligibility of a person for a program on a date, without saving anything (the enrol dialog shows it). */
  'enrollments.checkEligibility': procedure({
    input: z.object({ participantId: id, programId: id, onDate: isoDate.nullable().default(null) }),
    output: eligibilityResult,
  }),
  /** Per commune of a program: AGH slots, filled (active placements), free and waiting placements. */
  'enrollments.quota': procedure({ input: z.object({ programId: id }), output: z.array(quotaRow) }),
};
