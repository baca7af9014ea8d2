import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import { mittelsachsenRules, type AghRules } from '../../../shared/domain/agh.js';
import type { SerializedError } from '../../../shared/errors.js';
import { tempApp } from '../../test/temp-db.js';
import { addPerson, aghProgram, enrol } from './placements.seed.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;

async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { serialized: r.error });
  return r.data as OutputOf<N>;
}
async function fails<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<SerializedError> {
  const r = await app.router.call(name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  await app.dispose();
});

/** A program with Döbeln and Freiberg and one enrolled person living in Döbeln (unless told otherwise). */
async function setup(opts: { home?: 'Döbeln' | 'Freiberg' | null } = {}) {
  const db = app.ctx.db;
  const { programId, communeIds } = await aghProgram(db, { Döbeln: 5, Freiberg: 5 });
  const home = opts.home === undefined ? 'Döbeln' : opts.home;
  const enrolled = async (last: string) => {
    const person = await addPerson(db, { lastName: last, firstName: 'Anna', birthDate: '1990-05-01', communeId: home ? communeIds[home]! : null });
    return enrol(db, person, programId, { appliedOn: '2026-01-01' });
  };
  return { programId, doebeln: communeIds['Döbeln']!, freiberg: communeIds['Freiberg']!, enrolled };
}

async function setRules(programId: number, change: Partial<AghRules>) {
  return call('placements.saveAghSettings', { programId, rules: { ...mittelsachsenRules, ...change } });
}

const plan = { site: 'Bauhof', activity: 'Grünpflege', agreementSignedOn: '2026-01-02' };

