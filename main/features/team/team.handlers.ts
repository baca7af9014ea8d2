import type { Handlers } from '../../api/router.js';
import { hasStoredPassword, readConnection, testConnection, writeConnection } from './connection.js';
import { assignMember, createMember, listMembers, setMemberDisabled, whoAmI } from './team.service.js';

export const teamHandlers = {
  'team.whoami': async (_input, ctx) => whoAmI(ctx.db),
  'team.list': async (_input, ctx) => listMembers(ctx.db),
  'team.create': async (input, ctx) => createMember(ctx.db, input),
  'team.assign': async (input, ctx) => assignMember(ctx.db, input),
  'team.setDisabled': async ({ id, disabled }, ctx) => setMemberDisabled(ctx.db, id, disabled),
  'team.connection': async (_input, ctx) => ({
    connection: readConnection(ctx.dataDir),
    passwordStored: hasStoredPassword(ctx.dataDir),
    canStorePassword: ctx.secrets?.isEncryptionAvailable() ?? false,
  }),
  'team.testConnection': async ({ connection, password }) => testConnection(connection, password),
  'team.saveConnection': async ({ connection, password }, ctx) => {
    writeConnection(ctx.dataDir, connection, password, ctx.secrets);
    return { saved: true };
  },
} satisfies Partial<Handlers>;
