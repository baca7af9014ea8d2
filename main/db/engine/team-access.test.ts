import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../app.js';
import { addPerson, aghProgram, enrol } from '../../features/placements/placements.seed.js';
import { createProgram } from '../../features/programs/programs.service.js';
import { serverUrl, testEngine } from '../../test/pg.js';
import { tempApp } from '../../test/temp-db.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;

/**
 * Team mode's access rules are enforced by the database (row-level security), not by the app: a commune's clerk
 * who connects with psql sees no more than in Lotse. Needs PostgreSQL (vitest.pg.config.ts); on SQLite there are
 * no roles to test.
 */
describe.skipIf(testEngine !== 'postgres')('team access on PostgreSQL (service-engines)', () => {
  let app: TempApp;
  const roles: string[] = [];
  const opened: App[] = [];

  beforeEach(async () => {
    app = await tempApp();
  });
  afterEach(async () => {
    for (const a of opened.splice(0)) await a.close();
    await app.dispose();
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    for (const role of roles.splice(0)) await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  /** A login role with a SCRAM password, member of lotse_team, recorded as a team member of `kind`. */
  async function member(kind: 'kommune' | 'koordination' | 'leitung', opts: { communeId?: number; programIds?: number[] } = {}): Promise<string> {
    const role = `t_${kind}_${crypto.randomBytes(3).toString('hex')}`;
    const password = crypto.randomBytes(12).toString('hex');
    roles.push(role);
    await sql.raw(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE lotse_team`).execute(app.ctx.db);
    const { id } = await app.ctx.db
      .insertInto('team_members')
      .values({ role_name: role, display_name: `Test ${kind}`, kind, commune_id: opts.communeId ?? null, disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const programId of opts.programIds ?? []) await app.ctx.db.insertInto('team_programs').values({ member_id: id, program_id: programId }).execute();
    const u = new URL(app.dbPath);
    u.username = role;
    u.password = password;
    return u.toString();
  }

  async function asRole<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  /** Two people with AGH placements and hours in Freiberg, one in Döbeln. */
  async function seed() {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Freiberg: 3, Döbeln: 3 });
    const site = { site: 'Bauhof', activity: 'Grünpflege', hoursPerWeek: 20, agreementSignedOn: '2026-10-20', startDate: '2026-11-02' };
    const people: Record<string, number> = {};
    const placements: Record<string, number> = {};
    for (const [name, commune] of [['Freiberg A', 'Freiberg'], ['Freiberg B', 'Freiberg'], ['Döbeln C', 'Döbeln']] as const) {
      const id = await addPerson(db, { lastName: name, firstName: 'Test', birthDate: '1990-01-01' });
      const enrollmentId = await enrol(db, id, programId, { appliedOn: '2026-10-01' });
      const r = await app.router.call('placements.create', { ...site, enrollmentId, communeId: communeIds[commune]! });
      if (!r.ok) throw new Error(r.error.message);
      const placementId = (r.data as { id: number }).id;
      const h = await app.router.call('placements.saveHours', { entries: [{ placementId, workDate: '2026-11-03', hoursX100: 400 }] });
      if (!h.ok) throw new Error(h.error.message);
      people[name] = id;
      placements[name] = placementId;
    }
    return { programId, communeIds, people, placements };
  }

  it('a Kommune role reads only its commune’s people and hours, with psql-like direct SQL as in the app', async () => {
    const s = await seed();
    const freiberg = await member('kommune', { communeId: s.communeIds['Freiberg']! });
    await asRole(freiberg, async (c) => {
      const people = await c.query<{ last_name: string }>('SELECT last_name FROM participants ORDER BY last_name');
      expect(people.rows.map((r) => r.last_name)).toEqual(['Freiberg A', 'Freiberg B']);
      expect((await c.query('SELECT * FROM participants WHERE id = $1', [s.people['Döbeln C']])).rows).toEqual([]);
      const hours = await c.query<{ placement_id: number }>('SELECT placement_id FROM hours');
      expect(hours.rows.map((r) => Number(r.placement_id)).sort()).toEqual([s.placements['Freiberg A'], s.placements['Freiberg B']].sort());
      // writing past the rule: nothing changes, or the database refuses
      const upd = await c.query("UPDATE participants SET notes = 'x' WHERE id = $1", [s.people['Döbeln C']]);
      expect(upd.rowCount).toBe(0);
      await expect(c.query("INSERT INTO hours (placement_id, work_date, hours_x100) VALUES ($1, '2026-11-04', 100)", [s.placements['Döbeln C']])).rejects.toMatchObject({
        code: '42501',
      });
      expect((await c.query('SELECT count(*)::int AS n FROM enrollments')).rows[0].n).toBe(2);
    });
    // the app on the same login shows the same: two people, nobody from Döbeln
    const clerkApp = await startApp(freiberg, 'cli');
    opened.push(clerkApp);
    const list = await clerkApp.router.call('participants.list', {});
    expect(list.ok).toBe(true);
    const rows = (list as { data: { rows: Array<{ lastName: string | null }> } }).data.rows;
    expect(rows.map((r) => r.lastName).sort()).toEqual(['Freiberg A', 'Freiberg B']);
  });

  it('a Koordination role sees the people of its programs and the intake, and signs the audit log with its login', async () => {
    const s = await seed();
    const other = await createProgram(app.ctx.db, { name: 'AGH Anderes', startDate: '2026-01-01' });
    const elsewhere = await addPerson(app.ctx.db, { lastName: 'Anderswo', firstName: 'Test', birthDate: '1991-01-01' });
    await enrol(app.ctx.db, elsewhere, other.id, { appliedOn: '2026-10-01' });
    const intake = await addPerson(app.ctx.db, { lastName: 'Neu', firstName: 'Test', birthDate: '1992-01-01' });
    const coordination = await member('koordination', { programIds: [s.programId] });
    const seen = await asRole(coordination, async (c) => (await c.query<{ id: number }>('SELECT id FROM participants')).rows.map((r) => Number(r.id)));
    expect(seen.sort((a, b) => a - b)).toEqual([...Object.values(s.people), intake].sort((a, b) => a - b));
    const coordApp = await startApp(coordination, 'cli');
    opened.push(coordApp);
    const created = await coordApp.router.call('participants.create', { data: { lastName: 'Angelegt', firstName: 'Von', birthDate: '1993-03-03' } });
    expect(created.ok ? null : created.error).toBeNull();
    const log = await app.ctx.db.selectFrom('audit_log').select(['actor', 'entity']).where('entity', '=', 'participant').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(log.actor).toBe(new URL(coordination).username);
  });
});
