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

it('reaches every fair of a program, also those dated before its start, so the default period shows them', async () => {
  const model = await app.ctx.db.selectFrom('programs').select(['id', 'start_date']).where('name', '=', 'Arbeitsmarktmentoren für Geflüchtete').executeTakeFirstOrThrow();
  // a fair recorded before the program's official start (as old lists often have) must still be inside the span
  const early = await app.ctx.db.insertInto('fairs').values({ program_id: model.id, title: 'Vorab-Börse', date: '2015-11-20' }).returning('id').executeTakeFirstOrThrow();
  const fairs = await app.ctx.db.selectFrom('fairs').select((eb) => [eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
    .where('program_id', '=', model.id).executeTakeFirstOrThrow();
  const span = await programSpan(app.ctx.reader, model.id);
  expect(early.id).toBeGreaterThan(0);
  expect(fairs.first! < model.start_date).toBe(true);
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
