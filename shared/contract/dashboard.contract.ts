import { z } from 'zod';
import { procedure } from './define.js';
import { id, isoDate } from '../domain/common.js';
import { drilldownQuery, drilldownResult, figures, figuresQuery } from '../domain/reports.js';

/** First and last day with records of a program (null when it has none yet). */
export const programSpan = z.object({ from: isoDate.nullable(), to: isoDate.nullable() });
export type ProgramSpan = z.infer<typeof programSpan>;

export const dashboardContract = {
  /** Every figure of the Übersicht for a program and period; the same numbers the program-end report exports. */
  'dashboard.figures': procedure({ input: figuresQuery, output: figures }),
  /** The records behind one figure (pseudonymous: id and initials); `count` always equals the figure. */
  'dashboard.drilldown': procedure({ input: drilldownQuery, output: drilldownResult }),
  /** How far a program's records reach, for the Übersicht's default period. */
  'dashboard.span': procedure({ input: z.object({ programId: id }), output: programSpan }),
};
