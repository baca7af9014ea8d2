import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import { reminder, reminderDecision, reminderQuery, reminderRule, taskInput } from '../domain/reminders.js';

const ok = z.object({ ok: z.literal(true) });

export const remindersContract = {
  /** Heute: what is overdue or due up to the end of the week, computed from the data, without done and snoozed ones. */
  'reminders.list': procedure({ input: reminderQuery.optional(), output: z.array(reminder) }),
  /** The navigation badge: how many Heute lists, and how many are overdue. */
  'reminders.count': procedure({ input: reminderQuery.optional(), output: z.object({ total: z.number().int(), overdue: z.number().int() }) }),
  /** Mark done (reason optional) or snooze until a day (reason required). */
  'reminders.decide': procedure({ input: reminderDecision, output: ok }),
  /** Take back a decision. */
  'reminders.reopen': procedure({ input: z.object({ key: z.string().min(1).max(300) }), output: ok }),
  /** The rules and their days. */
  'reminders.rules': procedure({ input: z.object({}).optional(), output: z.array(reminderRule) }),
  /** Change a rule's days or switch it off. */
  'reminders.updateRule': procedure({ input: reminderRule, output: reminderRule }),
  /** A manual task with a due date, optionally about a person. */
  'reminders.createTask': procedure({ input: taskInput, output: z.object({ id }) }),
  'reminders.deleteTask': procedure({ input: z.object({ id }), output: ok }),
  /** The week's overview (overdue and due this week) as a PDF, grouped by person; a file handle to save. */
  'reminders.weekPdf': procedure({ input: reminderQuery.optional(), output: z.object({ handle: z.string(), name: z.string() }) }),
};
