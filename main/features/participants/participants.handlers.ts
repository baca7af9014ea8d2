import type { Handlers } from '../../api/router.js';
import {
  archiveParticipant,
  createParticipant,
  findDuplicates,
  getParticipant,
  listParticipants,
  participantHistory,
  updateParticipant,
} from './participants.service.js';
import { openValues } from './open-values.service.js';

export const participantsHandlers = {
  'participants.create': async ({ data, confirmDuplicate }, ctx) => createParticipant(ctx.db, data, { confirmDuplicate }),
  'participants.update': async ({ id, data, confirmDuplicate, expectedUpdatedAt }, ctx) =>
    updateParticipant(ctx.db, id, data, { confirmDuplicate, expectedUpdatedAt }),
  'participants.get': async ({ id }, ctx) => getParticipant(ctx.reader, id),
  'participants.archive': async ({ id, archived }, ctx) => archiveParticipant(ctx.db, id, archived),
  'participants.list': async (input, ctx) => listParticipants(ctx.reader, input),
  'participants.checkDuplicates': async (input, ctx) => findDuplicates(ctx.reader, input),
  'participants.openValues': async (_input, ctx) => openValues(ctx.reader),
  'participants.history': async ({ id, limit }, ctx) => participantHistory(ctx.reader, id, limit),
} satisfies Partial<Handlers>;
