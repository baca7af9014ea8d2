import type { Handlers } from '../../api/router.js';
import {
  countReminders,
  createTask,
  decideReminder,
  deleteTask,
  listReminders,
  listRules,
  reopenReminder,
  updateRule,
} from './reminders.service.js';
import { weekOverviewPdf } from './week-pdf.js';

export const remindersHandlers = {
  'reminders.list': async (input, ctx) => listReminders(ctx.reader, input ?? {}),
  'reminders.count': async (input, ctx) => countReminders(ctx.reader, input ?? {}),
  'reminders.decide': async (input, ctx) => decideReminder(ctx.db, input),
  'reminders.reopen': async ({ key }, ctx) => reopenReminder(ctx.db, key),
  'reminders.rules': async (_input, ctx) => listRules(ctx.reader),
  'reminders.updateRule': async (input, ctx) => updateRule(ctx.db, input),
  'reminders.createTask': async (input, ctx) => createTask(ctx.db, input),
  'reminders.deleteTask': async ({ id }, ctx) => deleteTask(ctx.db, id),
  'reminders.weekPdf': async (input, ctx) => weekOverviewPdf(ctx.db, ctx.files, input ?? {}),
} satisfies Partial<Handlers>;
