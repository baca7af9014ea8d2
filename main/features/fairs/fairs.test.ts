import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { createProgram } from '../programs/programs.service.js';
import { createOrganisation, organisationHistory } from '../organisations/organisations.service.js';
import { createApplication, createOutcome } from '../outcomes/outcomes.service.js';
import { checkIn, createFair, fairFigures, fairsForParticipant, getFair, recordContact, registerForFair, setFairCompany } from './fairs.service.js';
import { insertPeople } from '../participants/insert-people.js';
import { createEnrollment } from '../enrollments/enrollments.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
let programId: number;

beforeEach(async () => {
  app = await tempApp();
  programId = (await createProgram(app.ctx.db, { name: 'Arbeitsmarktmentoren Test', startDate: '2016-01-01', hourlyRateCents: 0 })).id;
});
afterEach(async () => app.dispose());

async function fairWithCompanies() {
  const db = app.ctx.db;
  const fair = await createFair(db, { programId, title: 'Unternehmen trifft Bewerber/-in', date: '2018-05-16', venue: 'Dresden' });
  const bau = await createOrganisation(db, { kind: 'company', name: 'Baufirma Elbe GmbH', sector: 'Bau', city: 'Dresden' });
  const pflege = await createOrganisation(db, { kind: 'company', name: 'Pflegedienst Sonnenschein', sector: 'Pflege', city: 'Dresden' });
  const absent = await createOrganisation(db, { kind: 'company', name: 'Nicht Dabei AG', city: 'Dresden' });
  await setFairCompany(db, fair.id, bau.id, ['ausbildung', 'fachkraft']);
  await setFairCompany(db, fair.id, pflege.id, ['praktikum']);
  const people = await insertPeople(db, [
    { lastName: 'Haddad', firstName: 'Samir', birthDate: '1995-03-02' },
    { lastName: 'Müller', firstName: 'Amina', birthDate: '1990-07-14' },
    { lastName: 'Tesfaye', firstName: 'Dawit', birthDate: '1999-11-30' },
  ]);
  // the first two take part in the program; the third comes to fairs as a visitor
  for (const participantId of people.slice(0, 2)) {
    await createEnrollment(db, { participantId, programId, status: 'aktiv', startDate: '2018-01-01' });
  }
  return { fair, bau, pflege, absent, people };
}

