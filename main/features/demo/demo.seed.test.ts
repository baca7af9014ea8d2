import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { seedDemo } from './demo.seed.js';
import { demoSteps } from './demo.steps.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

it('seed-demo reports the number of people it actually created, including those of the mentoring step', async () => {
  const result = await seedDemo(app.ctx.db, 'small', demoSteps);
  const people = await app.ctx.db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  expect(result.participants).toBe(Number(people.n));
  expect(result.participants).toBeGreaterThan(40);
});
