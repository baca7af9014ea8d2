import type { Handlers } from '../../api/router.js';
import { drilldown } from './drilldown.service.js';
import { readerFigures } from './figures.service.js';

export const dashboardHandlers = {
  'dashboard.figures': async (input, ctx) => readerFigures(ctx.reader, input),
  'dashboard.drilldown': async (input, ctx) => drilldown(ctx.reader, input),
} satisfies Partial<Handlers>;