describe('fairs', () => {
  it('counts registered and present, and does not double-register', async () => {
    const db = app.ctx.db;
    const { fair, people } = await fairWithCompanies();
    expect(await registerForFair(db, fair.id, [people[0]!, people[1]!])).toEqual({ registered: 2, alreadyRegistered: 0 });
    expect(await registerForFair(db, fair.id, [people[1]!, people[2]!])).toEqual({ registered: 1, alreadyRegistered: 1 });
    await checkIn(db, { fairId: fair.id, participantId: people[0]! });
    const f = await fairFigures(db, fair.id);
    expect(f).toMatchObject({ registered: 3, present: 1, companies: 2, contacts: 0 });
  });

  it('refuses to check in someone not registered, offering to register; register:true does both', async () => {
    const db = app.ctx.db;
    const { fair, people } = await fairWithCompanies();
    const err = await checkIn(db, { fairId: fair.id, participantId: people[2]! }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not_found', details: { offerRegister: true } });
    expect((err as Error).message).toMatch(/nicht angemeldet.*anmelden/);
    const reg = await checkIn(db, { fairId: fair.id, participantId: people[2]!, register: true });
    expect(reg.checkedInAt).not.toBeNull();
    expect((await fairFigures(db, fair.id)).present).toBe(1);
  });

  it('finds people by name for check-in regardless of umlaut spelling', async () => {
    const db = app.ctx.db;
    const { fair, people } = await fairWithCompanies();
    await registerForFair(db, fair.id, [people[1]!]);
    const { searchFairPeople } = await import('./fairs.service.js');
    const hits = await searchFairPeople(db, fair.id, 'mueller', 10);
    expect(hits).toEqual([expect.objectContaining({ participantId: people[1], name: 'Müller, Amina', registered: true, checkedIn: false })]);
    expect(await searchFairPeople(db, fair.id, 'muller ami', 10)).toHaveLength(1);
    // the name as the lists show it, comma included
    expect(await searchFairPeople(db, fair.id, 'Müller, Amina', 10)).toHaveLength(1);
    expect(await searchFairPeople(db, fair.id, 'Müller, Samir', 10)).toHaveLength(0);
  });

  it('records contacts only with companies present, and counts them by result', async () => {
    const db = app.ctx.db;
    const { fair, bau, pflege, absent, people } = await fairWithCompanies();
    await registerForFair(db, fair.id, people);
    await recordContact(db, { fairId: fair.id, participantId: people[0]!, organisationId: bau.id, result: 'einladung' });
    await recordContact(db, { fairId: fair.id, participantId: people[1]!, organisationId: pflege.id, result: 'gespraech' });
    await recordContact(db, { fairId: fair.id, participantId: people[1]!, organisationId: bau.id, result: 'einladung' });
    const refused = await recordContact(db, { fairId: fair.id, participantId: people[2]!, organisationId: absent.id }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation' });
    const f = await fairFigures(db, fair.id);
    expect(f.contacts).toBe(3);
    expect(f.contactsByResult).toMatchObject({ einladung: 2, gespraech: 1, probetag: 0 });
    // a contact proves presence
    expect(f.present).toBe(2);
    const detail = await getFair(db, fair.id);
    expect(detail.contactList).toHaveLength(3);
    expect(await fairsForParticipant(db, people[1]!)).toEqual([
      expect.objectContaining({ fairId: fair.id, checkedIn: true, contacts: expect.arrayContaining([expect.objectContaining({ organisationName: 'Baufirma Elbe GmbH' })]) }),
    ]);
  });

  it('credits a later result and application back to the fair it came from', async () => {
    const db = app.ctx.db;
    const { fair, bau, people } = await fairWithCompanies();
    const other = await createFair(db, { programId, title: 'Andere Börse', date: '2019-05-16' });
    await registerForFair(db, fair.id, people);
    await recordContact(db, { fairId: fair.id, participantId: people[0]!, organisationId: bau.id, result: 'probetag' });
    await createApplication(db, { participantId: people[0]!, organisationId: bau.id, position: 'Azubi Maurer', appliedOn: '2018-06-01', fairId: fair.id });
    const outcome = await createOutcome(db, { participantId: people[0]!, kind: 'ausbildung', date: '2018-09-01', organisationId: bau.id, sourceFairId: fair.id });
    expect(outcome.programId).toBe(programId);
    await createOutcome(db, { participantId: people[1]!, kind: 'sprachkurs', date: '2018-10-01', sourceFairId: other.id });
    const f = await fairFigures(db, fair.id);
    expect(f).toMatchObject({ laterApplications: 1, laterOutcomes: 1, outcomesByKind: { ausbildung: 1 } });
    expect((await fairFigures(db, other.id)).laterOutcomes).toBe(1);
  });

  it("shows a company's history: fairs, contacts, applications and hires", async () => {
    const db = app.ctx.db;
    const { fair, bau, pflege, people } = await fairWithCompanies();
    await registerForFair(db, fair.id, people);
    await recordContact(db, { fairId: fair.id, participantId: people[0]!, organisationId: bau.id, result: 'einladung' });
    await recordContact(db, { fairId: fair.id, participantId: people[1]!, organisationId: pflege.id });
    await createApplication(db, { participantId: people[0]!, organisationId: bau.id, appliedOn: '2018-06-01', status: 'zusage', fairId: fair.id });
    await createOutcome(db, { participantId: people[0]!, kind: 'sv_beschaeftigung', date: '2018-08-01', organisationId: bau.id, sourceFairId: fair.id });
    await createOutcome(db, { participantId: people[1]!, kind: 'sprachkurs', date: '2018-08-01', organisationId: bau.id });
    const h = await organisationHistory(db, bau.id);
    expect(h.fairs).toEqual([expect.objectContaining({ fairId: fair.id, offers: ['ausbildung', 'fachkraft'], contacts: 1 })]);
    expect(h.contacts.map((c) => c.participantName)).toEqual(['Haddad, Samir']);
    expect(h.applications).toHaveLength(1);
    // a language course is not a hire
    expect(h.hires).toEqual([expect.objectContaining({ kind: 'sv_beschaeftigung', sourceFairId: fair.id })]);
    expect(h.organisation).toMatchObject({ fairCount: 1, contactCount: 1, hireCount: 1 });
  });
});
