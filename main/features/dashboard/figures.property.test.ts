import { afterAll, describe, expect, it } from 'vitest';
import type { Figures, FiguresQuery } from '../../../shared/domain/reports.js';
import { tempApp } from '../../test/temp-db.js';
import { reportData, reportJsonOf } from '../reports/reports.service.js';
import { drilldown } from './drilldown.service.js';
import { rng, seedFigures } from './figures.seed.js';
import { computeFigures, readerFigures } from './figures.service.js';

/**
 * Property tests: for generated data (seeded, so a failure is reproducible from its seed) and generated periods,
 * the invariants an auditor relies on hold — also when broken records are mixed in, which the figures must leave
 * out. No external generator library: the seeded PRNG of figures.seed.ts drives data, breakage and periods.
 */

const apps: Array<Awaited<ReturnType<typeof tempApp>>> = [];
afterAll(async () => {
  for (const a of apps) await a.dispose();
});

const pad = (n: number) => String(n).padStart(2, '0');
function period(r: () => number): { from: string; to: string } {
  const day = () => `${2024 + Math.floor(r() * 4)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
  const [a, b] = [day(), day()].sort() as [string, string];
  return { from: a, to: b };
}

const total = (rows: Array<{ count: number }>) => rows.reduce((s, r) => s + r.count, 0);

/** Every invariant of issue 13 for one set of figures. */
function invariants(f: Figures): void {
  const p = f.participants;
  const ctx = `${f.from}..${f.to}`;
  for (const [name, rows] of Object.entries({
    byGender: f.byGender,
    byAgeGroup: f.byAgeGroup,
    byNationality: f.byNationality,
    byCommune: f.byCommune,
    byResidenceStatus: f.byResidenceStatus,
    byResidenceGroup: f.byResidenceGroup,
    byGermanLevel: f.byGermanLevel,
  })) {
    expect(total(rows), `${ctx} ${name}`).toBe(p.total);
  }
  expect(total(f.communes.map((c) => ({ count: c.participants }))), ctx).toBe(p.total);
  expect(total(f.outcomes.byKind), ctx).toBe(f.outcomes.people);
  for (const x of [p.entered, p.active, p.exited, p.overrides]) expect(x).toBeLessThanOrEqual(p.total);
  expect(p.completed + p.dropped).toBeGreaterThanOrEqual(p.exited);
  expect(f.outcomes.people, ctx).toBeLessThanOrEqual(p.exited);
  expect(f.outcomes.success.count, ctx).toBeLessThanOrEqual(f.outcomes.people);
  for (const fair of f.fairs) {
    expect(fair.presentParticipants, ctx).toBeLessThanOrEqual(p.total);
    expect(fair.presentParticipants + fair.presentVisitors).toBe(fair.present);
  }
  expect(f.agh.people, ctx).toBeLessThanOrEqual(p.total);
  for (const a of f.activities) expect(a.people ?? 0, ctx).toBeLessThanOrEqual(p.total);
  expect(f.network.employersSupported).toBeLessThanOrEqual(f.network.companies);
  expect(total(f.network.bySector)).toBe(f.network.companies);
  expect(total(f.network.byPartnerType)).toBe(f.network.partners);
  expect(f.agh.compensationCents).toBe(f.communeMonths.reduce((s, m) => s + m.compensationCents, 0));
}

/** Records the services would refuse, written past them: they must not change any participant figure. */
async function breakSome(app: Awaited<ReturnType<typeof tempApp>>, programId: number, r: () => number): Promise<void> {
  const db = app.ctx.db;
  const people = await db.selectFrom('participants').select('id').execute();
  const activities = await db.selectFrom('activities').select('id').where('program_id', '=', programId).execute();
  for (let i = 0; i < 5; i++) {
    const person = people[Math.floor(r() * people.length)]!.id;
    const act = activities[Math.floor(r() * activities.length)]!.id;
    await db.insertInto('attendance').values({ activity_id: act, participant_id: person, status: 'anwesend' }).onConflict((oc) => oc.doNothing()).execute();
    await db.insertInto('outcomes').values({ participant_id: person, program_id: programId, kind: 'ausbildung', date: `2026-0${1 + i}-10` }).execute();
  }
}

describe('figures: properties over generated data and periods', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every breakdown sums to its total, subsets stay subsets, report = dashboard = JSON`, async () => {
      const app = await tempApp();
      apps.push(app);
      const r = rng(1000 + seed);
      const s = await seedFigures(app.ctx.db, 60 + Math.floor(r() * 60), seed);
      await breakSome(app, s.programId, r);
      const periods = [{ from: '2026-01-01', to: '2026-12-31' }, ...Array.from({ length: 6 }, () => period(r))];
      for (const { from, to } of periods) {
        const q: FiguresQuery = { programId: s.programId, from, to };
        const report = await reportData(app.ctx.reader, { ...q, kind: 'interim' }, new Date('2026-12-31T00:00:00Z'));
        invariants(report.figures);
        // the dashboard (cached path, without the costly reach) shows the same numbers
        const dash = await readerFigures(app.ctx.reader, q);
        expect({ ...dash, activities: dash.activities.map((a) => ({ ...a, people: null })) }).toEqual({
          ...report.figures,
          activities: report.figures.activities.map((a) => ({ ...a, people: null })),
        });
        expect(await computeFigures(app.ctx.reader, q)).toEqual(report.figures);
        // and the JSON carries them
        const json = reportJsonOf(report, s.programId);
        expect(json.participants.total).toBe(report.figures.participants.total);
        expect(json.outcomes.success.count).toBe(report.figures.outcomes.success.count);
        expect(json.agh.people).toBe(report.figures.agh.people);
        expect(json.fairs.map((x) => x.presentParticipants)).toEqual(report.figures.fairs.map((x) => x.presentParticipants));
        // a sample of drill-down lists agrees with its figure
        for (const [figure, n] of [['enrolled', report.figures.participants.total], ['outcomes', report.figures.outcomes.people],
          ['outcomePeople', report.figures.outcomes.success.count], ['aghPeople', report.figures.agh.people]] as const) {
          expect({ from, to, figure, n: (await drilldown(app.ctx.reader, { ...q, figure })).count }).toEqual({ from, to, figure, n });
        }
      }
    }, 120_000);
  }
});
