import type { Handlers } from '../../api/router.js';
import { activityAttendanceList } from '../fairs/attendance-export.js';
import {
  activitiesForParticipant,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  saveAttendance,
  searchActivityPeople,
  updateActivity,
} from './activities.service.js';

export const activitiesHandlers = {
  'activities.list': async (input, ctx) => listActivities(ctx.reader, input),
  'activities.get': async ({ id }, ctx) => getActivity(ctx.reader, id),
  'activities.create': async (input, ctx) => createActivity(ctx.db, input),
  'activities.update': async ({ id, data }, ctx) => updateActivity(ctx.db, id, data),
  'activities.delete': async ({ id }, ctx) => deleteActivity(ctx.db, id),
  'activities.searchPeople': async ({ activityId, query, limit }, ctx) => searchActivityPeople(ctx.reader, activityId, query, limit),
  'activities.saveAttendance': async ({ activityId, entries, remove }, ctx) => saveAttendance(ctx.db, activityId, entries, remove),
  'activities.forParticipant': async ({ participantId }, ctx) => activitiesForParticipant(ctx.reader, participantId),
  'activities.attendanceList': async ({ id, format }, ctx) => activityAttendanceList(ctx.reader, ctx.db, ctx.files, id, format),
} satisfies Partial<Handlers>;
