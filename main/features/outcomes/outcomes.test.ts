import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { createActivity } from '../activities/activities.service.js';
import { createEnrollment } from '../enrollments/enrollments.service.js';
import { createFair } from '../fairs/fairs.service.js';
import { insertPeople } from '../participants/insert-people.js';
import { createOrganisation } from '../organisations/organisations.service.js';
import { createProgram } from '../programs/programs.service.js';
import { createApplication, createOutcome, deleteOutcome, listApplications, listOutcomes, updateApplication } from './outcomes.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

describe('applications and outcomes', () => {
  it("lists a participant's applications and outcomes with their sources, newest first", async () => {
    const db = app.ctx.db;
    const program = await createProgram(db, { name: 'Mentoren', startDate: '2016-01-01', hourlyRateCents: 0 });
    const [p, other] = await insertPeople(db, [{ lastName: 'Haddad', firstName: 'Samir' }, { lastName: 'Osman', firstName: 'Yonas' }]);
    await createEnrollment(db, { participantId: p!, programId: program.id, status: 'aktiv', startDate: '2019-01-15' });
    const org = await createOrganisation(db, { kind: 'company', name: 'Hotel Elbblick', city: 'Dresden' });
    const fair = await createFair(db, { programId: program.id, title: 'Börse', date: '2019-03-13' });
    const seminar = await createActivity(db, { programId: program.id, kind: 'seminar', title: 'Bewerbungstraining', date: '2019-02-01', durationMinutes: 90 });

    const app1 = await createApplication(db, { participantId: p!, organisationId: org.id, position: 'Koch', appliedOn: '2019-03-20', fairId: fair.id });
    await createApplication(db, { participantId: p!, appliedOn: '2019-04-02', status: 'in_arbeit' });
    await createApplication(db, { participantId: other!, appliedOn: '2019-04-02' });
    const updated = await updateApplication(db, app1.id, { participantId: p!, organisationId: org.id, position: 'Koch', appliedOn: '2019-03-20', status: 'zusage', fairId: fair.id });
    expect(updated).toMatchObject({ status: 'zusage', organisationName: 'Hotel Elbblick', fairTitle: 'Börse' });
    expect((await listApplications(db, p!)).map((a) => a.appliedOn)).toEqual(['2019-04-02', '2019-03-20']);

    await createOutcome(db, { participantId: p!, kind: 'ausbildung', date: '2019-08-01', organisationId: org.id, sourceFairId: fair.id });
    const viaSeminar = await createOutcome(db, { participantId: p!, kind: 'sprachkurs', date: '2019-05-01', sourceActivityId: seminar.id });
    expect(viaSeminar.programId).toBe(program.id);
    const list = await listOutcomes(db, p!);
    expect(list.map((o) => [o.kind, o.sourceFairTitle, o.sourceActivityTitle])).toEqual([
      ['ausbildung', 'Börse', null],
      ['sprachkurs', null, 'Bewerbungstraining'],
    ]);
    await deleteOutcome(db, viaSeminar.id);
    expect(await listOutcomes(db, p!)).toHaveLength(1);
  });

  it('refuses an outcome pointing at a fair that does not exist, naming the field', async () => {
    const db = app.ctx.db;
    const [p] = await insertPeople(db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    const err = await createOutcome(db, { participantId: p!, kind: 'minijob', date: '2019-08-01', sourceFairId: 4711 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation', details: { fields: [{ path: 'sourceFairId' }] } });
    expect(await listOutcomes(db, p!)).toHaveLength(0);
  });
});
