import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The engine the service tests run on: SQLite by default, PostgreSQL under vitest.pg.config.ts. */
export const testEngine = process.env.LOTSE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The migrated database every test database is copied from (CREATE DATABASE … TEMPLATE: fast, no migration per test). */
export const templateName = 'lotse_template';

/** The throwaway server's superuser URL (pg-global-setup.ts starts it, or LOTSE_TEST_PG names one). */
export function serverUrl(): string {
  const url = process.env.LOTSE_TEST_PG || inject('lotsePgUrl');
  if (!url) throw new Error('no PostgreSQL test server: run through vitest.pg.config.ts or set LOTSE_TEST_PG');
  return url;
}

export function databaseUrl(server: string, name: string): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test, copied from the migrated template; dropped by the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lotse_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`));
  return {
    url: databaseUrl(serverUrl(), name),
    drop: () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    lotsePgUrl: string;
  }
}

/** The audit log's actor: the coordinator name typed in the settings on SQLite, the login role on a team server. */
export const actorFor = (typed: string): string => (testEngine === 'postgres' ? 'postgres' : typed);
