import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import { tempApp } from '../../test/temp-db.js';
import { aghProgram } from '../placements/placements.seed.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;

async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as OutputOf<N>;
}

beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  await app.dispose();
});

describe('Verlauf: ids in audit snapshots are shown by name', () => {
  it('resolves programs and communes at read time, shows deleted ones as such and leaves the stored rows alone', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 3 });
    const freiberg = await call('communes.create', { name: 'Freiberg', district: 'Mittelsachsen', ags: null });
    const person = await call('participants.create', {
      data: { lastName: 'Al-Ḥaddād', firstName: 'Yūsuf', birthDate: '1990-05-01', communeId: freiberg.id, residenceStatus: 'Aufenthaltsgestattung' },
    });
    // moved from Freiberg to Döbeln: the participant update stores both commune ids
    await call('participants.update', {
      id: person.id,
      data: { lastName: 'Al-Ḥaddād', firstName: 'Yūsuf', birthDate: '1990-05-01', communeId: communeIds['Döbeln']!, residenceStatus: 'Aufenthaltsgestattung' },
    });
    const enrollment = await call('enrollments.create', { participantId: person.id, programId, status: 'aktiv', startDate: '2026-10-01', appliedOn: '2026-10-01' });
    const placement = await call('placements.create', {
      enrollmentId: enrollment.id,
      communeId: communeIds['Döbeln']!,
      site: 'Bauhof Döbeln',
      activity: 'Stadtverschönerung',
      startDate: '2026-11-02',
      hoursPerWeek: 22,
    });
    await call('placements.update', { id: placement.id, site: 'Bauhof Döbeln', activity: 'Grünpflege', startDate: '2026-11-02', hoursPerWeek: 24 });

    // a second program the person was enrolled in, later removed entirely
    const other = await call('programs.create', { name: 'Sprachcafé', operator: null, startDate: '2026-01-01', endDate: null, hourlyRateCents: 0, communes: [] });
    const gone = await call('enrollments.create', { participantId: person.id, programId: other.id, status: 'interessiert' });
    await db.deleteFrom('enrollments').where('id', '=', gone.id).execute();
    await db.deleteFrom('programs').where('id', '=', other.id).execute();
    // Freiberg no longer exists either; the program is renamed after the fact
    await db.deleteFrom('communes').where('id', '=', freiberg.id).execute();
    await db.updateTable('programs').set({ name: 'AGH Mittelsachsen' }).where('id', '=', programId).execute();
    const storedBefore = await db.selectFrom('audit_log').select(['id', 'before', 'after']).orderBy('id').execute();

    const history = await call('participants.history', { id: person.id, limit: 50 });
    const find = (entity: string, action: string) => history.filter((h) => h.entity === entity && h.action === action);

    const moved = find('participant', 'update')[0]!.changes.find((c) => c.field === 'communeId')!;
    expect(moved.before).toBe(freiberg.id);
    expect(moved.beforeRef).toEqual({ kind: 'commune', id: freiberg.id, name: null });
    expect(moved.afterRef).toEqual({ kind: 'commune', id: communeIds['Döbeln']!, name: 'Döbeln' });

    const enrollments = find('enrollment', 'create');
    expect(enrollments.map((h) => h.context.map((c) => c.name))).toEqual([[null], ['AGH Mittelsachsen']]);
    expect(enrollments[0]!.context[0]).toMatchObject({ kind: 'program', id: other.id });

    for (const h of [...find('placement', 'create'), ...find('placement', 'update')]) {
      expect(h.context).toEqual([
        { kind: 'program', id: programId, name: 'AGH Mittelsachsen' },
        { kind: 'commune', id: communeIds['Döbeln']!, name: 'Döbeln' },
      ]);
    }
    // fields that are not references carry no name
    const activity = find('placement', 'update')[0]!.changes.find((c) => c.field === 'activity')!;
    expect(activity).toEqual({ field: 'activity', before: 'Stadtverschönerung', after: 'Grünpflege' });

    // reading resolved names, it wrote nothing back
    expect(await db.selectFrom('audit_log').select(['id', 'before', 'after']).orderBy('id').execute()).toEqual(storedBefore);
  });
});
