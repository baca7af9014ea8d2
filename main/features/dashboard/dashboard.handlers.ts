import type { Handlers } from '../../api/router.js';
import { drilldown } from './drilldown.service.js';
import { readerFigures } from './figures.service.js';
import { programSpan } from './span.service.js';

export const dashboardHandlers = {
  'dashboard.figures': async (input, ctx) => readerFigures(ctx.reader, input),
  'dashboard.drilldown': async (input, ctx) => drilldown(ctx.reader, input),
  'dashboard.span': async (input, ctx) => programSpan(ctx.reader, input.programId),
} satisfies Partial<Handlers>;
