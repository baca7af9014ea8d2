import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { createCommune } from '../communes/communes.service.js';
import { createEnrollment } from '../enrollments/enrollments.service.js';
import { insertPeople } from '../participants/insert-people.js';
import { createProgram } from '../programs/programs.service.js';
import { anonymiseParticipants } from '../privacy/anonymise.service.js';
import { countReminders, createTask, decideReminder, endOfWeek, listReminders, reopenReminder, updateRule } from './reminders.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
let person: number;
beforeEach(async () => {
  app = await tempApp();
  [person] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]) as [number];
});
afterEach(async () => app.dispose());

const db = () => app.ctx.db;
/** The reminders of one kind seen on `today` looking only at today (until = today), as [due, overdue]. */
async function seen(kind: string, today: string, until = today) {
  return (await listReminders(db(), { today, until })).filter((r) => r.kind === kind).map((r) => [r.due, r.overdue] as const);
}
const addDocument = async (kind: 'aufenthaltsdokument' | 'arbeitserlaubnis' | 'teilnahmevereinbarung', validFrom: string | null, validUntil: string | null) =>
  (await db().insertInto('person_documents').values({ participant_id: person, kind, valid_from: validFrom, valid_until: validUntil }).returning('id').executeTakeFirstOrThrow()).id;

