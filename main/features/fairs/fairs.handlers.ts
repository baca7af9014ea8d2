import type { Handlers } from '../../api/router.js';
import { fairAttendanceList } from './attendance-export.js';
import {
  checkIn,
  createFair,
  deleteContact,
  fairFigures,
  fairsForParticipant,
  getFair,
  listFairs,
  recordContact,
  registerForFair,
  removeFairCompany,
  searchFairPeople,
  setFairCompany,
  unregisterFromFair,
  updateContact,
  updateFair,
} from './fairs.service.js';

export const fairsHandlers = {
  'fairs.list': async ({ programId }, ctx) => listFairs(ctx.reader, programId),
  'fairs.get': async ({ id }, ctx) => getFair(ctx.reader, id),
  'fairs.create': async (input, ctx) => createFair(ctx.db, input),
  'fairs.update': async ({ id, data }, ctx) => updateFair(ctx.db, id, data),
  'fairs.setCompany': async ({ fairId, organisationId, offers }, ctx) => setFairCompany(ctx.db, fairId, organisationId, offers),
  'fairs.removeCompany': async ({ fairId, organisationId }, ctx) => removeFairCompany(ctx.db, fairId, organisationId),
  'fairs.register': async ({ fairId, participantIds }, ctx) => registerForFair(ctx.db, fairId, participantIds),
  'fairs.unregister': async ({ fairId, participantId }, ctx) => unregisterFromFair(ctx.db, fairId, participantId),
  'fairs.searchPeople': async ({ fairId, query, limit }, ctx) => searchFairPeople(ctx.reader, fairId, query, limit),
  'fairs.checkIn': async (input, ctx) => checkIn(ctx.db, input),
  'fairs.recordContact': async (input, ctx) => recordContact(ctx.db, input),
  'fairs.updateContact': async ({ id, result, notes }, ctx) => updateContact(ctx.db, id, result, notes),
  'fairs.deleteContact': async ({ id }, ctx) => deleteContact(ctx.db, id),
  'fairs.figures': async ({ id }, ctx) => fairFigures(ctx.reader, id),
  'fairs.forParticipant': async ({ participantId }, ctx) => fairsForParticipant(ctx.reader, participantId),
  'fairs.attendanceList': async ({ id, format }, ctx) => fairAttendanceList(ctx.reader, ctx.db, ctx.files, id, format),
} satisfies Partial<Handlers>;
