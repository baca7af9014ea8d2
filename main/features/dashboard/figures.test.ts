import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrilldownQuery, type Figures } from '../../../shared/domain/reports.js';
import { anchorAll } from '../enrollments/anchor.service.js';
import { takeEntrySnapshots } from '../enrollments/entry.sql.js';
import { testEngine } from '../../test/pg.js';
import { tempApp } from '../../test/temp-db.js';
import { drilldown } from './drilldown.service.js';
import { seedFigures, type Seeded } from './figures.seed.js';
import { computeFigures, peopleFiguresBy, readerFigures } from './figures.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
let s: Seeded;
const from = '2026-01-01';
const to = '2026-12-31';
let f: Figures;

beforeAll(async () => {
  app = await tempApp();
  s = await seedFigures(app.ctx.db, 220, 11);
  f = await computeFigures(app.ctx.reader, { programId: s.programId, from, to });
}, 60_000);
afterAll(async () => app?.dispose());

// ---------- the independent count: plain JS over the seeded records ----------
const inPeriod = (e: Seeded['enrollments'][number]) =>
  e.programId === s.programId && e.status !== 'interessiert' && e.startDate !== null && e.startDate <= to && (e.endDate === null || e.endDate >= from);
const people = (pred: (e: Seeded['enrollments'][number]) => boolean) => new Set(s.enrollments.filter((e) => inPeriod(e) && pred(e)).map((e) => e.participantId));
const countBy = <T>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((acc, x) => ((acc[key(x)] = (acc[key(x)] ?? 0) + 1), acc), {});
const asMap = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));

/** The person's latest-starting enrollment of the period (ties: higher id): the one whose snapshot counts. */
function snapshotOf(id: number) {
  return s.enrollments.filter((e) => e.participantId === id && inPeriod(e)).sort((a, b) => a.startDate!.localeCompare(b.startDate!) || a.id - b.id).at(-1)!;
}

function ageGroup(p: Seeded['people'][number]): string {
  // the age at entry: year of the snapshot enrollment's start − birth year
  const year = p.birthYear ?? (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null);
  const age = year === null ? null : Number(snapshotOf(p.id).startDate!.slice(0, 4)) - year;
  if (age === null) return 'keine_angabe';
  if (age < 18) return 'unter_18';
  if (age < 30) return '18_29';
  if (age < 55) return '30_54';
  return '55_plus';
}

const plusMonths = (iso: string, months: number) => {
  const m = Number(iso.slice(5, 7)) - 1 + months;
  return `${Number(iso.slice(0, 4)) + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${iso.slice(8, 10)}`;
};
/** The anchor rule in plain JS: latest-starting covering enrollment of the outcome's program (follow-up 6 months). */
function anchorOf(o: Seeded['outcomes'][number]) {
  return s.enrollments
    .filter((e) => e.participantId === o.participantId && e.programId === o.programId && e.status !== 'interessiert' && e.startDate !== null
      && e.startDate <= o.date && (e.endDate === null || o.date <= plusMonths(e.endDate, 6)))
    .sort((a, b) => a.startDate!.localeCompare(b.startDate!) || a.id - b.id)
    .at(-1);
}
const exitedInPeriod = (e: Seeded['enrollments'][number]) =>
  inPeriod(e) && (e.status === 'abgeschlossen' || e.status === 'abgebrochen') && e.endDate !== null && e.endDate <= to;

