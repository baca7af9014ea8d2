import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';

export const activityKinds = ['seminar', 'coaching', 'exkursion'] as const;
export const activityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKind>;

export const attendanceStatuses = ['angemeldet', 'anwesend', 'entschuldigt', 'unentschuldigt'] as const;
export const attendanceStatus = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof attendanceStatus>;

export const activityInput = z.object({
  programId: id,
  kind: activityKind,
  title: requiredText(200),
  date: isoDate,
  durationMinutes: z.number().int({ message: 'Ganze Minuten erwartet' }).min(0, { message: 'Nicht negativ' }).max(1440, { message: 'Höchstens 24 Stunden' }),
  place: optionalText(200),
  mentor: optionalText(160),
  /** the company or training fair an excursion goes to */
  organisationId: id.nullable().optional().transform((v) => v ?? null),
  notes: optionalText(2000, { multiline: true }),
});
export type ActivityInput = z.input<typeof activityInput>;

export const activity = z.object({
  id,
  programId: id,
  kind: activityKind,
  title: z.string(),
  date: isoDate,
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  mentor: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  notes: z.string().nullable(),
  counts: z.object({
    total: z.number().int(),
    angemeldet: z.number().int(),
    anwesend: z.number().int(),
    entschuldigt: z.number().int(),
    unentschuldigt: z.number().int(),
  }),
});
export type Activity = z.infer<typeof activity>;

export const attendanceRow = z.object({ participantId: id, name: z.string(), status: attendanceStatus });
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const activityDetail = activity.extend({ attendance: z.array(attendanceRow) });
export type ActivityDetail = z.infer<typeof activityDetail>;

/** A participant's sessions and the hours they were present (tab Aktivitäten). */
export const participantActivities = z.object({
  sessions: z.array(
    z.object({ activityId: id, kind: activityKind, title: z.string(), date: isoDate, durationMinutes: z.number().int(), status: attendanceStatus }),
  ),
  /** hundredths of an hour, only sessions attended (anwesend) count */
  hoursPresentX100: z.number().int(),
  sessionsPresent: z.number().int(),
});
export type ParticipantActivities = z.infer<typeof participantActivities>;
