import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { insertPeople } from '../participants/insert-people.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;

beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

async function setup() {
  const program = await call<{ id: number }>('programs.create', { name: 'Mentoren', startDate: '2016-01-01', hourlyRateCents: 0 });
  const fair = await call<{ id: number }>('fairs.create', { programId: program.id, title: 'Unternehmen trifft Bewerber/-in', date: '2019-04-10', venue: 'Dresden' });
  const present = await call<{ id: number }>('organisations.create', { kind: 'company', name: 'Elbe Logistik', city: 'Dresden' });
  const absent = await call<{ id: number }>('organisations.create', { kind: 'company', name: 'Fernbleib GmbH', city: 'Dresden' });
  await call('fairs.setCompany', { fairId: fair.id, organisationId: present.id, offers: ['helfer'] });
  const people = await insertPeople(app.ctx.db, [
    { lastName: 'Al-Hassan', firstName: 'Rami', birthDate: '1994-02-03' },
    { lastName: 'Öztürk', firstName: 'Elif', birthDate: '1998-12-24' },
  ]);
  return { program, fair, present, absent, people };
}

describe('fairs contract: bad input', () => {
  it('check-in of someone not registered offers to register', async () => {
    const { fair, people } = await setup();
    const r = await app.router.call('fairs.checkIn', { fairId: fair.id, participantId: people[0] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('not_found');
    expect(r.error.details).toMatchObject({ offerRegister: true });
    expect(r.error.message).toContain('Al-Hassan, Rami ist für diese Börse nicht angemeldet');
    const again = await app.router.call('fairs.checkIn', { fairId: fair.id, participantId: people[0], register: true });
    expect(again).toMatchObject({ ok: true, data: { participantId: people[0] } });
  });

  it('a contact for a company not present at the fair is refused', async () => {
    const { fair, absent, present, people } = await setup();
    await call('fairs.register', { fairId: fair.id, participantIds: people });
    const r = await app.router.call('fairs.recordContact', { fairId: fair.id, participantId: people[1], organisationId: absent.id, result: 'einladung' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'organisationId' }] } } });
    if (!r.ok) expect(r.error.message).toContain('„Fernbleib GmbH“ ist auf dieser Börse nicht vertreten');
    const figures = await call<{ contacts: number }>('fairs.figures', { id: fair.id });
    expect(figures.contacts).toBe(0);
    const ok = await app.router.call('fairs.recordContact', { fairId: fair.id, participantId: people[1], organisationId: present.id, result: 'probetag' });
    expect(ok.ok).toBe(true);
  });

  it('refuses an unknown result, a 31 February fair and an empty title with field messages', async () => {
    const { fair, present, people, program } = await setup();
    const bad = await app.router.call('fairs.recordContact', { fairId: fair.id, participantId: people[0], organisationId: present.id, result: 'heirat' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'result' }] } } });
    const date = await app.router.call('fairs.create', { programId: program.id, title: '  ', date: '2019-02-31' });
    expect(date.ok).toBe(false);
    if (!date.ok) expect(date.error.details?.fields?.map((f) => f.path).sort()).toEqual(['date', 'title']);
    const att = await app.router.call('activities.saveAttendance', { activityId: 1, entries: [{ participantId: people[0], status: 'vielleicht' }] });
    expect(att).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('hands out the named attendance list of a fair and of a session as file handles', async () => {
    const { fair, people, program } = await setup();
    await call('fairs.register', { fairId: fair.id, participantIds: people });
    const xlsx = await call<{ handle: string; name: string }>('fairs.attendanceList', { id: fair.id, format: 'xlsx' });
    expect(xlsx.name).toMatch(/^Teilnehmerliste-Boerse-2019-04-10-.*\.xlsx$/);
    const file = app.ctx.files.get(xlsx.handle).path;
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    for (const participantId of people) {
      await call('enrollments.create', { participantId, programId: program.id, status: 'aktiv', startDate: '2019-01-02' });
    }
    const act = await call<{ id: number }>('activities.create', { programId: program.id, kind: 'seminar', title: 'Arbeitsrecht', date: '2019-05-02', durationMinutes: 90 });
    await call('activities.saveAttendance', { activityId: act.id, entries: people.map((participantId) => ({ participantId, status: 'anwesend' })) });
    const pdf = await call<{ handle: string; name: string }>('activities.attendanceList', { id: act.id, format: 'pdf' });
    expect(pdf.name).toMatch(/^Teilnehmerliste-Seminar-2019-05-02-Arbeitsrecht\.pdf$/);
    expect(fs.readFileSync(app.ctx.files.get(pdf.handle).path).subarray(0, 5).toString()).toBe('%PDF-');
    const missing = await app.router.call('fairs.attendanceList', { id: 999, format: 'pdf' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
