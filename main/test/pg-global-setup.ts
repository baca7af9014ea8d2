import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startPgServer } from '../../scripts/pg-server.mjs';
import { openAndMigrate } from '../db/migrate.js';
import { databaseUrl, templateName } from './pg.js';

/**
 * Before the PostgreSQL run of the service tests: a throwaway server (unless LOTSE_TEST_PG names one) and the
 * migrated template database each test copies. Stopped and removed afterwards.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.LOTSE_TEST_PG;
  const server = given ? null : await startPgServer();
  const url = given || server!.url;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${templateName}`);
  } finally {
    await admin.end();
  }
  const open = await openAndMigrate(databaseUrl(url, templateName));
  await open.close();
  project.provide('lotsePgUrl', url);
  return () => server?.stop();
}
