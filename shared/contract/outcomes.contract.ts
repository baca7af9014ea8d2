import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import {
  application,
  applicationInput,
  followUp,
  followUpQuery,
  followUpResultInput,
  outcome,
  outcomeInput,
} from '../domain/outcomes.js';

export const outcomesContract = {
  /** A participant's outcomes (at exit), newest first. */
  'outcomes.list': procedure({ input: z.object({ participantId: id }), output: z.array(outcome) }),
  /**
   * Record an outcome with its source (fair, activity or placement), credited back to that source. It must lie
   * inside an enrollment of the person in the program (entry … exit + the program's follow-up months); otherwise
   * `validation` with a field error on `date`. Without programId the enrollment of any program that covers the
   * date is taken and the program set from it.
   */
  'outcomes.create': procedure({ input: outcomeInput, output: outcome }),
  /** Replace an outcome's fields. */
  'outcomes.update': procedure({ input: z.object({ id, data: outcomeInput }), output: outcome }),
  /** Delete an outcome recorded by mistake. */
  'outcomes.delete': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  /** Follow-ups of exited enrollments (6 months after exit by default), by due date; optionally of one program. */
  'outcomes.followUps': procedure({ input: followUpQuery, output: z.array(followUp) }),
  /** Record the result of a follow-up (date of the check, situation then, whether the result at exit lasted); audited. */
  'outcomes.recordFollowUp': procedure({ input: followUpResultInput, output: followUp }),
  /** A participant's applications, newest first. */
  'outcomes.applications': procedure({ input: z.object({ participantId: id }), output: z.array(application) }),
  /** Record an application written with the project staff. */
  'outcomes.createApplication': procedure({ input: applicationInput, output: application }),
  /** Replace an application's fields (usually its status). */
  'outcomes.updateApplication': procedure({ input: z.object({ id, data: applicationInput }), output: application }),
  /** Delete an application recorded by mistake. */
  'outcomes.deleteApplication': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
};