async function placement(startDate: string, opts: { agreement?: string | null; status?: 'wartend' | 'aktiv' | 'beendet'; endDate?: string | null } = {}) {
  const program = await createProgram(db(), { name: `AGH ${startDate}`, startDate: '2026-01-01', hourlyRateCents: 80 });
  const commune = await createCommune(db(), { name: `Freiberg ${startDate}` });
  const enrollment = await createEnrollment(db(), { participantId: person, programId: program.id, status: 'aktiv', startDate: '2026-01-01' });
  const row = await db()
    .insertInto('placements')
    .values({
      enrollment_id: enrollment.id,
      participant_id: person,
      program_id: program.id,
      commune_id: commune.id,
      site: 'Bauhof',
      activity: 'Grünpflege',
      start_date: startDate,
      end_date: opts.endDate ?? null,
      rate_cents: 80,
      agreement_signed_on: opts.agreement ?? null,
      status: opts.status ?? 'aktiv',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, enrollmentId: enrollment.id };
}

describe('reminder rules at their boundary dates', () => {
  it('document expiry: listed from 30 days before valid-until, overdue the day after; a successor settles it', async () => {
    await addDocument('aufenthaltsdokument', '2026-01-01', '2026-12-31');
    expect(await seen('document_expiry', '2026-11-30')).toEqual([]);
    expect(await seen('document_expiry', '2026-12-01')).toEqual([['2026-12-31', false]]);
    expect(await seen('document_expiry', '2026-12-31')).toEqual([['2026-12-31', false]]);
    expect(await seen('document_expiry', '2027-01-01')).toEqual([['2026-12-31', true]]);
    const [r] = await listReminders(db(), { today: '2027-01-01', until: '2027-01-01' });
    expect(r).toMatchObject({ title: 'Aufenthaltsdokument seit 01.01.2027 abgelaufen', participantName: 'Haddad, Samir', settle: { kind: 'document' } });
    await updateRule(db(), { code: 'document_expiry', days: 10, active: true });
    expect(await seen('document_expiry', '2026-12-20')).toEqual([]);
    expect(await seen('document_expiry', '2026-12-21')).toEqual([['2026-12-31', false]]);
    await addDocument('aufenthaltsdokument', '2027-01-01', '2027-06-30');
    expect(await seen('document_expiry', '2027-01-01')).toEqual([]);
  });

  it('placement papers: from 14 days before the start; a permit covering the start and an agreement settle it', async () => {
    await placement('2026-03-16');
    expect(await seen('placement_papers', '2026-03-01')).toEqual([]);
    expect(await seen('placement_papers', '2026-03-02')).toEqual([['2026-03-16', false]]);
    const [r] = await listReminders(db(), { today: '2026-03-17', until: '2026-03-17' });
    expect(r).toMatchObject({ overdue: true, title: 'AGH ab 16.03.2026: Arbeitserlaubnis und Teilnahmevereinbarung fehlen', settle: { kind: 'newDocument' } });
    // a permit that begins the day after the start does not cover it
    await addDocument('arbeitserlaubnis', '2026-03-17', '2026-12-31');
    expect((await listReminders(db(), { today: '2026-03-02' }))[0]!.title).toContain('Arbeitserlaubnis und Teilnahmevereinbarung');
    await addDocument('arbeitserlaubnis', '2026-03-16', '2026-12-31');
    expect((await listReminders(db(), { today: '2026-03-02' }))[0]).toMatchObject({ title: 'AGH ab 16.03.2026: Teilnahmevereinbarung fehlt', settle: { kind: 'placement' } });
    await addDocument('teilnahmevereinbarung', '2026-03-10', null);
    expect(await seen('placement_papers', '2026-03-02', '2026-03-31')).toEqual([]);
  });

  it('placement papers: a title that allows work needs no permit; a signed agreement on the placement counts', async () => {
    await db().updateTable('participants').set({ residence_title_code: 'ae_25_2' }).where('id', '=', person).execute();
    await placement('2026-03-16', { agreement: '2026-03-01' });
    expect(await seen('placement_papers', '2026-03-10')).toEqual([]);
  });

  it('hours missing: last month without hours is due on the 5th, overdue on the 6th, gone once hours are entered', async () => {
    const p = await placement('2026-01-10', { agreement: '2026-01-01' });
    await addDocument('arbeitserlaubnis', null, null);
    expect(await seen('hours_missing', '2026-02-04')).toEqual([]);
    expect(await seen('hours_missing', '2026-02-05')).toEqual([['2026-02-05', false]]);
    expect(await seen('hours_missing', '2026-02-06')).toEqual([['2026-02-05', true]]);
    const [r] = await listReminders(db(), { today: '2026-02-06' });
    expect(r).toMatchObject({ title: 'Stunden Januar 2026 fehlen (Bauhof)', settle: { kind: 'hours', recordId: p.id, month: '2026-01' } });
    // an hour outside the month does not count; one inside it does
    await db().insertInto('hours').values({ placement_id: p.id, work_date: '2026-02-01', hours_x100: 400 }).execute();
    expect(await seen('hours_missing', '2026-02-06')).toHaveLength(1);
    await db().insertInto('hours').values({ placement_id: p.id, work_date: '2026-01-31', hours_x100: 400 }).execute();
    expect(await seen('hours_missing', '2026-02-06')).toEqual([]);
  });

  it('hours missing: a placement that started after last month, or is still waiting, is not asked for', async () => {
    await placement('2026-02-01', { agreement: '2026-01-01' });
    await placement('2026-01-10', { agreement: '2026-01-01', status: 'wartend' });
    expect(await seen('hours_missing', '2026-02-06')).toEqual([]);
  });

  it('follow-up due: from 14 days before its day until it is checked', async () => {
    const p = await placement('2026-01-10', { agreement: '2026-01-01', status: 'beendet', endDate: '2026-01-31' });
    const f = await db().insertInto('follow_ups').values({ enrollment_id: p.enrollmentId, due_on: '2026-07-31' }).returning('id').executeTakeFirstOrThrow();
    expect(await seen('follow_up_due', '2026-07-16')).toEqual([]);
    expect(await seen('follow_up_due', '2026-07-17')).toEqual([['2026-07-31', false]]);
    expect(await seen('follow_up_due', '2026-08-01')).toEqual([['2026-07-31', true]]);
    await db().updateTable('follow_ups').set({ checked_on: '2026-08-01' }).where('id', '=', f.id).execute();
    expect(await seen('follow_up_due', '2026-08-01')).toEqual([]);
  });

  it('application without answer: due 14 days after it was sent; an answer settles it', async () => {
    const a = await db().insertInto('applications').values({ participant_id: person, applied_on: '2026-03-01', status: 'versendet' }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('applications').values({ participant_id: person, applied_on: '2026-03-01', status: 'in_arbeit' }).execute();
    expect(await seen('application_unanswered', '2026-03-14')).toEqual([]);
    expect(await seen('application_unanswered', '2026-03-15')).toEqual([['2026-03-15', false]]);
    expect(await seen('application_unanswered', '2026-03-16')).toEqual([['2026-03-15', true]]);
    await db().updateTable('applications').set({ status: 'einladung' }).where('id', '=', a.id).execute();
    expect(await seen('application_unanswered', '2026-03-16')).toEqual([]);
  });

  it('people whose every enrollment ended are not chased for an answer, a document or a title; open or no enrollment are', async () => {
    const program = await createProgram(db(), { name: 'Mentoren 2016', startDate: '2016-01-01', hourlyRateCents: 0 });
    const enrollment = await createEnrollment(db(), { participantId: person, programId: program.id, status: 'aktiv', startDate: '2016-02-01' });
    await db().insertInto('applications').values({ participant_id: person, applied_on: '2016-03-01', status: 'versendet' }).execute();
    await addDocument('aufenthaltsdokument', null, '2016-12-31');
    await db().insertInto('participant_titles').values({ participant_id: person, title_code: 'duldung', valid_from: '2016-01-01', valid_until: '2016-06-30' }).execute();
    const kinds = async () => (await listReminders(db(), { today: '2026-12-03' })).map((r) => r.kind).sort();
    expect(await kinds()).toEqual(['application_unanswered', 'document_expiry', 'title_expired']);
    await db().updateTable('enrollments').set({ status: 'abgeschlossen', end_date: '2016-12-31' }).where('id', '=', enrollment.id).execute();
    expect(await kinds()).toEqual([]);
    // back in a new program: the old application belongs to the earlier participation; one sent since is chased
    const again = await createProgram(db(), { name: 'Mentoren 2026', startDate: '2026-01-01', hourlyRateCents: 0 });
    await createEnrollment(db(), { participantId: person, programId: again.id, status: 'aktiv', startDate: '2026-10-01' });
    expect(await kinds()).toEqual(['document_expiry', 'title_expired']);
    await db().insertInto('applications').values({ participant_id: person, applied_on: '2026-10-01', status: 'versendet' }).execute();
    expect(await kinds()).toEqual(['application_unanswered', 'document_expiry', 'title_expired']);
  });

  it('consent expiring: from 30 days before; a withdrawn consent is not a reminder', async () => {
    await db().updateTable('participants').set({ consent_date: '2025-01-01', consent_expires_on: '2026-06-30' }).where('id', '=', person).execute();
    expect(await seen('consent_expiring', '2026-05-30')).toEqual([]);
    expect(await seen('consent_expiring', '2026-05-31')).toEqual([['2026-06-30', false]]);
    expect(await seen('consent_expiring', '2026-07-01')).toEqual([['2026-06-30', true]]);
    await db().updateTable('participants').set({ consent_withdrawn_on: '2026-06-01' }).where('id', '=', person).execute();
    expect(await seen('consent_expiring', '2026-07-01')).toEqual([]);
  });

  it('title expired: on its valid-until day (lead 0), overdue after; a following title settles it', async () => {
    await db().insertInto('participant_titles').values({ participant_id: person, title_code: 'duldung', valid_from: '2026-01-01', valid_until: '2026-04-30' }).execute();
    expect(await seen('title_expired', '2026-04-29')).toEqual([]);
    expect(await seen('title_expired', '2026-04-30')).toEqual([['2026-04-30', false]]);
    expect((await listReminders(db(), { today: '2026-05-01' }))[0]).toMatchObject({ overdue: true, title: 'Duldung gültig bis 30.04.2026: neuen Titel eintragen' });
    await db().insertInto('participant_titles').values({ participant_id: person, title_code: 'duldung', valid_from: '2026-05-01', valid_until: null }).execute();
    expect(await seen('title_expired', '2026-05-01')).toEqual([]);
  });

  it('note follow-up and manual tasks: listed on their day', async () => {
    await db().insertInto('notes').values({ participant_id: person, date: '2026-03-02', kind: 'telefonat', text: 'Rückruf vereinbart', follow_up_on: '2026-03-09' }).execute();
    await createTask(db(), { participantId: null, title: 'Quartalsbericht vorbereiten', dueOn: '2026-03-10' });
    expect(await seen('note_follow_up', '2026-03-08')).toEqual([]);
    expect(await seen('note_follow_up', '2026-03-09')).toEqual([['2026-03-09', false]]);
    expect(await seen('task', '2026-03-09')).toEqual([]);
    expect(await listReminders(db(), { today: '2026-03-10', until: '2026-03-10' })).toEqual([
      expect.objectContaining({ kind: 'note_follow_up', overdue: true, title: 'Wiedervorlage: Telefonat vom 02.03.2026' }),
      expect.objectContaining({ kind: 'task', overdue: false, participantId: null, participantName: null }),
    ]);
  });

  it('a rule switched off raises nothing', async () => {
    await addDocument('aufenthaltsdokument', null, '2026-12-31');
    await updateRule(db(), { code: 'document_expiry', days: 30, active: false });
    expect(await seen('document_expiry', '2027-01-01')).toEqual([]);
  });
});

describe('Heute: week, done and snooze', () => {
  it('looks ahead to the Sunday of the week by default', async () => {
    expect(endOfWeek('2026-12-03')).toBe('2026-12-06');
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13');
    await createTask(db(), { participantId: person, title: 'Sonntag', dueOn: '2026-12-06' });
    await createTask(db(), { participantId: person, title: 'Montag', dueOn: '2026-12-07' });
    expect((await listReminders(db(), { today: '2026-12-03' })).map((r) => r.title)).toEqual(['Sonntag']);
    expect(await countReminders(db(), { today: '2026-12-07' })).toEqual({ total: 2, overdue: 1 });
  });

  it('done hides a reminder; a snooze hides it until its day; a renewed date raises it again', async () => {
    const id = await addDocument('aufenthaltsdokument', null, '2026-12-31');
    const today = '2026-12-10';
    const [r] = await listReminders(db(), { today });
    await decideReminder(db(), { key: r!.key, state: 'snoozed', until: '2026-12-20', reason: 'Termin bei der Ausländerbehörde am 19.12.' });
    expect(await listReminders(db(), { today })).toEqual([]);
    expect(await listReminders(db(), { today: '2026-12-19' })).toEqual([]);
    expect((await listReminders(db(), { today: '2026-12-20' })).map((x) => x.key)).toEqual([r!.key]);
    await decideReminder(db(), { key: r!.key, state: 'done', reason: null });
    expect(await listReminders(db(), { today: '2026-12-20' })).toEqual([]);
    await db().updateTable('person_documents').set({ valid_until: '2027-01-05' }).where('id', '=', id).execute();
    expect(await listReminders(db(), { today: '2026-12-20' })).toHaveLength(1);
    await reopenReminder(db(), r!.key);
    await db().updateTable('person_documents').set({ valid_until: '2026-12-31' }).where('id', '=', id).execute();
    expect(await listReminders(db(), { today: '2026-12-20' })).toHaveLength(1);
  });

  it('a snooze needs a reason and a day; a made-up key is refused', async () => {
    const res = await app.router.call('reminders.decide', { key: 'document_expiry:p1:1:2026-12-31', state: 'snoozed', until: '2027-01-10', reason: '' });
    expect(res).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'reason' }] } } });
    await expect(decideReminder(db(), { key: 'document_expiry:p999:1:2026-12-31', state: 'done' })).rejects.toMatchObject({ code: 'validation' });
    await expect(decideReminder(db(), { key: 'nonsense', state: 'done' })).rejects.toMatchObject({ code: 'validation' });
  });

  it('an anonymised person raises no reminders and their decisions are erased', async () => {
    await addDocument('aufenthaltsdokument', null, '2026-12-31');
    const [r] = await listReminders(db(), { today: '2026-12-10' });
    await decideReminder(db(), { key: r!.key, state: 'snoozed', until: '2026-12-20', reason: 'wartet' });
    await createTask(db(), { participantId: person, title: 'Anrufen', dueOn: '2026-12-10' });
    await anonymiseParticipants(db(), [person], { reason: 'request' });
    expect(await listReminders(db(), { today: '2026-12-31' })).toEqual([]);
    expect(await db().selectFrom('reminder_states').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('tasks').select('id').execute()).toEqual([]);
  });
});

describe('week overview PDF', () => {
  it('writes a PDF of the week and records the export in the access log without names', async () => {
    await createTask(db(), { participantId: person, title: 'Anrufen wegen Praktikum', dueOn: '2026-12-04' });
    const res = await app.router.call('reminders.weekPdf', { today: '2026-12-03' });
    expect(res.ok).toBe(true);
    const { handle } = (res as { ok: true; data: { handle: string } }).data;
    const bytes = fs.readFileSync(app.ctx.files.get(handle).path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const log = await db().selectFrom('audit_log').select(['action', 'details', 'people_count']).where('entity', '=', 'access').execute();
    expect(log).toEqual([{ action: 'export', details: 'Wochenübersicht (Heute) als PDF, 1 Einträge', people_count: 1 }]);
    expect(JSON.stringify(log)).not.toContain('Haddad');
  });
});
