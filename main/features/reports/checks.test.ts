import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingCode } from '../../../shared/domain/reports.js';
import { tempApp } from '../../test/temp-db.js';
import { drilldown } from '../dashboard/drilldown.service.js';
import { seedFigures, type Seeded } from '../dashboard/figures.seed.js';
import { computeFigures } from '../dashboard/figures.service.js';
import { checkFigures } from './checks.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
let s: Seeded;
const from = '2026-01-01';
const to = '2026-12-31';
const q = () => ({ programId: s.programId, from, to });
const counts = async (query = q()) => Object.fromEntries((await checkFigures(app.ctx.reader, query)).map((f) => [f.code, f.count]));

beforeAll(async () => {
  app = await tempApp();
  s = await seedFigures(app.ctx.db, 120, 3);
}, 60_000);
afterAll(async () => app?.dispose());

/** A person of the seed without any enrollment in the program under test. */
function outsider(): number {
  return s.people.find((p) => !s.enrollments.some((e) => e.participantId === p.id && e.programId === s.programId))!.id;
}

describe('checks before export', () => {
  it('finds nothing to fix in anchored data: only the informational overrides and people without consent', async () => {
    const found = await checkFigures(app.ctx.reader, q());
    expect(found.map((f) => f.code)).toEqual(['eligibility_overrides', 'missing_consent']);
    const overrides = found.find((f) => f.code === 'eligibility_overrides')!;
    expect(overrides.severity).toBe('info');
    const f = await computeFigures(app.ctx.reader, q());
    // the override finding is the report's own row, the same number
    expect(overrides.count).toBe(f.participants.overrides);
    expect(overrides.message).toContain(String(f.participants.overrides));
    expect(overrides.messageEn).toContain('override');
  });

  it('flags each deliberately broken record, lists exactly those records, and leaves them out of the figures', async () => {
    const db = app.ctx.db;
    const before = await computeFigures(app.ctx.reader, q());
    const base = await counts();
    const person = outsider();
    // an attendance of a person without enrollment (written past the service, which would refuse it)
    const activity = await db.selectFrom('activities').select(['id', 'kind']).where('program_id', '=', s.programId).where('date', '>=', from).executeTakeFirstOrThrow();
    await db.insertInto('attendance').values({ activity_id: activity.id, participant_id: person, status: 'anwesend' }).execute();
    // an outcome outside any enrollment
    await db.insertInto('outcomes').values({ participant_id: person, program_id: s.programId, kind: 'ausbildung', date: '2026-05-05' }).execute();
    // a placement on an enrollment that is only "interessiert", without a start date
    const interested = await db.insertInto('enrollments').values({ participant_id: person, program_id: s.programId, status: 'interessiert', eligible: 1 })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('placements').values({ enrollment_id: interested.id, participant_id: person, program_id: s.programId, commune_id: s.communes[0]!.id,
      site: 'Bauhof', activity: 'Pflege', start_date: '2026-03-01', rate_cents: 80, status: 'aktiv' }).execute();
    await db.insertInto('hours').values({ placement_id: (await db.selectFrom('placements').select('id').where('enrollment_id', '=', interested.id).executeTakeFirstOrThrow()).id, work_date: '2026-03-02', hours_x100: 500 }).execute();
    // a fair and an activity before the program began
    await db.insertInto('fairs').values({ program_id: s.programId, title: 'Börse 2019', date: '2019-05-05' }).execute();
    await db.insertInto('activities').values({ program_id: s.programId, kind: 'seminar', title: 'Alt', date: '2018-01-01', duration_minutes: 60 }).execute();

    const after = await counts();
    const expected: Partial<Record<FindingCode, number>> = {
      attendance_outside_enrollment: 1,
      outcome_outside_enrollment: 1,
      placement_enrollment_not_active: 1,
      enrollment_activity_without_start: 1,
      fair_outside_program: 1,
      activity_outside_program: 1,
    };
    for (const [code, n] of Object.entries(expected)) expect({ code, n: (after[code] ?? 0) - (base[code] ?? 0) }).toEqual({ code, n });
    for (const code of Object.keys(expected) as FindingCode[]) {
      const list = await drilldown(app.ctx.reader, { ...q(), figure: 'finding', key: code });
      expect({ code, count: list.count, rows: list.rows.length }).toEqual({ code, count: after[code], rows: after[code] });
    }
    const att = await drilldown(app.ctx.reader, { ...q(), figure: 'finding', key: 'attendance_outside_enrollment' });
    expect(att.rows[0]).toMatchObject({ participantId: person, entity: 'attendance' });
    const fair = await drilldown(app.ctx.reader, { ...q(), figure: 'finding', key: 'fair_outside_program' });
    expect(fair.rows[0]).toMatchObject({ participantId: null, entity: 'fair', date: '2019-05-05' });

    // none of the broken records changes a figure
    const now = await computeFigures(app.ctx.reader, q());
    expect(now.activities).toEqual(before.activities);
    expect(now.agh).toEqual(before.agh);
    expect(now.outcomes).toEqual(before.outcomes);
    expect(now.participants).toEqual(before.participants);
  });

  it('flags a report period outside the program, and answers through the router', async () => {
    expect((await counts({ ...q(), from: '2024-01-01' })).period_outside_program).toBe(1);
    expect((await counts()).period_outside_program).toBeUndefined();
    const res = await app.router.call('reports.check', q());
    expect(res.ok).toBe(true);
    const bad = await app.router.call('reports.check', { ...q(), from: to, to: from });
    expect(bad.ok).toBe(false);
  });

  it('fixing a record makes its finding disappear (re-anchoring through the enrollment)', async () => {
    const person = outsider();
    const db = app.ctx.db;
    const { anchorAll } = await import('../enrollments/anchor.service.js');
    await db.updateTable('enrollments').set({ status: 'aktiv', start_date: '2026-01-01' }).where('participant_id', '=', person).where('program_id', '=', s.programId).execute();
    await anchorAll(db);
    const after = await counts();
    expect(after.attendance_outside_enrollment).toBeUndefined();
    expect(after.outcome_outside_enrollment).toBeUndefined();
    expect(after.placement_enrollment_not_active).toBeUndefined();
    expect(after.enrollment_activity_without_start).toBeUndefined();
  });
});
