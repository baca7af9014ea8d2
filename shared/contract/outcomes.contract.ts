import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import { application, applicationInput, outcome, outcomeInput } from '../domain/outcomes.js';

export const outcomesContract = {
  /** A participant's outcomes (at exit), newest first. */
  'outcomes.list': procedure({ input: z.object({ participantId: id }), output: z.array(outcome) }),
  /** Record an outcome with its source (fair, activity or placement), credited back to that source. */
  'outcomes.create': procedure({ input: outcomeInput, output: outcome }),
  /** Replace an outcome's fields. */
  'outcomes.update': procedure({ input: z.object({ id, data: outcomeInput }), output: outcome }),
  /** Delete an outcome recorded by mistake. */
  'outcomes.delete': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  /** A participant's applications, newest first. */
  'outcomes.applications': procedure({ input: z.object({ participantId: id }), output: z.array(application) }),
  /** Record an application written with the project staff. */
  'outcomes.createApplication': procedure({ input: applicationInput, output: application }),
  /** Replace an application's fields (usually its status). */
  'outcomes.updateApplication': procedure({ input: z.object({ id, data: applicationInput }), output: application }),
  /** Delete an application recorded by mistake. */
  'outcomes.deleteApplication': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
};
