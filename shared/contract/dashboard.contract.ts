import { procedure } from './define.js';
import { drilldownQuery, drilldownResult, figures, figuresQuery } from '../domain/reports.js';

export const dashboardContract = {
  /** Every figure of the Übersicht for a program and period; the same numbers the program-end report exports. */
  'dashboard.figures': procedure({ input: figuresQuery, output: figures }),
  /** The records behind one figure (pseudonymous: id and initials); `count` always equals the figure. */
  'dashboard.drilldown': procedure({ input: drilldownQuery, output: drilldownResult }),
};
