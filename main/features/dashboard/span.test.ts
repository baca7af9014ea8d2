import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { seedDemo } from '../demo/demo.seed.js';
import { demoSteps } from '../demo/demo.steps.js';
import { createProgram } from '../programs/programs.service.js';
import { programSpan } from './span.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
  await seedDemo(app.ctx.db, 'small', demoSteps);
});
afterEach(async () => app.dispose());

it('reaches the fairs recorded before the program start, so the default period shows them', async () => {
  const mentoring = await app.ctx.db.selectFrom('programs').select(['id', 'start_date']).where('name', '=', 'Arbeitsmarktmentoren Dresden').executeTakeFirstOrThrow();
  const fairs = await app.ctx.db.selectFrom('fairs').select((eb) => [eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
    .where('program_id', '=', mentoring.id).executeTakeFirstOrThrow();
  const span = await programSpan(app.ctx.reader, mentoring.id);
  expect(fairs.first! < mentoring.start_date).toBe(true);
  expect(span.from! <= fairs.first!).toBe(true);
  expect(span.to! >= fairs.last!).toBe(true);
});

it('is empty for a program without records', async () => {
  const empty = await createProgram(app.ctx.db, {
    name: 'Leer', operator: '', funder: '', fundingGuideline: '', grantReference: '', startDate: '2026-01-01', endDate: null,
    hourlyRateCents: 0, eligibilityRule: { op: 'and', items: [] }, communes: [],
  });
  expect(await programSpan(app.ctx.reader, empty.id)).toEqual({ from: null, to: null });
});

it('is answered through the router', async () => {
  const program = await app.ctx.reader.selectFrom('programs').select('id').orderBy('id').executeTakeFirstOrThrow();
  const res = await app.router.call('dashboard.span', { programId: program.id });
  expect(res).toMatchObject({ ok: true });
});
