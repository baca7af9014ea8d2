import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAttendance, deleteActivity } from '../activities/activities.service.js';
import { undoBatch } from '../imports/imports.service.js';
import { saveHours } from '../placements/hours.service.js';
import { anonymiseParticipants } from '../privacy/anonymise.service.js';
import { tempApp } from '../../test/temp-db.js';
import { seedFigures, type Seeded } from './figures.seed.js';
import { computeFigures } from './figures.service.js';

/**
 * activity_presence and hours_months are kept by triggers (migration 2026-11-30-001). After every kind of write
 * they must equal a fresh count over their source rows, row for row: no missing, no extra, no stale row.
 */
let app: Awaited<ReturnType<typeof tempApp>>;
let s: Seeded;

beforeAll(async () => {
  app = await tempApp();
  s = await seedFigures(app.ctx.db, 160, 23);
}, 60_000);
afterAll(async () => app?.dispose());

async function presenceDrift() {
  const db = app.ctx.db;
  const kept = await sql<{ activity_id: number; present: number }>`SELECT activity_id, present FROM activity_presence ORDER BY activity_id`.execute(db);
  const fresh = await sql<{ activity_id: number; present: number }>`SELECT activity_id, count(*) AS present FROM attendance
    WHERE status = 'anwesend' GROUP BY activity_id ORDER BY activity_id`.execute(db);
  return { kept: kept.rows, fresh: fresh.rows };
}

