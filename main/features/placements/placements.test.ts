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

  it('warns when the participant is not eligible; candidates list interested and active enrollments', async () => {
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
    expect(ok).toEqual({ saved: 3, deleted: 0, warnings: [] });
    // upsert and delete
    const again = await call('placements.saveHours', {
      entries: [
        { placementId: b.id, workDate: '2026-11-02', hoursX100: 400 },
        { placementId: b.id, workDate: '2026-11-03', hoursX100: 0 },
      ],
    });
    expect(again).toEqual({ saved: 1, deleted: 1, warnings: [] });
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

  it('update: corrects fields, recomputes warnings, writes an audit entry with before and after', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 3 });
    const person = await addPerson(db, { lastName: 'Öztürk', firstName: 'Emre' });
    const placed = await call('placements.create', {
      ...base,
      enrollmentId: await enrol(db, person, programId, { appliedOn: '2026-10-01' }),
      communeId: communeIds['Döbeln']!,
      startDate: '2026-11-02',
      plannedEndDate: '2027-03-31',
    });
    expect(placed.warnings).toEqual([]);

    const updated = await call('placements.update', {
      id: placed.id,
      site: 'Grünflächenamt Döbeln',
      activity: 'Grünpflege',
      startDate: '2026-11-09',
      plannedEndDate: '2027-04-30',
      hoursPerWeek: 27.5,
      agreementSignedOn: null,
    });
    expect(updated).toMatchObject({ site: 'Grünflächenamt Döbeln', activity: 'Grünpflege', startDate: '2026-11-09', hoursPerWeek: 27.5, status: 'aktiv' });
    // the enrollment's application date still applies, so no short-notice warning
    expect(updated.applicationDate).toBe('2026-10-01');
    expect(updated.warnings.map((w) => w.code).sort()).toEqual(['hours_high', 'no_agreement']);
    const stored = await db.selectFrom('placements').selectAll().where('id', '=', placed.id).executeTakeFirstOrThrow();
    expect(stored.hours_per_week).toBe(27.5);
    expect(JSON.parse(stored.warnings)).toHaveLength(2);

    const entry = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'placement').where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(placed.id);
    expect(entry.participant_id).toBe(person);
    expect(JSON.parse(entry.before!)).toMatchObject({ site: 'Bauhof Döbeln', hoursPerWeek: 22, startDate: '2026-11-02', warnings: [] });
    expect(JSON.parse(entry.after!)).toMatchObject({ site: 'Grünflächenamt Döbeln', hoursPerWeek: 27.5, warnings: ['hours_high', 'no_agreement'] });
    // the person's Verlauf lists the change field by field
    const history = await call('participants.history', { id: person, limit: 50 });
    const change = history.find((h) => h.entity === 'placement' && h.action === 'update')!;
    expect(change.changes.find((c) => c.field === 'hoursPerWeek')).toMatchObject({ before: 22, after: 27.5 });
  });

  it('update: refuses invalid input and periods that would strand recorded hours, saving nothing', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 3 });
    const placed = await call('placements.create', {
      ...base,
      enrollmentId: await enrol(db, await addPerson(db, { lastName: 'Nowak', firstName: 'Piotr' }), programId, { appliedOn: '2026-10-01' }),
      communeId: communeIds['Döbeln']!,
      startDate: '2026-11-02',
    });
    await call('placements.saveHours', { entries: [{ placementId: placed.id, workDate: '2026-11-10', hoursX100: 400 }] });
    const edit = { id: placed.id, site: 'Bauhof Döbeln', activity: 'Stadtverschönerung', startDate: '2026-11-02', hoursPerWeek: 22 };

    const empty = await fails('placements.update', { ...edit, site: '  ' });
    expect(empty.code).toBe('validation');
    expect(empty.details?.fields?.map((f) => f.path)).toContain('site');
    const negative = await fails('placements.update', { ...edit, hoursPerWeek: -1 });
    expect(negative.details?.fields?.[0]).toMatchObject({ path: 'hoursPerWeek', message: 'Nicht negativ' });
    const reversed = await fails('placements.update', { ...edit, plannedEndDate: '2026-11-01' });
    expect(reversed.details?.fields?.[0]?.path).toBe('plannedEndDate');
    const badDate = await fails('placements.update', { ...edit, startDate: '2026-02-30' });
    expect(badDate.code).toBe('validation');

    const lateStart = await fails('placements.update', { ...edit, startDate: '2026-11-16' });
    expect(lateStart.code).toBe('conflict');
    expect(lateStart.message).toContain('10.11.2026');
    const earlyEnd = await fails('placements.update', { ...edit, plannedEndDate: '2026-11-06' });
    expect(earlyEnd.message).toContain('10.11.2026');
    expect(earlyEnd.details?.fields?.[0]?.path).toBe('plannedEndDate');
    const missing = await fails('placements.update', { ...edit, id: 999999 });
    expect(missing.code).toBe('not_found');

    const row = await db.selectFrom('placements').select(['start_date', 'planned_end_date', 'site']).where('id', '=', placed.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ start_date: '2026-11-02', planned_end_date: null, site: 'Bauhof Döbeln' });
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'update').where('entity', '=', 'placement').execute()).toHaveLength(0);
  });

  it('activate: a waiting placement takes a free slot; a full commune refuses unless a reason is given', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 1 });
    const doebeln = communeIds['Döbeln']!;
    const first = await call('placements.create', {
      ...base,
      enrollmentId: await enrol(db, await addPerson(db, { lastName: 'Müller', firstName: 'Anna' }), programId),
      communeId: doebeln,
      startDate: '2026-11-02',
    });
    const waitingPerson = await addPerson(db, { lastName: 'Haddad', firstName: 'Lina' });
    const waitingEnrollment = await enrol(db, waitingPerson, programId, { status: 'interessiert' });
    const waiting = await call('placements.create', { ...base, enrollmentId: waitingEnrollment, communeId: doebeln, startDate: '2026-12-01', status: 'wartend' });
    const third = await call('placements.create', {
      ...base,
      enrollmentId: await enrol(db, await addPerson(db, { lastName: 'Nowak', firstName: 'Piotr' }), programId),
      communeId: doebeln,
      startDate: '2026-12-01',
      status: 'wartend',
    });

    // the only slot is taken
    const full = await fails('placements.activate', { id: waiting.id });
    expect(full.code).toBe('quota_exceeded');
    expect(full.message).toContain('Döbeln: alle 1 AGH-Plätze sind belegt');
    expect(full.details?.fields?.[0]?.path).toBe('quotaOverrideReason');
    expect((await call('placements.get', { id: waiting.id })).status).toBe('wartend');

    // the slot frees up
    await call('placements.close', { id: first.id, endDate: '2026-11-30', status: 'beendet' });
    const active = await call('placements.activate', { id: waiting.id });
    expect(active.status).toBe('aktiv');
    expect(active.quotaOverrideReason).toBeNull();
    const enrollment = await db.selectFrom('enrollments').select('status').where('id', '=', waitingEnrollment).executeTakeFirstOrThrow();
    expect(enrollment.status).toBe('aktiv');
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'activate').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'placement', entity_id: waiting.id, participant_id: waitingPerson });
    expect(JSON.parse(entry.before!)).toMatchObject({ status: 'wartend' });
    expect(JSON.parse(entry.after!)).toMatchObject({ status: 'aktiv' });

    // full again: the third waits, or goes over the quota with a reason
    expect((await fails('placements.activate', { id: third.id })).code).toBe('quota_exceeded');
    const over = await call('placements.activate', { id: third.id, quotaOverrideReason: 'Kommune stellt einen zweiten Platz' });
    expect(over).toMatchObject({ status: 'aktiv', quotaOverrideReason: 'Kommune stellt einen zweiten Platz' });
    const board = await call('placements.board', { programId });
    expect(board[0]).toMatchObject({ slots: 1, filled: 2, free: 0, waiting: 0 });

    // only a waiting placement can be activated
    const again = await fails('placements.activate', { id: waiting.id });
    expect(again.code).toBe('conflict');
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'activate').execute()).toHaveLength(2);
  });
});
