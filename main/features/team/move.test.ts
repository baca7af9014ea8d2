import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../db/migrate.js';
import type { OpenDatabase } from '../../db/open.js';
import { createTestDatabase, testEngine } from '../../test/pg.js';
import { tempDir } from '../../test/temp-db.js';
import { seedDemo } from '../demo/demo.seed.js';
import { demoSteps } from '../demo/demo.steps.js';
import { moveDatabase } from './move.service.js';

/**
 * Moving in and out of team mode (service-engines): the demo database goes from a file into a team server and
 * back into a new file; each move proves itself (rows per table, report figures) before it commits. Needs a
 * PostgreSQL server, so it runs in the PostgreSQL pass (vitest.pg.config.ts).
 */
describe.skipIf(testEngine !== 'postgres')('lotse migrate-to', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function file(name: string): Promise<OpenDatabase> {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const open = await openAndMigrate(path.join(dir.dir, name));
    cleanups.push(() => open.close());
    return open;
  }
  async function server(): Promise<OpenDatabase> {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const open = await openAndMigrate(database.url);
    cleanups.push(() => open.close());
    return open;
  }

  it('round-trips the demo file → team server → file with the same rows and identical report figures', async () => {
    const source = await file('quelle.sqlite');
    await seedDemo(source.db, 'small', demoSteps);
    const team = await server();
    const there = await moveDatabase(source, team);
    expect(there.programsCompared).toBeGreaterThanOrEqual(2);
    expect(there.tables.participants).toBeGreaterThan(50);
    expect(there.tables.hours_months).toBeGreaterThan(0);
    const back = await file('zurueck.sqlite');
    const home = await moveDatabase(team, back);
    expect(home).toEqual(there);
    // ids continue past the copied ones on the server: a new person gets a fresh id, not a taken one
    const next = await team.db
      .insertInto('communes')
      .values({ name: 'Neue Kommune', district: null, ags: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(Math.max(...(await source.db.selectFrom('communes').select('id').execute()).map((c) => c.id)));
  });

  it('refuses a target that already holds data and leaves both as they were', async () => {
    const source = await file('quelle.sqlite');
    await seedDemo(source.db, 'small', demoSteps);
    const team = await server();
    await team.db.insertInto('communes').values({ name: 'Schon da', district: null, ags: null }).execute();
    await expect(moveDatabase(source, team)).rejects.toMatchObject({ code: 'conflict' });
    expect(await team.db.selectFrom('participants').select('id').execute()).toEqual([]);
  });
});
