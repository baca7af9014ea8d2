import { z } from 'zod';
import { id, isoDate, optionalText, plainText, requiredText } from './common.js';

/** Rules that raise reminders from the data; each has a number of days the program can change. */
export const reminderRuleCodes = [
  'document_expiry',
  'placement_papers',
  'hours_missing',
  'follow_up_due',
  'application_unanswered',
  'consent_expiring',
  'title_expired',
  'note_follow_up',
] as const;
export const reminderRuleCode = z.enum(reminderRuleCodes);
export type ReminderRuleCode = z.infer<typeof reminderRuleCode>;
/** A reminder's kind: a rule, or a manual task. */
export const reminderKind = z.enum([...reminderRuleCodes, 'task']);
export type ReminderKind = z.infer<typeof reminderKind>;

export const reminderKindLabels: Record<ReminderKind, string> = {
  document_expiry: 'Dokument läuft ab',
  placement_papers: 'AGH ohne Arbeitserlaubnis oder Teilnahmevereinbarung',
  hours_missing: 'Stunden des Vormonats fehlen',
  follow_up_due: 'Nachbefragung fällig',
  application_unanswered: 'Bewerbung ohne Antwort',
  consent_expiring: 'Einwilligung läuft ab',
  title_expired: 'Aufenthaltstitel abgelaufen',
  note_follow_up: 'Wiedervorlage aus Kontaktnotiz',
  task: 'Aufgabe',
};

export const reminderRule = z.object({ code: reminderRuleCode, days: z.number().int().min(0).max(366), active: z.boolean() });
export type ReminderRule = z.infer<typeof reminderRule>;

/** Where the reminder is settled in the app. */
export const reminderSettle = z.object({
  kind: z.enum(['document', 'newDocument', 'placement', 'hours', 'followUp', 'application', 'consent', 'title', 'note', 'task']),
  participantId: z.number().int().nullable(),
  /** the record to open (document, placement, follow-up, application, note, task) */
  recordId: z.number().int().nullable(),
  /** the month for the hours grid (YYYY-MM) */
  month: z.string().nullable(),
});

export const reminder = z.object({
  /** stable while the reminder is the same (its subject and due date) */
  key: z.string(),
  kind: reminderKind,
  due: isoDate,
  overdue: z.boolean(),
  participantId: z.number().int().nullable(),
  /** shown only on screen; never written to a log */
  participantName: z.string().nullable(),
  title: z.string(),
  /** where the reminder is settled in the app */
  settle: reminderSettle,
});
export type Reminder = z.infer<typeof reminder>;

export const reminderQuery = z.object({
  /** the day to look from; default today */
  today: isoDate.optional(),
  /** include what falls due up to this day; default the Sunday of today's week */
  until: isoDate.optional(),
});

export const reminderDecision = z.discriminatedUnion('state', [
  z.object({ key: plainText(300, {}, 1), state: z.literal('done'), reason: optionalText(500, { multiline: true }) }),
  z.object({
    key: plainText(300, {}, 1),
    state: z.literal('snoozed'),
    until: isoDate,
    reason: plainText(500, { multiline: true }, 1),
  }),
]);
export type ReminderDecision = z.input<typeof reminderDecision>;

export const taskInput = z.object({
  participantId: id.nullable().optional().transform((v) => v ?? null),
  title: requiredText(200),
  dueOn: isoDate,
  notes: optionalText(2000, { multiline: true }),
});
export type TaskInput = z.input<typeof taskInput>;
export const task = z.object({ id, participantId: z.number().int().nullable(), title: z.string(), dueOn: isoDate, notes: z.string().nullable() });
