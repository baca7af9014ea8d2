import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { createActivity, saveAttendance } from '../activities/activities.service.js';
import { createOrganisation } from '../organisations/organisations.service.js';
import { checkIn, createFair, getFair, recordContact, registerForFair, setFairCompany, updateFair } from '../fairs/fairs.service.js';
import { createOutcome, listOutcomes } from '../outcomes/outcomes.service.js';
import { insertPeople } from '../participants/insert-people.js';
import { createProgram, updateProgram } from '../programs/programs.service.js';
import { createEnrollment, updateEnrollment } from './enrollments.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
let programId: number;
let person: number;
let enrollmentId: number;

/** One program (6 follow-up months) and a person who took part from 2020-03-01 to 2020-06-30. */
beforeEach(async () => {
  app = await tempApp();
  programId = (await createProgram(app.ctx.db, { name: 'Mentoren', startDate: '2020-01-01', hourlyRateCents: 0 })).id;
  [person] = (await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }])) as [number];
  enrollmentId = (await createEnrollment(app.ctx.db, { participantId: person, programId, status: 'abgeschlossen', startDate: '2020-03-01', endDate: '2020-06-30' })).id;
});
afterEach(async () => app.dispose());

const session = (date: string) => createActivity(app.ctx.db, { programId, kind: 'seminar', title: `Seminar ${date}`, date, durationMinutes: 90 });
const attend = async (date: string) => saveAttendance(app.ctx.db, (await session(date)).id, [{ participantId: person, status: 'anwesend' }]);
const outcome = (date: string) => createOutcome(app.ctx.db, { participantId: person, programId, kind: 'ausbildung', date });
const attendanceLinks = async () =>
  (await app.ctx.db.selectFrom('attendance').select('enrollment_id').orderBy('id').execute()).map((r) => r.enrollment_id);

