import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { aghMonthsOf } from '../finance/budget.service.js';
import { computeFinance } from '../finance/nachweis.service.js';
import { checkFigures } from '../reports/checks.service.js';
import { seedDemo } from './demo.seed.js';
import { demoSteps } from './demo.steps.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
// one seeded demo for all checks below: seeding is the slow part
beforeAll(async () => {
  app = await tempApp();
  await seedDemo(app.ctx.db, 'small', demoSteps);
}, 120_000);
afterAll(async () => app.dispose());

const count = async (table: 'attendance' | 'outcomes' | 'fair_registrations' | 'fair_contacts') =>
  Number((await app.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('enrollment_id', 'is', null).executeTakeFirstOrThrow()).n);

describe('demo data', () => {
  it('puts every attendance and outcome inside an enrollment; only fair visitors have none', async () => {
    expect(await count('attendance')).toBe(0);
    expect(await count('outcomes')).toBe(0);
    // visitors without an enrollment come to the fairs, and talk to companies there
    expect(await count('fair_registrations')).toBeGreaterThan(0);
    expect(await count('fair_contacts')).toBeGreaterThan(0);
  });

  it('holds the ten fairs 2016–2019 in the earlier model program, which has targets', async () => {
    const fairs = await app.ctx.db
      .selectFrom('fairs')
      .innerJoin('programs', 'programs.id', 'fairs.program_id')
      .select(['programs.name', 'programs.start_date', 'programs.end_date', 'fairs.date'])
      .execute();
    expect(fairs).toHaveLength(10);
    expect(new Set(fairs.map((f) => f.name))).toEqual(new Set(['Arbeitsmarktmentoren für Geflüchtete']));
    expect(fairs.every((f) => f.start_date <= f.date && f.date <= f.end_date!)).toBe(true);
    const targets = await app.ctx.db.selectFrom('program_targets').select('program_id').distinct().execute();
    expect(targets).toHaveLength(3);
  });

  it('gives zero findings for both current programs and the model program', async () => {
    const programs = await app.ctx.db.selectFrom('programs').select(['id', 'name', 'start_date', 'end_date']).execute();
    const periods: Record<string, [string, string]> = {
      'AGH Mittelsachsen': ['2026-01-01', '2026-12-31'],
      'Arbeitsmarktmentoren Dresden': ['2020-01-01', '2026-12-31'],
      'Arbeitsmarktmentoren für Geflüchtete': ['2016-01-01', '2019-12-31'],
    };
    for (const p of programs) {
      const [from, to] = periods[p.name]!;
      expect([p.name, await checkFigures(app.ctx.db, { programId: p.id, from, to })]).toEqual([p.name, []]);
    }
  });
});

describe('demo money', () => {
  it('gives both current programs a plan, a year of receipts and payment requests, each in a Nachweis', async () => {
    const programs = await app.ctx.db.selectFrom('programs').select(['id', 'name']).where('name', 'in', ['AGH Mittelsachsen', 'Arbeitsmarktmentoren Dresden']).execute();
    expect(programs).toHaveLength(2);
    for (const p of programs) {
      const q = { programId: p.id, from: '2026-01-01', to: '2026-12-31' };
      const f = (await computeFinance(app.ctx.reader, q, await aghMonthsOf(app.ctx.reader, q)))!;
      const months = new Set(f.lines.filter((l) => !l.computed).map((l) => l.date.slice(0, 7)));
      expect([p.name, months.size]).toEqual([p.name, 11]);
      // spent most of the plan by November, none of the positions beyond its tolerance
      expect(f.actualCents / f.plannedCents).toBeGreaterThan(0.6);
      expect(f.actualCents).toBeLessThan(f.plannedCents);
      expect(f.positions.filter((x) => x.status === 'ueber_toleranz')).toEqual([]);
      const requests = await app.ctx.db.selectFrom('finance_requests').select('state').where('program_id', '=', p.id).execute();
      expect(requests.map((r) => r.state)).toEqual(['eingegangen', 'entwurf']);
    }
  });
});
