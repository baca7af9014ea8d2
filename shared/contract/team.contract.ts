import { z } from 'zod';
import { procedure } from './define.js';

export const teamKinds = ['leitung', 'koordination', 'kommune', 'mentor'] as const;
export type TeamKind = (typeof teamKinds)[number];

const member = z.object({
  id: z.number().int(),
  roleName: z.string(),
  displayName: z.string(),
  kind: z.enum(teamKinds),
  communeId: z.number().int().nullable(),
  programIds: z.array(z.number().int()),
  disabled: z.boolean(),
});
export type TeamMember = z.infer<typeof member>;

const roleName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, 'Nur Kleinbuchstaben a–z, Ziffern und _; beginnt mit einem Buchstaben');

export const teamConnection = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535).default(5432),
  database: z.string().trim().min(1).max(63),
  user: z.string().trim().min(1).max(63),
  sslmode: z.enum(['verify-full', 'require', 'disable']).default('verify-full'),
});
export type TeamConnection = z.infer<typeof teamConnection>;

export const teamContract = {
  /** The team server this installation starts with (none: the local file), and whether a password is stored. */
  'team.connection': procedure({
    input: z.object({}).default({}),
    output: z.object({ connection: teamConnection.nullable(), passwordStored: z.boolean(), canStorePassword: z.boolean() }),
  }),
  /** Tries a connection (reachable, login, TLS, a Lotse database) without saving anything. */
  'team.testConnection': procedure({
    input: z.object({ connection: teamConnection, password: z.string().max(200).nullable().default(null) }),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  }),
  /** Saves the connection for the next start (null: back to the local file); the password into the OS keychain. */
  'team.saveConnection': procedure({
    input: z.object({ connection: teamConnection.nullable(), password: z.string().max(200).nullable().default(null) }),
    output: z.object({ saved: z.boolean() }),
  }),
  /** Who is logged in and what the database is: a file (one user) or a team server (logins, roles). */
  'team.whoami': procedure({
    input: z.object({}).default({}),
    output: z.object({
      engine: z.enum(['sqlite', 'postgres']),
      roleName: z.string().nullable(),
      kind: z.enum(teamKinds).nullable(),
      canManage: z.boolean(),
    }),
  }),
  /** The team's logins (Leitung sees all; everyone else only themselves, by the database's row policy). */
  'team.list': procedure({ input: z.object({}).default({}), output: z.array(member) }),
  /** A new login: a PostgreSQL role with a SCRAM password, member of lotse_team, and its place in the team. */
  'team.create': procedure({
    input: z.object({
      roleName,
      displayName: z.string().trim().min(1).max(200),
      kind: z.enum(teamKinds),
      communeId: z.number().int().positive().nullable().default(null),
      programIds: z.array(z.number().int().positive()).default([]),
      password: z.string().min(12, 'Mindestens 12 Zeichen').max(200),
    }),
    output: member,
  }),
  /** Kind, commune and programs of a login. */
  'team.assign': procedure({
    input: z.object({
      id: z.number().int().positive(),
      kind: z.enum(teamKinds),
      communeId: z.number().int().positive().nullable().default(null),
      programIds: z.array(z.number().int().positive()).default([]),
    }),
    output: member,
  }),
  /** Disables a login (it can no longer connect; its audit entries stay) or enables it again. */
  'team.setDisabled': procedure({
    input: z.object({ id: z.number().int().positive(), disabled: z.boolean() }),
    output: member,
  }),
};
