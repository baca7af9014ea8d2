import type { Handlers } from '../../api/router.js';
import { assignMember, createMember, listMembers, setMemberDisabled, whoAmI } from './team.service.js';

export const teamHandlers = {
  'team.whoami': async (_input, ctx) => whoAmI(ctx.db),
  'team.list': async (_input, ctx) => listMembers(ctx.db),
  'team.create': async (input, ctx) => createMember(ctx.db, input),
  'team.assign': async (input, ctx) => assignMember(ctx.db, input),
  'team.setDisabled': async ({ id, disabled }, ctx) => setMemberDisabled(ctx.db, id, disabled),
} satisfies Partial<Handlers>;
