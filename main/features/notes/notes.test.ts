import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { insertPeople } from '../participants/insert-people.js';
import { collectAccessData } from '../privacy/access-export.service.js';
import { anonymiseParticipants } from '../privacy/anonymise.service.js';
import { listReminders } from '../reminders/reminders.service.js';
import { createNote, deleteNote, listNotes, updateNote } from './notes.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

describe('contact notes', () => {
  it('keeps a contact log per person, newest first, searchable by words regardless of case and accents', async () => {
    const db = app.ctx.db;
    const [p, other] = await insertPeople(db, [{ lastName: 'Haddad', firstName: 'Samir' }, { lastName: 'Osman', firstName: 'Yonas' }]);
    await createNote(db, { participantId: p!, date: '2026-03-02', kind: 'telefonat', text: 'Termin beim Jobcenter besprochen' });
    const visit = await createNote(db, { participantId: p!, date: '2026-03-05', kind: 'hausbesuch', text: 'Unterlagen für die Ausländerbehörde\nKopie fehlt' });
    await createNote(db, { participantId: other!, date: '2026-03-06', kind: 'beratung', text: 'Jobcenter' });
    expect((await listNotes(db, p!)).map((n) => n.kind)).toEqual(['hausbesuch', 'telefonat']);
    expect((await listNotes(db, p!, 'JOBCENTER')).map((n) => n.date)).toEqual(['2026-03-02']);
    expect((await listNotes(db, p!, 'auslanderbehorde kopie')).map((n) => n.id)).toEqual([visit.id]);
    expect(await listNotes(db, p!, 'Jobcenter Kopie')).toEqual([]);
    const changed = await updateNote(db, visit.id, { participantId: p!, date: '2026-03-05', kind: 'hausbesuch', text: 'Kopie liegt vor', followUpOn: '2026-03-12' });
    expect(changed.followUpOn).toBe('2026-03-12');
    expect((await listReminders(db, { today: '2026-03-12' })).map((r) => r.kind)).toEqual(['note_follow_up']);
    await deleteNote(db, visit.id);
    expect(await listNotes(db, p!)).toHaveLength(1);
  });

  it('refuses an empty text and a note for a person that does not exist, naming the field', async () => {
    const [p] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    const empty = await app.router.call('notes.create', { participantId: p!, date: '2026-03-02', kind: 'email', text: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'text' }] } } });
    const nobody = await app.router.call('notes.create', { participantId: 999, date: '2026-03-02', kind: 'email', text: 'x' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'participantId' }] } } });
  });

  it('are in the Art. 15 export, stay out of the audit trail, and are erased with the person', async () => {
    const db = app.ctx.db;
    const [p] = await insertPeople(db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    await createNote(db, { participantId: p!, date: '2026-03-02', kind: 'beratung', text: 'Vertrauliche Beratung zur Familiensituation' });
    const access = await collectAccessData(db, p!);
    expect(access.tables.notes).toEqual([expect.objectContaining({ kind: 'beratung', text: 'Vertrauliche Beratung zur Familiensituation' })]);
    const trail = await db.selectFrom('audit_log').select(['before', 'after', 'details']).where('entity', '=', 'note').execute();
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain('Vertrauliche');
    const result = await anonymiseParticipants(db, [p!], { reason: 'request' });
    expect(result.counts.contactNotesDeleted).toBe(1);
    expect(await db.selectFrom('notes').select('id').execute()).toEqual([]);
  });
});