describe('anchor rule in the services', () => {
  it('takes attendance from the entry day to the exit day, and refuses it outside with a German field error', async () => {
    const before = await attend('2020-02-29').catch((e: unknown) => e);
    expect(before).toMatchObject({
      code: 'validation',
      message: 'Nicht im Programm eingeschrieben am 29.02.2020 – bitte zuerst die Teilnahme (Beginn) erfassen',
      details: { fields: [{ path: 'entries.0.participantId' }] },
    });
    expect((await attend('2020-03-01')).counts.anwesend).toBe(1);
    expect((await attend('2020-06-30')).counts.anwesend).toBe(1);
    expect(await attend('2020-07-01').catch((e: unknown) => e)).toMatchObject({ code: 'validation', message: /01\.07\.2020/ });
    // only the two inside were saved, each linked to the enrollment
    expect(await attendanceLinks()).toEqual([enrollmentId, enrollmentId]);
  });

  it('takes outcomes up to exit + the follow-up months, refuses them before entry and after that', async () => {
    expect(await outcome('2020-02-29').catch((e: unknown) => e)).toMatchObject({ code: 'validation', details: { fields: [{ path: 'date' }] } });
    expect(await outcome('2020-12-30')).toMatchObject({ enrollmentId: enrollmentId, programId });
    expect(await outcome('2020-12-31').catch((e: unknown) => e)).toMatchObject({ code: 'validation', message: /31\.12\.2020/ });
    // a shorter follow-up period closes the window earlier, and the recorded outcome drops out of its enrollment
    const p = await updateProgram(app.ctx.db, programId, { name: 'Mentoren', startDate: '2020-01-01', hourlyRateCents: 0, followUpMonths: 3 });
    expect(p.followUpMonths).toBe(3);
    expect((await listOutcomes(app.ctx.db, person)).map((o) => o.enrollmentId)).toEqual([null]);
    expect(await outcome('2020-09-30')).toMatchObject({ enrollmentId: enrollmentId });
    expect(await outcome('2020-10-01').catch((e: unknown) => e)).toMatchObject({ code: 'validation' });
  });

  it('keeps attendance already on the list when its status changes, but refuses newcomers without an enrollment', async () => {
    const [other] = (await insertPeople(app.ctx.db, [{ lastName: 'Osman', firstName: 'Yonas' }])) as [number];
    const s = await session('2020-04-01');
    await saveAttendance(app.ctx.db, s.id, [{ participantId: person, status: 'angemeldet' }]);
    const err = await saveAttendance(app.ctx.db, s.id, [
      { participantId: person, status: 'anwesend' },
      { participantId: other, status: 'anwesend' },
    ]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation', details: { fields: [{ path: 'entries.1.participantId' }], participantIds: [other] } });
    // the whole call is refused: the first person's status did not change either
    const rows = await app.ctx.db.selectFrom('attendance').select(['participant_id', 'status']).execute();
    expect(rows).toEqual([{ participant_id: person, status: 'angemeldet' }]);
  });

  it('registers people without an enrollment at a fair as visitors, with their contacts', async () => {
    const [visitor] = (await insertPeople(app.ctx.db, [{ lastName: 'Osman', firstName: 'Yonas' }])) as [number];
    const fair = await createFair(app.ctx.db, { programId, title: 'Börse', date: '2020-05-13' });
    const firm = await createOrganisation(app.ctx.db, { kind: 'company', name: 'Elbtal Bau GmbH' });
    await setFairCompany(app.ctx.db, fair.id, firm.id, ['ausbildung']);
    await registerForFair(app.ctx.db, fair.id, [person]);
    expect(await checkIn(app.ctx.db, { fairId: fair.id, participantId: visitor, register: true })).toMatchObject({ visitor: true });
    expect(await recordContact(app.ctx.db, { fairId: fair.id, participantId: visitor, organisationId: firm.id })).toMatchObject({ visitor: true });
    expect(await recordContact(app.ctx.db, { fairId: fair.id, participantId: person, organisationId: firm.id })).toMatchObject({ visitor: false });
    const detail = await getFair(app.ctx.db, fair.id);
    expect(detail.registrations.map((r) => [r.name, r.visitor])).toEqual([['Haddad, Samir', false], ['Osman, Yonas', true]]);
    // moved to a day after the exit, the participant's visit is a visitor's too
    await updateFair(app.ctx.db, fair.id, { programId, title: 'Börse', date: '2020-07-01' });
    expect((await getFair(app.ctx.db, fair.id)).registrations.map((r) => r.visitor)).toEqual([true, true]);
  });

  it("re-anchors the person's records when the enrollment's dates change, in both directions", async () => {
    await attend('2020-03-10');
    const fair = await createFair(app.ctx.db, { programId, title: 'Börse', date: '2020-03-11' });
    await registerForFair(app.ctx.db, fair.id, [person]);
    await outcome('2020-03-12');
    const links = async () => [
      ...(await attendanceLinks()),
      (await app.ctx.db.selectFrom('fair_registrations').select('enrollment_id').executeTakeFirstOrThrow()).enrollment_id,
      (await app.ctx.db.selectFrom('outcomes').select('enrollment_id').executeTakeFirstOrThrow()).enrollment_id,
    ];
    expect(await links()).toEqual([enrollmentId, enrollmentId, enrollmentId]);
    const moved = { id: enrollmentId, status: 'abgeschlossen' as const, startDate: '2020-04-01', endDate: '2020-06-30' };
    await updateEnrollment(app.ctx.db, moved);
    expect(await links()).toEqual([null, null, null]);
    await updateEnrollment(app.ctx.db, { ...moved, startDate: '2020-03-10' });
    expect(await links()).toEqual([enrollmentId, enrollmentId, enrollmentId]);
  });

  it('links a record to the latest of two enrollments that cover its day', async () => {
    const second = await createEnrollment(app.ctx.db, { participantId: person, programId, status: 'aktiv', startDate: '2020-06-01' });
    await attend('2020-06-15');
    await attend('2020-05-15');
    expect(await attendanceLinks()).toEqual([second.id, enrollmentId]);
  });
});