describe('figures of a program and period', () => {
  it('counts participants enrolled, active, completed, dropped as an independent count does', () => {
    const enrolled = people(() => true);
    expect(enrolled.size).toBeGreaterThan(50);
    expect(f.participants.enrolled).toBe(enrolled.size);
    expect(f.participants.active).toBe(people((e) => e.endDate === null || e.endDate > to).size);
    expect(f.participants.completed).toBe(people((e) => e.status === 'abgeschlossen' && e.endDate !== null && e.endDate <= to).size);
    expect(f.participants.dropped).toBe(people((e) => e.status === 'abgebrochen' && e.endDate !== null && e.endDate <= to).size);
  });

  it('breaks the period cohort down by gender, age group at entry and commune', () => {
    const cohort = s.people.filter((p) => people(() => true).has(p.id));
    expect(asMap(f.byGender)).toEqual(countBy(cohort, (p) => p.gender ?? 'keine_angabe'));
    expect(asMap(f.byAgeGroup)).toEqual(countBy(cohort, ageGroup));
    expect(asMap(f.byCommune)).toEqual(countBy(cohort, (p) => (p.communeId === null ? 'keine_angabe' : String(p.communeId))));
    expect(asMap(f.byNationality)).toEqual(countBy(cohort, (p) => p.nationality ?? 'keine_angabe'));
    for (const rows of [f.byGender, f.byAgeGroup, f.byCommune, f.byNationality, f.byResidenceStatus, f.byResidenceGroup, f.byGermanLevel]) {
      expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(f.participants.enrolled);
    }
    // several age groups really occur, so the test can tell them apart
    expect(f.byAgeGroup.filter((r) => r.count > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('counts exited people by their first anchored outcome, and the success rate over exited people', () => {
    const exited = people((e) => exitedInPeriod(e));
    const rank = (k: string) => ['sv_beschaeftigung', 'ausbildung', 'einstiegsqualifizierung', 'minijob', 'praktikum', 'weiterbildung', 'sprachkurs', 'schule', 'arbeitssuchend', 'unbekannt'].indexOf(k);
    const best = new Map<number, string>();
    const success = new Set<number>();
    for (const o of s.outcomes.filter((x) => x.programId === s.programId && x.date <= to)) {
      const e = anchorOf(o);
      if (!e || !exitedInPeriod(e)) continue;
      const cur = best.get(o.participantId);
      if (cur === undefined || rank(o.kind) < rank(cur)) best.set(o.participantId, o.kind);
      if (o.kind === 'ausbildung' || (o.kind === 'sv_beschaeftigung' && o.qualified)) success.add(o.participantId);
    }
    expect(best.size).toBeGreaterThan(5);
    expect(asMap(f.outcomes.byKind)).toEqual(countBy([...best.values()], (k) => k));
    expect(f.outcomes.people).toBe(best.size);
    expect(f.participants.exited).toBe(exited.size);
    expect(f.outcomes.success.count).toBe(success.size);
    expect(f.outcomes.success.rate).toBeCloseTo(success.size / exited.size, 10);
    expect(f.outcomes.success.definition).toBe('Erfolg = Berufsausbildung + Sozialversicherungspflichtige Beschäftigung (qualifikationsadäquat)');
  });

  it('sums AGH hours and compensation per commune, rounding per placement and month', () => {
    const inRange = s.hours.filter((h) => h.workDate >= from && h.workDate <= to);
    for (const c of s.communes) {
      const pls = s.placements.filter((p) => p.communeId === c.id);
      let hours = 0;
      let cents = 0;
      for (const p of pls) {
        const byMonth = countBy([], () => '');
        for (const h of inRange.filter((x) => x.placementId === p.id)) byMonth[h.workDate.slice(0, 7)] = (byMonth[h.workDate.slice(0, 7)] ?? 0) + h.hoursX100;
        for (const v of Object.values(byMonth)) {
          hours += v;
          cents += Math.floor((v * p.rateCents + 50) / 100);
        }
      }
      const row = f.communes.find((x) => x.communeId === c.id)!;
      expect(row.hoursX100).toBe(hours);
      expect(row.compensationCents).toBe(cents);
      const filled = pls.filter((p) => p.status !== 'wartend' && p.startDate <= to && ((p.endDate === null && p.status === 'aktiv') || (p.endDate !== null && p.endDate > to)));
      expect(row.filled).toBe(filled.length);
    }
    expect(f.agh.hoursX100).toBe(inRange.reduce((sum, h) => sum + h.hoursX100, 0));
    expect(f.communeMonths.reduce((sum, m) => sum + m.compensationCents, 0)).toBe(f.agh.compensationCents);
    expect(f.agh.slots).toBe(6);
  });

  it('sums hours and compensation of a period that cuts months (from the hour entries, not the month sums)', async () => {
    const cutFrom = '2026-02-10';
    const cutTo = '2026-11-20';
    const g = await computeFigures(app.ctx.reader, { programId: s.programId, from: cutFrom, to: cutTo });
    const inRange = s.hours.filter((h) => h.workDate >= cutFrom && h.workDate <= cutTo);
    let total = 0;
    for (const c of s.communes) {
      let hours = 0;
      let cents = 0;
      for (const p of s.placements.filter((x) => x.communeId === c.id)) {
        const byMonth: Record<string, number> = {};
        for (const h of inRange.filter((x) => x.placementId === p.id)) byMonth[h.workDate.slice(0, 7)] = (byMonth[h.workDate.slice(0, 7)] ?? 0) + h.hoursX100;
        for (const v of Object.values(byMonth)) {
          hours += v;
          cents += Math.floor((v * p.rateCents + 50) / 100);
        }
      }
      total += hours;
      const row = g.communes.find((x) => x.communeId === c.id);
      expect({ commune: c.name, hours: row?.hoursX100 ?? 0, cents: row?.compensationCents ?? 0 }).toEqual({ commune: c.name, hours, cents });
    }
    // the cut months really hold hours outside the period, so the test tells the two sources apart
    expect(s.hours.some((h) => h.workDate.slice(0, 7) === '2026-02' && h.workDate < cutFrom)).toBe(true);
    expect(g.agh.hoursX100).toBe(total);
    expect(g.trend.map((t) => t.month)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('counts started and exited enrollments per month', () => {
    const started = countBy(s.enrollments.filter((e) => inPeriod(e) && e.startDate! >= from), (e) => e.startDate!.slice(0, 7));
    const exited = countBy(
      s.enrollments.filter((e) => inPeriod(e) && (e.status === 'abgeschlossen' || e.status === 'abgebrochen') && e.endDate !== null && e.endDate <= to),
      (e) => e.endDate!.slice(0, 7),
    );
    expect(Object.fromEntries(f.trend.filter((t) => t.started > 0).map((t) => [t.month, t.started]))).toEqual(started);
    expect(Object.fromEntries(f.trend.filter((t) => t.exited > 0).map((t) => [t.month, t.exited]))).toEqual(exited);
  });

  it('counts people, not enrollments, whether everyone has one enrollment of the period or someone has two', async () => {
    // a small program with hand-made data: first one enrollment each (the fast path), then a second one for C
    const db = app.ctx.db;
    const prog = (await db.insertInto('programs').values({ name: 'Zählprobe', start_date: '2026-01-01', hourly_rate_cents: 0, eligibility_rule: '{"op":"and","items":[]}' })
      .returning('id').executeTakeFirstOrThrow()).id;
    const [a, b, c] = s.people.slice(0, 3).map((p) => p.id) as [number, number, number];
    const enrol = (participant_id: number, status: 'aktiv' | 'abgeschlossen' | 'abgebrochen', start_date: string, end_date: string | null) =>
      db.insertInto('enrollments').values({ participant_id, program_id: prog, status, start_date, end_date, eligible: 1 }).execute();
    await enrol(a, 'aktiv', '2026-02-01', null);
    await enrol(b, 'abgeschlossen', '2026-01-10', '2026-05-01');
    await enrol(c, 'abgebrochen', '2026-03-01', '2026-04-01');
    await db.insertInto('outcomes').values({ participant_id: b, program_id: prog, kind: 'ausbildung', date: '2026-06-01' }).execute();
    await db.insertInto('outcomes').values({ participant_id: a, program_id: prog, kind: 'ausbildung', date: '2026-06-01' }).execute();
    await takeEntrySnapshots(db);
    await anchorAll(db);
    const q = { programId: prog, from, to };
    const one = await computeFigures(app.ctx.reader, q);
    expect(one.participants).toEqual({ enrolled: 3, total: 3, entered: 3, active: 1, completed: 1, dropped: 1, exited: 2, overrides: 0 });
    // A has a success outcome but has not exited, so only B counts
    expect(one.outcomes.success.count).toBe(1);
    expect(one.byGender.reduce((sum, r) => sum + r.count, 0)).toBe(3);
    expect(Object.fromEntries(one.trend.filter((t) => t.started > 0).map((t) => [t.month, t.started]))).toEqual({ '2026-01': 1, '2026-02': 1, '2026-03': 1 });
    expect(Object.fromEntries(one.trend.filter((t) => t.exited > 0).map((t) => [t.month, t.exited]))).toEqual({ '2026-04': 1, '2026-05': 1 });

    await enrol(c, 'aktiv', '2026-06-01', null);
    await takeEntrySnapshots(db);
    const two = await computeFigures(app.ctx.reader, q);
    // C is active again and still dropped out earlier: one person, counted once in each state
    expect(two.participants).toEqual({ enrolled: 3, total: 3, entered: 3, active: 2, completed: 1, dropped: 1, exited: 2, overrides: 0 });
    expect(two.byGender.reduce((sum, r) => sum + r.count, 0)).toBe(3);
    expect(two.trend.find((t) => t.month === '2026-06')?.started).toBe(1);
    for (const state of ['enrolled', 'entered', 'active', 'completed', 'dropped', 'exited', 'overrides'] as const) {
      expect((await drilldown(app.ctx.reader, { ...q, figure: state })).count).toBe(two.participants[state]);
    }
    expect((await drilldown(app.ctx.reader, { ...q, figure: 'outcomePeople' })).count).toBe(1);
  });

  it('the fast pass (one enrollment per person) and the per-person pass count the same', async () => {
    // a program holding, for each person with exactly one enrollment of the period, a copy of it (snapshot included)
    const db = app.ctx.db;
    const single = (await db.insertInto('programs').values({ name: 'Einzeln', start_date: '2025-01-01', hourly_rate_cents: 0, eligibility_rule: '{"op":"and","items":[]}' })
      .returning('id').executeTakeFirstOrThrow()).id;
    const ones = s.enrollments.filter((e) => inPeriod(e) && s.enrollments.filter((x) => x.participantId === e.participantId && inPeriod(x)).length === 1);
    for (const e of ones) {
      const row = await db.selectFrom('enrollments').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
      const { id: _id, created_at: _c, updated_at: _u, ...copy } = row;
      await db.insertInto('enrollments').values({ ...copy, program_id: single }).execute();
    }
    const q = { programId: single, from, to };
    const fast = await peopleFiguresBy(app.ctx.reader, q, 'fast');
    const exact = await peopleFiguresBy(app.ctx.reader, q, 'exact');
    expect(fast.states).toEqual(exact.states);
    const sorted = (m: Map<string, Array<{ key: string; count: number }>>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, [...v].filter((r) => r.count > 0).sort((a, b) => a.key.localeCompare(b.key))]));
    expect(sorted(fast.breakdowns)).toEqual(sorted(exact.breakdowns));
    expect(fast.states.enrolled).toBe(ones.length);
    expect(fast.states.exited).toBeGreaterThan(0);
    expect(fast.breakdowns.get('ageGroup')!.filter((r) => r.count > 0).length).toBeGreaterThanOrEqual(3);
    // and the figures take the fast pass here: the same numbers as the per-person one
    expect((await computeFigures(app.ctx.reader, q)).participants.total).toBe(ones.length);
  });

  it('is reproducible: the same data and period give the same figures', async () => {
    expect(await computeFigures(app.ctx.reader, { programId: s.programId, from, to })).toEqual(f);
  });

  it('the drill-down lists agree with every figure', async () => {
    const q = (figure: DrilldownQuery['figure'], key?: string) => drilldown(app.ctx.reader, { programId: s.programId, from, to, figure, key });
    const check = async (figure: DrilldownQuery['figure'], key: string | undefined, expected: number) => {
      const res = await q(figure, key);
      expect({ figure, key, count: res.count, rows: res.rows.length }).toEqual({ figure, key, count: expected, rows: expected });
    };
    for (const state of ['enrolled', 'entered', 'active', 'completed', 'dropped', 'exited', 'overrides'] as const) await check(state, undefined, f.participants[state]);
    expect(f.participants.overrides).toBeGreaterThan(0);
    for (const r of f.byGender) await check('gender', r.key, r.count);
    for (const r of f.byResidenceGroup) await check('residenceGroup', r.key, r.count);
    for (const r of f.byResidenceStatus) await check('residenceStatus', r.key, r.count);
    for (const r of f.byGermanLevel) await check('germanLevel', r.key, r.count);
    await check('aghPeople', undefined, f.agh.people);
    await check('outcomeRecords', undefined, f.outcomes.records);
    await check('companies', undefined, f.network.companies);
    await check('partners', undefined, f.network.partners);
    await check('employersSupported', undefined, f.network.employersSupported);
    await check('visitors', undefined, f.visitors.people);
    for (const r of f.byAgeGroup) await check('ageGroup', r.key, r.count);
    for (const r of f.byCommune) await check('commune', r.key, r.count);
    for (const r of f.byNationality) await check('nationality', r.key, r.count);
    for (const r of f.outcomes.byKind) await check('outcomes', r.key, r.count);
    await check('outcomes', undefined, f.outcomes.people);
    await check('outcomePeople', undefined, f.outcomes.success.count);
    for (const c of f.communes.filter((x) => x.communeId !== null)) {
      await check('placements', String(c.communeId), c.placements);
      await check('filled', String(c.communeId), c.filled);
    }
    for (const a of f.activities) await check('activity', a.kind, a.attendances);
    for (const fair of f.fairs) {
      await check('fairRegistered', String(fair.fairId), fair.registered);
      await check('fairPresent', String(fair.fairId), fair.present);
      await check('fairContacts', String(fair.fairId), fair.contacts);
      await check('fairPresentParticipants', String(fair.fairId), fair.presentParticipants);
      await check('fairPresentVisitors', String(fair.fairId), fair.presentVisitors);
    }
    // the lists are pseudonymous: initials only
    const list = await q('enrolled');
    expect(list.rows.every((r) => /^[A-ZÄÖÜ–]{1,2}$/.test(r.initials))).toBe(true);
  });

  it('the drill-down lists name each person and say what made them count (date and detail)', async () => {
    const q = (figure: DrilldownQuery['figure'], key?: string) => drilldown(app.ctx.reader, { programId: s.programId, from, to, figure, key });
    const byId = new Map(s.people.map((p) => [p.id, p]));
    const mine = (id: number, pred: (e: Seeded['enrollments'][number]) => boolean) => s.enrollments.filter((e) => e.participantId === id && inPeriod(e) && pred(e));
    const enrolled = await q('enrolled');
    expect(enrolled.rows.length).toBeGreaterThan(20);
    for (const r of enrolled.rows) {
      const p = byId.get(r.participantId!)!;
      expect(r.name).toBe(`${p.lastName}, ${p.firstName}`);
      const own = mine(p.id, () => true);
      expect(r.date).toBe(own.map((e) => e.startDate!).sort()[0]);
      expect(own.map((e) => e.status)).toContain(r.detail);
    }
    const exitedState = (e: Seeded['enrollments'][number]) => (e.status === 'abgeschlossen' || e.status === 'abgebrochen') && e.endDate! <= to;
    const exited = await q('exited');
    expect(exited.rows.length).toBeGreaterThan(5);
    for (const r of exited.rows) {
      const own = mine(r.participantId!, exitedState);
      expect(r.date).toBe(own.map((e) => e.endDate!).sort().at(-1));
      expect(['abgeschlossen', 'abgebrochen']).toContain(r.detail);
    }
    for (const e of (await q('entered')).rows) expect(e.date! >= from).toBe(true);
    for (const r of (await q('overrides')).rows) expect(r.detail).toBe('Einzelfallentscheidung');
    for (const kind of f.outcomes.byKind.filter((k) => k.count > 0)) {
      const list = await q('outcomes', kind.key);
      expect(list.rows.every((r) => r.detail === kind.key && r.date !== null && r.date <= to)).toBe(true);
    }
    const all = await q('outcomes');
    expect(all.rows.every((r) => r.detail !== null && r.date !== null)).toBe(true);
    for (const r of (await q('aghPeople')).rows) expect(r.date).not.toBeNull();
    for (const r of (await q('visitors')).rows) expect([r.date !== null, r.detail !== null]).toEqual([true, true]);
    const companies = await q('companies');
    expect(companies.rows.every((r) => r.name !== null && r.detail === 'company')).toBe(true);
  });

  it('the refresh cache answers unchanged data from memory and sees a write at once', async () => {
    const q = { programId: s.programId, from, to };
    const first = await readerFigures(app.ctx.reader, q);
    // the same figures as the report, except people reached per kind, which the dashboard does not compute
    expect({ ...first, activities: first.activities.map((a) => ({ ...a, people: 0 })) }).toEqual({
      ...f,
      activities: f.activities.map((a) => ({ ...a, people: 0 })),
    });
    expect(first.activities.every((a) => a.people === null)).toBe(true);
    // SQLite answers from memory (the same object); PostgreSQL has no cheap change counter and computes again
    const again = await readerFigures(app.ctx.reader, q);
    if (testEngine === 'sqlite') expect(again).toBe(first);
    else expect(again).toEqual(first);
    const person = s.people.find((p) => !people(() => true).has(p.id))!;
    await app.ctx.db.insertInto('enrollments').values({ participant_id: person.id, program_id: s.programId, status: 'aktiv', start_date: '2026-06-01', eligible: 1 }).execute();
    const after = await readerFigures(app.ctx.reader, q);
    expect(after.participants.enrolled).toBe(f.participants.enrolled + 1);
    await app.ctx.db.deleteFrom('enrollments').where('participant_id', '=', person.id).where('start_date', '=', '2026-06-01').execute();
    expect((await readerFigures(app.ctx.reader, q)).participants.enrolled).toBe(f.participants.enrolled);
  });

  it('answers through the router with validated input and output', async () => {
    const res = await app.router.call('dashboard.figures', { programId: s.programId, from, to });
    expect(res.ok).toBe(true);
    const bad = await app.router.call('dashboard.figures', { programId: s.programId, from: to, to: from });
    expect(bad.ok).toBe(false);
  });
});
