import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

async function count(): Promise<number> {
  const r = await app.ctx.db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const valid = { lastName: 'Müller', firstName: 'Aisha', birthDate: '1995-04-12' };

describe('participants contract: bad input gets a field message and saves nothing', () => {
  it.each([
    ['a future birth date', { birthDate: '2099-01-01' }, 'birthDate', 'Das Geburtsdatum liegt in der Zukunft'],
    ['31 February', { birthDate: '1990-02-31' }, 'birthDate', 'Kein gültiges Kalenderdatum'],
    ['a birth date before 1900', { birthDate: '1899-12-31' }, 'birthDate', 'Das Geburtsdatum liegt vor 1900'],
    ['an unknown commune', { communeId: 4711 }, 'communeId', 'Unbekannte Kommune'],
    ['a bad email', { email: 'aisha at example' }, 'email', 'Keine gültige E-Mail-Adresse'],
    ['an empty last name', { lastName: '  ' }, 'lastName', 'Pflichtfeld'],
    ['an unknown gender', { gender: 'x' }, 'gender', 'w, m, d oder keine Angabe'],
    ['a German level D1', { germanLevel: 'D1' }, 'germanLevel', 'Sprachniveau A1 bis C2'],
  ])('%s', async (_label, over, path, message) => {
    const res = await app.router.call('participants.create', { data: { ...valid, ...over } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('validation');
    expect(res.error.details?.fields).toContainEqual(
      expect.objectContaining({ path: path === 'communeId' ? path : `data.${path}`, message, messageEn: expect.not.stringMatching(/[äöüß]/) }),
    );
    expect(await count()).toBe(0);
  });

  it('a valid person is saved and comes back with its fields; empty strings become null', async () => {
    const res = await app.router.call('participants.create', { data: { ...valid, email: '', gender: '', phone: ' ' } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({ lastName: 'Müller', email: null, gender: null, phone: null, archived: false });
    const again = await app.router.call('participants.create', { data: valid });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('duplicate');
  });

  it('enrollment with an end before the start is refused', async () => {
    const res = await app.router.call('enrollments.create', {
      participantId: 1,
      programId: 1,
      status: 'abgeschlossen',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.details?.fields).toContainEqual(expect.objectContaining({ path: 'endDate', message: 'Das Ende liegt vor dem Beginn' }));
  });
});
