import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { createEnrollment, getEnrollment, updateEnrollment } from '../enrollments/enrollments.service.js';
import { listOutcomes } from '../outcomes/outcomes.service.js';
import { activatePlacement, closePlacement, createPlacement } from './placements.service.js';
import { addPerson, aghProgram } from './placements.seed.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
let programId: number;
let doebeln: number;
beforeEach(async () => {
  app = await tempApp();
  ({ programId, communeIds: { Döbeln: doebeln } } = (await aghProgram(app.ctx.db, { Döbeln: 3 })) as { programId: number; communeIds: { Döbeln: number } });
});
afterEach(async () => app.dispose());

const place = (enrollmentId: number, startDate: string, status: 'aktiv' | 'wartend' = 'aktiv') =>
  createPlacement(app.ctx.db, { enrollmentId, communeId: doebeln!, site: 'Bauhof Döbeln', activity: 'Stadtverschönerung', startDate, hoursPerWeek: 20, status });

async function person(enrollment: { status: 'interessiert' | 'aktiv' | 'abgeschlossen'; startDate?: string; endDate?: string }) {
  const id = await addPerson(app.ctx.db, { lastName: 'Müller', firstName: `Anna ${Math.random()}`, birthDate: '1990-05-01', communeId: doebeln });
  return (await createEnrollment(app.ctx.db, { participantId: id, programId, appliedOn: '2026-02-01', ...enrollment })).id;
}

describe('AGH placements only on active enrollments', () => {
  it('an interested person placed directly enters the program on the placement’s first day, with the snapshot', async () => {
    const e = await person({ status: 'interessiert' });
    await place(e, '2026-09-07');
    expect(await getEnrollment(app.ctx.db, e)).toMatchObject({ status: 'aktiv', startDate: '2026-09-07', entry: { snapshotOn: '2026-09-07', communeId: doebeln } });
    const audit = await app.ctx.db.selectFrom('audit_log').select('details').where('entity', '=', 'enrollment').where('entity_id', '=', e).where('action', '=', 'update').execute();
    expect(audit).toEqual([{ details: 'AGH-Einsatz begonnen' }]);
  });

  it('refuses a placement that starts before the entry, and one on a finished enrollment', async () => {
    const e = await person({ status: 'aktiv', startDate: '2026-10-01' });
    expect(await place(e, '2026-09-30').catch((x: unknown) => x)).toMatchObject({ code: 'validation', details: { fields: [{ path: 'startDate' }] } });
    expect(await place(e, '2026-10-01')).toMatchObject({ status: 'aktiv' });
    const done = await person({ status: 'abgeschlossen', startDate: '2026-03-01', endDate: '2026-06-30' });
    expect(await place(done, '2026-05-01').catch((x: unknown) => x)).toMatchObject({ code: 'conflict' });
    expect(await app.ctx.db.selectFrom('placements').select('enrollment_id').execute()).toEqual([{ enrollment_id: e }]);
  });

  it('lets an interested person wait for a place and starts the enrollment when the place is taken', async () => {
    const e = await person({ status: 'interessiert' });
    const waiting = await place(e, '2026-12-01', 'wartend');
    expect((await getEnrollment(app.ctx.db, e)).status).toBe('interessiert');
    await activatePlacement(app.ctx.db, { id: waiting.id });
    expect(await getEnrollment(app.ctx.db, e)).toMatchObject({ status: 'aktiv', startDate: '2026-12-01' });
  });

  it('keeps the enrollment around its placements: no later entry, no exit while the placement runs', async () => {
    const e = await person({ status: 'aktiv', startDate: '2026-09-01' });
    const p = await place(e, '2026-09-07');
    const enrollment = { id: e, appliedOn: '2026-02-01', startDate: '2026-09-01' };
    expect(await updateEnrollment(app.ctx.db, { ...enrollment, status: 'aktiv', startDate: '2026-09-08' }).catch((x: unknown) => x)).toMatchObject({
      details: { fields: [{ path: 'startDate' }] },
    });
    const exit = { ...enrollment, status: 'abgeschlossen' as const, endDate: '2026-11-30' };
    expect(await updateEnrollment(app.ctx.db, exit).catch((x: unknown) => x)).toMatchObject({ details: { fields: [{ path: 'endDate' }] } });
    // ended first, with what came after it, the enrollment can close; the result belongs to it
    await closePlacement(app.ctx.db, { id: p.id, endDate: '2026-11-27', status: 'beendet', outcome: { kind: 'sv_beschaeftigung', date: '2026-12-01' } });
    expect(await updateEnrollment(app.ctx.db, exit)).toMatchObject({ status: 'abgeschlossen', endDate: '2026-11-30' });
    const [owner] = await app.ctx.db.selectFrom('enrollments').select('participant_id').where('id', '=', e).execute();
    expect((await listOutcomes(app.ctx.db, owner!.participant_id)).map((o) => o.enrollmentId)).toEqual([e]);
  });
});
