import { afterEach, beforeEach, expect, it } from 'vitest';
import { reminderRuleCodes } from '../../../shared/domain/reminders.js';
import { tempApp } from '../../test/temp-db.js';
import { seedDemo } from '../demo/demo.seed.js';
import { demoSteps } from '../demo/demo.steps.js';
import { listReminders } from './reminders.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

it('the demo shows Heute something of every rule and a task on the day it is loaded (hours: only when a month lacks them)', async () => {
  await seedDemo(app.ctx.db, 'small', demoSteps);
  const kinds = new Set<string>((await listReminders(app.ctx.db)).map((r) => r.kind));
  const expected = [...reminderRuleCodes.filter((c) => c !== 'hours_missing'), 'task'];
  expect(expected.filter((k) => !kinds.has(k))).toEqual([]);
});
