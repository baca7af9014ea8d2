import { z } from 'zod';
import { procedure } from './define.js';
import { id, isoDate, searchText } from '../domain/common.js';
import {
  activity,
  activityDetail,
  activityInput,
  activityKind,
  attendanceStatus,
  participantActivities,
} from '../domain/activities.js';
import { exportedFile, exportFormat, personMatch } from '../domain/fairs.js';

export const activitiesContract = {
  /** Seminars, coachings and excursions, newest first (at most `limit`), with attendance counts. */
  'activities.list': procedure({
    input: z
      .object({
        programId: id.optional(),
        kind: activityKind.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** newest sessions first; years of sessions are filtered by period rather than listed whole */
        limit: z.number().int().min(1).max(5000).default(300),
      })
      .default({ limit: 300 }),
    output: z.array(activity),
  }),
  /** One session with its attendance list. */
  'activities.get': procedure({ input: z.object({ id }), output: activityDetail }),
  /** Create a session. */
  'activities.create': procedure({ input: activityInput, output: activity }),
  /** Replace a session's fields. */
  'activities.update': procedure({ input: z.object({ id, data: activityInput }), output: activity }),
  /** Delete a session and its attendance. */
  'activities.delete': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  /** Name search to add people to a session; `registered` = already on its list. */
  'activities.searchPeople': procedure({
    input: z.object({ activityId: id, query: searchText(200), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(personMatch),
  }),
  /**
   * Bulk attendance in one call: sets the status of each listed participant (adding them to the session if new);
   * `remove` takes people off the list. A person new to the session needs an enrollment in the session's program
   * on its day: otherwise the whole call is refused (`validation`, a field error per refused entry
   * `entries.N.participantId`, `details.participantIds`).
   */
  'activities.saveAttendance': procedure({
    input: z.object({
      activityId: id,
      entries: z.array(z.object({ participantId: id, status: attendanceStatus })).max(5000),
      remove: z.array(id).max(5000).default([]),
    }),
    output: activityDetail,
  }),
  /** A participant's sessions and hours present. */
  'activities.forParticipant': procedure({ input: z.object({ participantId: id }), output: participantActivities }),
  /** Named attendance/signature list of a session, as Excel or PDF. */
  'activities.attendanceList': procedure({ input: z.object({ id, format: exportFormat }), output: exportedFile }),
};