async function hoursDrift() {
  const db = app.ctx.db;
  const kept = await sql<{ placement_id: number; month: string; hours_x100: number; entries: number }>`SELECT placement_id, month,
    hours_x100, entries FROM hours_months ORDER BY placement_id, month`.execute(db);
  const fresh = await sql<{ placement_id: number; month: string; hours_x100: number; entries: number }>`SELECT placement_id,
    substr(work_date, 1, 7) AS month, sum(hours_x100) AS hours_x100, count(*) AS entries FROM hours
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return { kept: kept.rows, fresh: fresh.rows };
}

async function expectInStep(label: string) {
  const p = await presenceDrift();
  expect(p.kept, `${label}: activity_presence`).toEqual(p.fresh);
  const h = await hoursDrift();
  expect(h.kept, `${label}: hours_months`).toEqual(h.fresh);
}

const activityOf = async (programId: number) =>
  (await app.ctx.db.selectFrom('activities').select('id').where('program_id', '=', programId).orderBy('id').executeTakeFirstOrThrow()).id;

/** People whose enrollment in the program under test covers `day`. */
const coveredOn = (day: string) => [
  ...new Set(
    s.enrollments
      .filter((e) => e.programId === s.programId && e.status !== 'interessiert' && e.startDate !== null && e.startDate <= day && (e.endDate === null || e.endDate >= day))
      .map((e) => e.participantId),
  ),
];

describe('trigger-kept summaries', () => {
  it('hold the seeded data, and the dashboard reads the same attendances as the rows give', async () => {
    const p = await presenceDrift();
    expect(p.fresh.length).toBeGreaterThan(3);
    await expectInStep('seed');
    const f = await computeFigures(app.ctx.reader, { programId: s.programId, from: '2026-01-01', to: '2026-12-31' });
    const joined = await sql<{ n: number }>`SELECT count(*) AS n FROM attendance t JOIN activities a ON a.id = t.activity_id
      WHERE a.program_id = ${s.programId} AND a.date BETWEEN '2026-01-01' AND '2026-12-31' AND t.status = 'anwesend'`.execute(app.ctx.db);
    expect(f.activities.reduce((sum, a) => sum + a.attendances, 0)).toBe(joined.rows[0]!.n);
  });

  it('follow attendance saved, changed, moved and removed', async () => {
    const activityId = await activityOf(s.programId);
    // the attendance service takes only people enrolled on the activity's day (anchor rule)
    const day = (await app.ctx.db.selectFrom('activities').select('date').where('id', '=', activityId).executeTakeFirstOrThrow()).date;
    const [a, b, c] = coveredOn(day).slice(0, 3) as [number, number, number];
    await saveAttendance(app.ctx.db, activityId, [
      { participantId: a, status: 'anwesend' },
      { participantId: b, status: 'anwesend' },
      { participantId: c, status: 'entschuldigt' },
    ]);
    await expectInStep('saved');
    // status flips both ways through the upsert (an UPDATE), then a removal of a present person
    await saveAttendance(app.ctx.db, activityId, [
      { participantId: a, status: 'unentschuldigt' },
      { participantId: c, status: 'anwesend' },
    ]);
    await expectInStep('changed');
    await saveAttendance(app.ctx.db, activityId, [], [b, c]);
    await expectInStep('removed');
    // a row moved to another activity (no service does this today; the trigger must still follow)
    const other = (await app.ctx.db.selectFrom('activities').select('id').where('id', '<>', activityId)
      .where('id', 'not in', app.ctx.db.selectFrom('attendance').select('activity_id').where('participant_id', '=', a)).orderBy('id').executeTakeFirstOrThrow()).id;
    await saveAttendance(app.ctx.db, activityId, [{ participantId: a, status: 'anwesend' }]);
    await app.ctx.db.updateTable('attendance').set({ activity_id: other }).where('activity_id', '=', activityId).where('participant_id', '=', a).execute();
    await expectInStep('moved');
    // the last present person of an activity leaves: its summary row goes, not a row with 0
    const lone = (await app.ctx.db.insertInto('activities').values({ program_id: s.programId, kind: 'seminar', title: 'Einzeltermin', date: day, duration_minutes: 60 })
      .returning('id').executeTakeFirstOrThrow()).id;
    await saveAttendance(app.ctx.db, lone, [{ participantId: a, status: 'anwesend' }]);
    expect((await presenceDrift()).kept.find((r) => r.activity_id === lone)?.present).toBe(1);
    await saveAttendance(app.ctx.db, lone, [], [a]);
    expect((await presenceDrift()).kept.find((r) => r.activity_id === lone)).toBeUndefined();
    await expectInStep('last one left');
    await deleteActivity(app.ctx.db, lone);
    await deleteActivity(app.ctx.db, other);
    await expectInStep('activity deleted (attendance cascades)');
  });

  it('follow hours saved, corrected, cleared, moved across months and deleted with their placement', async () => {
    // an entry the service accepts: an active placement, a day inside its period
    const inside = (p: Seeded['placements'][number], d: string) => d >= p.startDate && (p.endDate === null || d <= p.endDate);
    const pl = s.placements.find((p) => p.status === 'aktiv' && s.hours.some((h) => h.placementId === p.id && inside(p, h.workDate)))!;
    const day = s.hours.find((h) => h.placementId === pl.id && inside(pl, h.workDate))!.workDate;
    await saveHours(app.ctx.db, [{ placementId: pl.id, workDate: day, hoursX100: 725 }]);
    await expectInStep('corrected');
    await saveHours(app.ctx.db, [{ placementId: pl.id, workDate: day, hoursX100: 0 }]);
    await expectInStep('cleared');
    // an entry of 0 hours written directly still makes its month exist, as a sum over the rows would
    await app.ctx.db.insertInto('hours').values({ placement_id: pl.id, work_date: day, hours_x100: 0 }).execute();
    await expectInStep('zero entry');
    const free = '2026-01-02';
    await app.ctx.db.deleteFrom('hours').where('placement_id', '=', pl.id).where('work_date', '=', free).execute();
    await app.ctx.db.updateTable('hours').set({ work_date: free, hours_x100: 100 }).where('placement_id', '=', pl.id).where('work_date', '=', day).execute();
    await expectInStep('moved to another month');
    const otherPl = s.placements.find((p) => p.id !== pl.id)!;
    await app.ctx.db.deleteFrom('hours').where('placement_id', '=', otherPl.id).where('work_date', '=', free).execute();
    await app.ctx.db.updateTable('hours').set({ placement_id: otherPl.id }).where('placement_id', '=', pl.id).where('work_date', '=', free).execute();
    await expectInStep('moved to another placement');
    await app.ctx.db.deleteFrom('placements').where('id', '=', otherPl.id).execute();
    await expectInStep('placement deleted (hours cascade)');
  });

  it('roll back with their transaction', async () => {
    const activityId = await activityOf(s.programId);
    const before = await presenceDrift();
    const hoursBefore = await hoursDrift();
    // rows that still exist after the tests above
    const person = (await app.ctx.db.selectFrom('participants').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    const placementId = (await app.ctx.db.selectFrom('placements').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    await expect(
      app.ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('attendance').values({ activity_id: activityId, participant_id: person, status: 'anwesend' })
          .onConflict((oc) => oc.columns(['activity_id', 'participant_id']).doUpdateSet({ status: 'anwesend' })).execute();
        await trx.insertInto('hours').values({ placement_id: placementId, work_date: '2026-12-30', hours_x100: 300 })
          .onConflict((oc) => oc.columns(['placement_id', 'work_date']).doUpdateSet({ hours_x100: 300 })).execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await presenceDrift()).toEqual(before);
    expect(await hoursDrift()).toEqual(hoursBefore);
    await expectInStep('rolled back');
  });

  it('stay in step through anonymisation, deleting a person and undoing an import', async () => {
    const present = await sql<{ participant_id: number }>`SELECT DISTINCT participant_id FROM attendance WHERE status = 'anwesend' ORDER BY 1 LIMIT 3`.execute(app.ctx.db);
    await anonymiseParticipants(app.ctx.db, [present.rows[0]!.participant_id], { reason: 'request' });
    await expectInStep('anonymised');
    // a person with attendance and hours deleted: attendance, placements and hours cascade
    const withHours = s.placements.find((p) => s.placements.filter((x) => x.participantId === p.participantId).length === 1
      && s.hours.some((h) => h.placementId === p.id))!;
    await app.ctx.db.deleteFrom('placements').where('participant_id', '=', withHours.participantId).execute();
    await app.ctx.db.deleteFrom('participants').where('id', '=', present.rows[1]!.participant_id).execute();
    await expectInStep('person deleted');
    // an import batch whose people were then marked present; undoing it deletes them with their attendance
    const batch = (await app.ctx.db.insertInto('import_batches').values({ file_name: 'teilnehmende.xlsx', rows_total: 2, imported: 2, existing_matched: 0, duplicates_in_file: 0, rejected: 0, mapping: '{}', report: '{}' })
      .returning('id').executeTakeFirstOrThrow()).id;
    const imported: number[] = [];
    for (const last of ['Importiert', 'Eingelesen']) {
      imported.push((await app.ctx.db.insertInto('participants').values({ last_name: last, first_name: 'Test', import_batch_id: batch, search_text: last.toLowerCase() })
        .returning('id').executeTakeFirstOrThrow()).id);
    }
    const activityId = await activityOf(s.programId);
    // enrolled on the activity's day, as the attendance service requires
    const activityDay = (await app.ctx.db.selectFrom('activities').select('date').where('id', '=', activityId).executeTakeFirstOrThrow()).date;
    for (const id of imported) {
      await app.ctx.db.insertInto('enrollments').values({ participant_id: id, program_id: s.programId, status: 'aktiv', start_date: activityDay, eligible: 1 }).execute();
    }
    await saveAttendance(app.ctx.db, activityId, imported.map((id) => ({ participantId: id, status: 'anwesend' as const })));
    const withImported = (await presenceDrift()).kept.find((r) => r.activity_id === activityId)!.present;
    await undoBatch(app.ctx.db, batch);
    expect((await presenceDrift()).kept.find((r) => r.activity_id === activityId)?.present ?? 0).toBe(withImported - 2);
    await expectInStep('import undone');
  });
});
