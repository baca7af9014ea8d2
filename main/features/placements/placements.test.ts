import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf, ProcedureName, InputOf } from '../../../shared/contract/index.js';
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

const base = { site: 'Bauhof Döbeln', activity: 'Stadtverschönerung', hoursPerWeek: 22, agreementSignedOn: '2026-10-20' };

beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  await app.dispose();
});

describe('placements', () => {
  it("lists a person's placements with their hours, and nobody else's", async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 3 });
    const anna = await addPerson(db, { lastName: 'Müller', firstName: 'Anna', birthDate: '1990-05-01' });
    const other = await addPerson(db, { lastName: 'Nowak', firstName: 'Piotr', birthDate: '1988-02-01' });
    const mine = await call('placements.create', { ...base, enrollmentId: await enrol(db, anna, programId, { appliedOn: '2026-10-01' }), communeId: communeIds['Döbeln']!, startDate: '2026-11-02' });
    await call('placements.create', { ...base, enrollmentId: await enrol(db, other, programId, { appliedOn: '2026-10-01' }), communeId: communeIds['Döbeln']!, startDate: '2026-11-02' });
    await call('placements.saveHours', { entries: [{ placementId: mine.id, workDate: '2026-11-03', hoursX100: 350 }] });
    const list = await call('placements.forParticipant', { participantId: anna });
    expect(list.map((p) => p.id)).toEqual([mine.id]);
    expect(list[0]!.totalHoursX100).toBe(350);
  });

  it('copies the program rate, stores warnings and refuses a placement beyond the quota without a reason', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 2, Freiberg: 3 });
    const doebeln = communeIds['Döbeln']!;
    const e: number[] = [];
    for (const [last, first] of [['Müller', 'Anna'], ['Al-Ḥaddād', 'Yūsuf'], ['Öztürk', 'Emre'], ['Nowak', 'Piotr']] as const) {
      e.push(await enrol(db, await addPerson(db, { lastName: last, firstName: first, birthDate: '1990-05-01' }), programId, { appliedOn: '2026-10-01' }));
    }
    const first = await call('placements.create', { ...base, enrollmentId: e[0]!, communeId: doebeln, startDate: '2026-11-02' });
    expect(first.rateCents).toBe(80);
    expect(first.warnings).toEqual([]);
    expect(first.participantName).toBe('Müller, Anna');

    // short notice, too many hours, no agreement: saved, with warnings
    const second = await call('placements.create', {
      enrollmentId: e[1]!,
      communeId: doebeln,
      site: 'Bauhof Döbeln',
      activity: 'Grünpflege',
      applicationDate: '2026-11-01',
      startDate: '2026-11-09',
      hoursPerWeek: 30,
    });
    expect(second.warnings.map((w) => w.code).sort()).toEqual(['hours_high', 'no_agreement', 'short_notice']);
    const stored = await db.selectFrom('placements').select('warnings').where('id', '=', second.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.warnings)).toHaveLength(3);

    // the third in Döbeln (2 slots) is refused ...
    const err = await fails('placements.create', { ...base, enrollmentId: e[2]!, communeId: doebeln, startDate: '2026-11-16' });
    expect(err.code).toBe('quota_exceeded');
    expect(err.message).toContain('Döbeln');
    expect(await db.selectFrom('placements').select('id').execute()).toHaveLength(2);
    // ... may wait without a slot ...
    const waiting = await call('placements.create', { ...base, enrollmentId: e[2]!, communeId: doebeln, startDate: '2026-12-01', status: 'wartend' });
    expect(waiting.status).toBe('wartend');
    // ... and an override with a reason is accepted
    const over = await call('placements.create', {
      ...base,
      hoursPerWeek: 15,
      enrollmentId: e[3]!,
      communeId: doebeln,
      startDate: '2026-11-16',
      quotaOverrideReason: 'Kommune hat zusätzlichen Platz zugesagt',
    });
    expect(over.quotaOverrideReason).toContain('zusätzlichen');
    expect(over.warnings.map((w) => w.code)).toEqual(['hours_low']);

    const board = await call('placements.board', { programId });
    const d = board.find((b) => b.communeName === 'Döbeln')!;
    expect([d.slots, d.filled, d.free, d.waiting]).toEqual([2, 3, 0, 1]);
    expect(board.find((b) => b.communeName === 'Freiberg')).toMatchObject({ slots: 3, filled: 0, free: 3, waiting: 0 });

    // a person cannot hold two open placements in the program
    const twice = await fails('placements.create', { ...base, enrollmentId: e[0]!, communeId: communeIds['Freiberg']!, startDate: '2026-11-02' });
    expect(twice.code).toBe('conflict');
  });

  it('warns when the participant is not eligible; candidates list interested and active enrolments', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Flöha: 3 });
    const p = await addPerson(db, { lastName: 'Haddad', firstName: 'Lina' });
    const en = await enrol(db, p, programId, { status: 'interessiert', eligible: false });
    const candidates = await call('placements.candidates', { programId });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ name: 'Haddad, Lina', eligible: false, hasOpenPlacement: false });
    const placed = await call('placements.create', { ...base, enrollmentId: en, communeId: communeIds['Flöha']!, startDate: '2026-11-02' });
    expect(placed.warnings.map((w) => w.code)).toContain('not_eligible');
    const enrollment = await db.selectFrom('enrollments').select('status').where('id', '=', en).executeTakeFirstOrThrow();
    expect(enrollment.status).toBe('aktiv');
  });

  it('hours: saved in one transaction, 0 deletes, refusals name the person and day, nothing saved on error', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 3 });
    const c = communeIds['Döbeln']!;
    const a = await call('placements.create', {
      ...base,
      enrollmentId: await enrol(db, await addPerson(db, { lastName: 'Müller', firstName: 'Anna' }), programId),
      communeId: c,
      startDate: '2026-11-04',
      plannedEndDate: '2027-04-30',
    });
    const b = await call('placements.create', {
      ...base,
      enrollmentId: await enrol(db, await addPerson(db, { lastName: 'Nowak', firstName: 'Piotr' }), programId),
      communeId: c,
      startDate: '2026-11-02',
    });
    const week = await call('placements.hoursWeek', { programId, communeId: c, weekStart: '2026-11-04' });
    expect(week.weekStart).toBe('2026-11-02');
    expect(week.days).toHaveLength(7);
    expect(week.rows.map((r) => r.participantName)).toEqual(['Müller, Anna', 'Nowak, Piotr']);

    // Monday 2 Nov is before Müller's start on 4 Nov
    const before = await fails('placements.saveHours', {
      entries: [
        { placementId: b.id, workDate: '2026-11-02', hoursX100: 400 },
        { placementId: a.id, workDate: '2026-11-02', hoursX100: 400 },
      ],
    });
    expect(before.code).toBe('validation');
    expect(before.message).toContain('Müller, Anna, 02.11.2026');
    expect(before.message).toContain('außerhalb des Einsatzzeitraums');
    expect(before.details?.fields?.[0]?.path).toBe('entries.1');
    expect(await db.selectFrom('hours').select('id').execute()).toHaveLength(0);

    const tooMuch = await fails('placements.saveHours', { entries: [{ placementId: b.id, workDate: '2026-11-03', hoursX100: 1001 }] });
    expect(tooMuch.message).toContain('höchstens 10 Stunden');
    const negative = await fails('placements.saveHours', { entries: [{ placementId: b.id, workDate: '2026-11-03', hoursX100: -25 }] });
    expect(negative.message).toContain('nicht negativ');

    const ok = await call('placements.saveHours', {
      entries: [
        { placementId: b.id, workDate: '2026-11-02', hoursX100: 350 },
        { placementId: b.id, workDate: '2026-11-03', hoursX100: 1000 },
        { placementId: a.id, workDate: '2026-11-04', hoursX100: 475 },
      ],
    });
    expect(ok).toEqual({ saved: 3, deleted: 0 });
    // upsert and delete
    const again = await call('placements.saveHours', {
      entries: [
        { placementId: b.id, workDate: '2026-11-02', hoursX100: 400 },
        { placementId: b.id, workDate: '2026-11-03', hoursX100: 0 },
      ],
    });
    expect(again).toEqual({ saved: 1, deleted: 1 });
    const grid = await call('placements.hoursWeek', { programId, communeId: c, weekStart: '2026-11-02' });
    expect(grid.rows.find((r) => r.placementId === b.id)!.hoursX100).toEqual([400, 0, 0, 0, 0, 0, 0]);
    expect(grid.rows.find((r) => r.placementId === a.id)!.weekTotalX100).toBe(475);

    // closing: hours after the end date block it; then the outcome is recorded with the placement as source
    await call('placements.saveHours', { entries: [{ placementId: a.id, workDate: '2026-11-20', hoursX100: 300 }] });
    const blocked = await fails('placements.close', { id: a.id, endDate: '2026-11-15', status: 'beendet' });
    expect(blocked.message).toContain('20.11.2026');
    const closed = await call('placements.close', {
      id: a.id,
      endDate: '2026-11-30',
      status: 'beendet',
      outcome: { kind: 'sv_beschaeftigung', date: '2026-12-01', notes: 'Bauhof übernimmt' },
    });
    expect(closed.status).toBe('beendet');
    expect(closed.totalHoursX100).toBe(775);
    const outcome = await db.selectFrom('outcomes').selectAll().executeTakeFirstOrThrow();
    expect(outcome).toMatchObject({ kind: 'sv_beschaeftigung', source_placement_id: a.id, program_id: programId });
    // after the end, a day is outside the period
    const late = await fails('placements.saveHours', { entries: [{ placementId: a.id, workDate: '2026-12-01', hoursX100: 100 }] });
    expect(late.message).toContain('01.12.2026');
    // the closed placement leaves the board's filled count
    const board = await call('placements.board', { programId });
    expect(board[0]).toMatchObject({ filled: 1, free: 2 });
  });
});
