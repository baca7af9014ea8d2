import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { insertPeople } from '../participants/insert-people.js';
import { createOrganisation } from '../organisations/organisations.service.js';
import { createEnrollment } from '../enrollments/enrollments.service.js';
import { createProgram } from '../programs/programs.service.js';
import { activitiesForParticipant, createActivity, getActivity, listActivities, saveAttendance } from './activities.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
let programId: number;

beforeEach(async () => {
  app = await tempApp();
  programId = (await createProgram(app.ctx.db, { name: 'Arbeitsmarktmentoren Test', startDate: '2016-01-01', hourlyRateCents: 0 })).id;
});
afterEach(async () => app.dispose());

/** Attendance needs an enrollment covering the session's day. */
async function enrol(people: number[], startDate = '2018-01-01') {
  for (const participantId of people) {
    await createEnrollment(app.ctx.db, { participantId, programId, status: 'aktiv', startDate });
  }
}

describe('activities', () => {
  it('saves bulk attendance in one call and counts by status', async () => {
    const db = app.ctx.db;
    const people = await insertPeople(
      db,
      Array.from({ length: 30 }, (_, i) => ({ lastName: `Person${String(i).padStart(2, '0')}`, firstName: 'Test', birthDate: '1990-01-01' })),
    );
    await enrol(people);
    const a = await createActivity(db, { programId, kind: 'seminar', title: 'Bewerbungstraining', date: '2018-03-01', durationMinutes: 90 });
    await saveAttendance(db, a.id, people.map((participantId) => ({ participantId, status: 'angemeldet' as const })));
    const detail = await saveAttendance(
      db,
      a.id,
      people.map((participantId, i) => ({ participantId, status: i < 24 ? ('anwesend' as const) : i < 27 ? ('entschuldigt' as const) : ('unentschuldigt' as const) })),
      [],
    );
    expect(detail.counts).toEqual({ total: 30, angemeldet: 0, anwesend: 24, entschuldigt: 3, unentschuldigt: 3 });
    expect(detail.attendance[0]).toMatchObject({ name: 'Person00, Test', status: 'anwesend' });
    const removed = await saveAttendance(db, a.id, [], [people[29]!]);
    expect(removed.counts.total).toBe(29);
    const [listed] = await listActivities(db, { programId });
    expect(listed!.counts.anwesend).toBe(24);
  });

  it("sums a participant's hours over sessions attended only", async () => {
    const db = app.ctx.db;
    const [p] = await insertPeople(db, [{ lastName: 'Haddad', firstName: 'Samir', birthDate: '1995-03-02' }]);
    await enrol([p!]);
    const messe = await createOrganisation(db, { kind: 'company', name: 'Ausbildungsmesse Dresden', city: 'Dresden' });
    const s1 = await createActivity(db, { programId, kind: 'seminar', title: 'Arbeitsrecht', date: '2018-03-01', durationMinutes: 90 });
    const s2 = await createActivity(db, { programId, kind: 'coaching', title: 'Einzelcoaching', date: '2018-03-08', durationMinutes: 45 });
    const s3 = await createActivity(db, { programId, kind: 'exkursion', title: 'Messebesuch', date: '2018-03-15', durationMinutes: 240, organisationId: messe.id });
    await saveAttendance(db, s1.id, [{ participantId: p!, status: 'anwesend' }]);
    await saveAttendance(db, s2.id, [{ participantId: p!, status: 'anwesend' }]);
    await saveAttendance(db, s3.id, [{ participantId: p!, status: 'entschuldigt' }]);
    const mine = await activitiesForParticipant(db, p!);
    expect(mine.sessions).toHaveLength(3);
    expect(mine.sessionsPresent).toBe(2);
    expect(mine.hoursPresentX100).toBe(225);
    expect((await getActivity(db, s3.id)).organisationName).toBe('Ausbildungsmesse Dresden');
  });

  it('refuses attendance for unknown people without saving anything', async () => {
    const db = app.ctx.db;
    const [p] = await insertPeople(db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    await enrol([p!]);
    const a = await createActivity(db, { programId, kind: 'seminar', title: 'X', date: '2018-03-01', durationMinutes: 60 });
    const err = await saveAttendance(db, a.id, [
      { participantId: p!, status: 'anwesend' },
      { participantId: 9999, status: 'anwesend' },
    ]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not_found' });
    expect((await getActivity(db, a.id)).counts.total).toBe(0);
  });
});