describe('AGH rules per program', () => {
  it("a program without its own rules has Mittelsachsen's: 14 days lead time and 20–25 h/week as warnings", async () => {
    const { programId, doebeln, enrolled } = await setup();
    const settings = await call('placements.aghSettings', { programId });
    expect(settings.rules).toEqual(mittelsachsenRules);
    const atLimits = await call('placements.create', { ...plan, enrollmentId: await enrolled('A'), communeId: doebeln, applicationDate: '2026-02-01', startDate: '2026-02-15', hoursPerWeek: 25 });
    expect(atLimits.warnings).toEqual([]);
    const beyond = await call('placements.create', { ...plan, enrollmentId: await enrolled('B'), communeId: doebeln, applicationDate: '2026-02-02', startDate: '2026-02-15', hoursPerWeek: 25.25 });
    expect(beyond.warnings.map((w) => w.code).sort()).toEqual(['hours_high', 'short_notice']);
    expect(beyond.warnings.find((w) => w.code === 'short_notice')!.message).toBe('Beginn weniger als 14 Tage nach dem Antrag.');
    const low = await call('placements.create', { ...plan, enrollmentId: await enrolled('C'), communeId: doebeln, startDate: '2026-02-15', hoursPerWeek: 19.75 });
    expect(low.warnings.map((w) => w.code)).toEqual(['hours_low']);
  });

  it('hard limits of weekly hours, duration and lead time refuse with a German and English field message', async () => {
    const { programId, doebeln, enrolled } = await setup();
    await setRules(programId, {
      weekMaxX100: { value: 2000, level: 'grenze' },
      maxDurationMonths: { value: 6, level: 'grenze' },
      leadDays: { value: 7, level: 'grenze' },
    });
    const e = await enrolled('A');
    const base = { ...plan, enrollmentId: e, communeId: doebeln, applicationDate: '2026-01-08', startDate: '2026-01-15', plannedEndDate: '2026-07-14' };

    const week = await fails('placements.create', { ...base, hoursPerWeek: 20.25 });
    expect(week.code).toBe('validation');
    expect(week.message).toBe('Programmregel: Mehr als 20 Stunden je Woche geplant (20,25).');
    expect(week.messageEn).toBe('Program rule: More than 20 hours per week planned (20.25).');
    expect(week.details?.fields).toEqual([
      { path: 'hoursPerWeek', message: 'Mehr als 20 Stunden je Woche geplant (20,25).', messageEn: 'More than 20 hours per week planned (20.25).' },
    ]);
    const long = await fails('placements.create', { ...base, hoursPerWeek: 20, plannedEndDate: '2026-07-15' });
    expect(long.details?.fields?.map((f) => f.path)).toEqual(['plannedEndDate']);
    const early = await fails('placements.create', { ...base, hoursPerWeek: 20, applicationDate: '2026-01-09' });
    expect(early.details?.fields?.map((f) => f.path)).toEqual(['startDate']);
    expect(await app.ctx.db.selectFrom('placements').select('id').execute()).toEqual([]);

    // exactly at every limit: saved without a warning
    const ok = await call('placements.create', { ...base, hoursPerWeek: 20 });
    expect(ok.warnings).toEqual([]);
    // a correction is checked against the same rules
    const upd = await fails('placements.update', { id: ok.id, site: 'Bauhof', activity: 'Grünpflege', startDate: '2026-01-15', applicationDate: '2026-01-08', hoursPerWeek: 21, plannedEndDate: '2026-07-14', agreementSignedOn: '2026-01-02' });
    expect(upd.details?.fields?.map((f) => f.path)).toEqual(['hoursPerWeek']);
  });

  it("a site outside the person's commune warns by default and refuses as a hard limit", async () => {
    const { programId, doebeln, freiberg, enrolled } = await setup();
    const away = await call('placements.create', { ...plan, enrollmentId: await enrolled('A'), communeId: freiberg, startDate: '2026-02-15', hoursPerWeek: 22 });
    expect(away.warnings.map((w) => w.code)).toEqual(['outside_commune']);
    const home = await call('placements.create', { ...plan, enrollmentId: await enrolled('B'), communeId: doebeln, startDate: '2026-02-15', hoursPerWeek: 22 });
    expect(home.warnings).toEqual([]);
    await setRules(programId, { outsideCommune: { level: 'grenze' } });
    const err = await fails('placements.create', { ...plan, enrollmentId: await enrolled('C'), communeId: freiberg, startDate: '2026-02-15', hoursPerWeek: 22 });
    expect(err.details?.fields?.map((f) => f.path)).toEqual(['communeId']);
    await setRules(programId, { outsideCommune: { level: 'aus' } });
    const off = await call('placements.create', { ...plan, enrollmentId: await enrolled('D'), communeId: freiberg, startDate: '2026-02-15', hoursPerWeek: 22 });
    expect(off.warnings).toEqual([]);
  });

  it('recorded hours: day, week and month maxima as hard limits at their edges, and as warnings', async () => {
    const { programId, doebeln, enrolled } = await setup();
    await setRules(programId, {
      dayMaxX100: { value: 800, level: 'grenze' },
      weekMaxX100: { value: 2000, level: 'grenze' },
      monthMaxX100: { value: 8000, level: 'grenze' },
    });
    const p = await call('placements.create', { ...plan, enrollmentId: await enrolled('A'), communeId: doebeln, startDate: '2026-03-01', hoursPerWeek: 20 });
    const day = (d: string, x100: number) => ({ placementId: p.id, workDate: d, hoursX100: x100 });

    const tooLong = await fails('placements.saveHours', { entries: [day('2026-03-02', 825)] });
    expect(tooLong.message).toContain('mehr als 8 Stunden am Tag (8,25)');
    // Monday–Friday 4 h = 20 h in the week of 2026-03-02: the limit itself is allowed
    const week = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) => day(d, 400));
    expect((await call('placements.saveHours', { entries: week })).saved).toBe(5);
    const over = await fails('placements.saveHours', { entries: [day('2026-03-07', 25)] });
    expect(over.message).toContain('mehr als 20 Stunden in der Woche (20,25)');
    expect(over.details?.fields?.[0]?.path).toBe('entries.0');
    // lowering a day of the same week makes room: the check sees the week as it will be after the save
    expect((await call('placements.saveHours', { entries: [day('2026-03-06', 300), day('2026-03-07', 100)] })).saved).toBe(2);

    // month: 3 more weeks of 20 h = 80 h in March, then one more quarter hour is refused
    const more = ['09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27'].map((d) => day(`2026-03-${d}`, 400));
    await call('placements.saveHours', { entries: more });
    const month = await fails('placements.saveHours', { entries: [day('2026-03-30', 25)] });
    expect(month.message).toContain('mehr als 80 Stunden im Monat (80,25)');
    const stored = await app.ctx.db.selectFrom('hours').select((eb) => eb.fn.sum<number>('hours_x100').as('s')).executeTakeFirstOrThrow();
    expect(Number(stored.s)).toBe(8000);

    // the same limits as warnings: saved, and the coordinator is told
    await setRules(programId, { monthMaxX100: { value: 8000, level: 'warnung' } });
    const warned = await call('placements.saveHours', { entries: [day('2026-03-30', 25)] });
    expect(warned.saved).toBe(1);
    expect(warned.warnings).toEqual(['A, Anna, 30.03.2026: mehr als 80 Stunden im Monat (80,25).']);
  });

  it('refuses rules out of range and keeps the edit in the audit trail', async () => {
    const { programId } = await setup();
    const err = await fails('placements.saveAghSettings', { programId, rules: { ...mittelsachsenRules, dayMaxX100: { value: 1100, level: 'grenze' } } });
    expect(err.code).toBe('validation');
    const saved = await call('placements.saveAghSettings', {
      programId,
      rules: { ...mittelsachsenRules, weekMaxX100: { value: 3000, level: 'warnung' } },
      operatorAddress: 'Musterstraße 1\n09599 Freiberg',
      fileReference: 'AGH-2026/17',
    });
    expect(saved.rules.weekMaxX100.value).toBe(3000);
    expect(saved.operatorAddress).toBe('Musterstraße 1\n09599 Freiberg');
    const log = await app.ctx.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'agh_settings').execute();
    expect(log).toEqual([{ action: 'update', entity: 'agh_settings' }]);
  });

  it('rules stored by an older version keep their values; a rule they lack gets its default', async () => {
    const { programId } = await setup();
    await app.ctx.db
      .insertInto('agh_program_settings')
      .values({ program_id: programId, rules: JSON.stringify({ weekMaxX100: { value: 3000, level: 'grenze' } }) })
      .execute();
    const { rules } = await call('placements.aghSettings', { programId });
    expect(rules.weekMaxX100).toEqual({ value: 3000, level: 'grenze' });
    expect(rules.leadDays).toEqual(mittelsachsenRules.leadDays);
  });
});
