import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantInput } from '../../../shared/domain/participants.js';
import { AppError } from '../../../shared/errors.js';
import { tempApp } from '../../test/temp-db.js';
import { createCommune } from '../communes/communes.service.js';
import { createEnrollment, getEnrollment } from '../enrollments/enrollments.service.js';
import { createProgram } from '../programs/programs.service.js';
import { openValues } from './open-values.service.js';
import { participantRecords } from './participant-records.js';
import { createParticipant, getParticipant, listParticipants, updateParticipant } from './participants.service.js';
import { todayIso } from '../../../shared/domain/dates.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

const base = (over: Partial<ParticipantInput> = {}): ParticipantInput => ({ lastName: 'Haddad', firstName: 'Rana', birthDate: '1994-02-03', ...over });

/** Every field of a stored person sent back, as the form does when only one field changed. */
const resend = (p: Awaited<ReturnType<typeof getParticipant>>, over: Partial<ParticipantInput> = {}): ParticipantInput => ({
  ...p,
  lastName: p.lastName ?? '',
  firstName: p.firstName ?? '',
  titles: p.titles.map((t) => ({ titleCode: t.titleCode, validFrom: t.validFrom, validUntil: t.validUntil })),
  ...over,
});

async function fieldErrors(run: () => Promise<unknown>): Promise<Array<{ path: string; message: string }>> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppError) return (e.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields ?? [];
    const issues = (e as { issues?: Array<{ path: (string | number)[]; message: string }> }).issues;
    if (issues) return issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('residence titles on the person', () => {
  it('maps an imported spelling to a title: code, German label, group and a history entry', async () => {
    const p = await createParticipant(app.ctx.db, base({ residenceStatus: 'AE § 25 Abs. 2' }));
    expect(p).toMatchObject({
      residenceTitleCode: 'ae_25_2',
      residenceStatus: 'Aufenthaltserlaubnis § 25 Abs. 2 AufenthG (Flüchtlingsschutz, subsidiärer Schutz)',
      residenceGroup: 'schutz',
      residenceStatusOpen: false,
    });
    expect(p.titles).toMatchObject([{ titleCode: 'ae_25_2', validFrom: null, validUntil: null, group: 'schutz' }]);
  });

  it('keeps an unknown value, never refuses to save because of it, and lists it for a decision', async () => {
    const p = await createParticipant(app.ctx.db, base({ residenceStatus: 'Visum zur Arbeitssuche', nationality: 'kurdisch' }));
    expect(p).toMatchObject({ residenceTitleCode: null, residenceStatus: 'Visum zur Arbeitssuche', residenceStatusOpen: true, residenceGroup: null });
    expect(p).toMatchObject({ nationalityCode: null, nationality: 'kurdisch', nationalityOpen: true });
    // the form sends the old value back with another change: saved, the value still waiting
    const saved = await updateParticipant(app.ctx.db, p.id, resend(p, { phone: '0351 1' }));
    expect(saved).toMatchObject({ phone: '0351 1', residenceStatus: 'Visum zur Arbeitssuche', residenceStatusOpen: true });
    expect(await openValues(app.ctx.db)).toEqual([
      { field: 'residenceStatus', value: 'Visum zur Arbeitssuche', count: 1, participantIds: [p.id] },
      { field: 'nationality', value: 'kurdisch', count: 1, participantIds: [p.id] },
    ]);
    // deciding: a title and a nationality
    const decided = await updateParticipant(
      app.ctx.db,
      p.id,
      resend(saved, { titles: [{ titleCode: 'ae_erwerb', validFrom: '2025-01-01' }], nationality: 'Irak' }),
    );
    expect(decided).toMatchObject({ residenceTitleCode: 'ae_erwerb', residenceStatusOpen: false, nationalityCode: 'IQ', nationality: 'Irak' });
    expect(await openValues(app.ctx.db)).toEqual([]);
  });

  it('lists a residence permit without its paragraph as a decision, too', async () => {
    const p = await createParticipant(app.ctx.db, base({ residenceStatus: 'Aufenthaltserlaubnis' }));
    expect(p.residenceTitleCode).toBe('ae_unbestimmt');
    expect(await openValues(app.ctx.db)).toMatchObject([{ field: 'residenceTitleBasis', participantIds: [p.id] }]);
  });

  it('a valid-until before valid-from is a field error and nothing is saved', async () => {
    const errors = await fieldErrors(() =>
      createParticipant(app.ctx.db, base({ titles: [{ titleCode: 'duldung', validFrom: '2024-05-01', validUntil: '2024-04-30' }] })),
    );
    expect(errors).toContainEqual({ path: 'titles.0.validUntil', message: '„Gültig bis“ liegt vor „Gültig ab“' });
    expect((await listParticipants(app.ctx.db)).total).toBe(0);
  });

  it('the current title is the one valid today; a changed status text closes the old title', async () => {
    const p = await createParticipant(
      app.ctx.db,
      base({
        titles: [
          { titleCode: 'ae_25_2', validFrom: '2021-06-01' },
          { titleCode: 'gestattung', validFrom: '2019-01-10', validUntil: '2021-05-31' },
        ],
      }),
    );
    expect(p.residenceTitleCode).toBe('ae_25_2');
    expect(p.titles.map((t) => t.titleCode)).toEqual(['gestattung', 'ae_25_2']);
    // an older client sends only the text
    const { titles: _drop, ...withoutTitles } = resend(p, { residenceStatus: 'Niederlassungserlaubnis § 26 Abs. 3' });
    const q = await updateParticipant(app.ctx.db, p.id, withoutTitles);
    const today = todayIso();
    expect(q.residenceTitleCode).toBe('ne_schutz');
    expect(q.titles.at(-1)).toMatchObject({ titleCode: 'ne_schutz', validFrom: today, validUntil: null });
    expect(q.titles[1]!.validUntil! < today).toBe(true);
  });

  it('the list filters by group, title and old text', async () => {
    const a = await createParticipant(app.ctx.db, base({ lastName: 'A', residenceStatus: 'Ausbildungsduldung' }));
    const b = await createParticipant(app.ctx.db, base({ lastName: 'B', residenceStatus: 'Duldung' }));
    const c = await createParticipant(app.ctx.db, base({ lastName: 'C', residenceStatus: 'Visum' }));
    const ids = async (residenceStatus: string) => (await listParticipants(app.ctx.db, { residenceStatus })).rows.map((r) => r.id);
    expect(await ids('duldung')).toEqual([a.id, b.id]);
    expect(await ids('Duldung')).toEqual([b.id]);
    expect(await ids('Visum')).toEqual([c.id]);
    expect((await listParticipants(app.ctx.db, { residenceStatus: 'duldung' })).rows[0]).toMatchObject({ residenceGroup: 'duldung' });
  });
});

describe('nationality', () => {
  it.each([
    ['syrisch', 'SY', 'Syrien'],
    ['SYR', 'SY', 'Syrien'],
    ['Syria', 'SY', 'Syrien'],
    ['staatenlos', 'XS', 'staatenlos'],
    ['ungeklärt', 'XX', 'ungeklärt'],
  ])('%s is stored as %s (%s)', async (text, code, name) => {
    const p = await createParticipant(app.ctx.db, base({ nationality: text }));
    expect(p).toMatchObject({ nationalityCode: code, nationality: name, nationalityOpen: false });
    expect((await listParticipants(app.ctx.db)).rows[0]).toMatchObject({ nationalityCode: code });
  });
});

describe('entry snapshot', () => {
  it('takes the title held on the start date, its group, the nationality code and the characteristics at entry', async () => {
    const dresden = await createCommune(app.ctx.db, { name: 'Dresden', district: 'Dresden' });
    const program = await createProgram(app.ctx.db, {
      name: 'Offen',
      startDate: '2020-01-01',
      endDate: null,
      hourlyRateCents: 0,
      eligibilityRule: { op: 'and', items: [] },
      communes: [{ communeId: dresden.id, slots: 0 }],
    });
    const p = await createParticipant(
      app.ctx.db,
      base({
        nationality: 'afghanisch',
        communeId: dresden.id,
        titles: [
          { titleCode: 'gestattung', validFrom: '2019-01-10', validUntil: '2021-05-31' },
          { titleCode: 'ae_25_2', validFrom: '2021-06-01' },
        ],
        employmentStatus: 'arbeitslos',
        iscedGroup: 'isced_3_4',
        qualificationRecognition: 'beantragt',
        arrivalInGermany: '2018-11-02',
        interpreterLanguage: 'Dari',
        childcareNeed: true,
      }),
    );
    const e = await createEnrollment(app.ctx.db, { participantId: p.id, programId: program.id, status: 'aktiv', startDate: '2021-03-01' });
    expect((await getEnrollment(app.ctx.db, e.id)).entry).toMatchObject({
      titleCode: 'gestattung',
      residenceStatus: 'Aufenthaltsgestattung',
      residenceGroup: 'asyl',
      nationality: 'Afghanistan',
      nationalityCode: 'AF',
      employmentStatus: 'arbeitslos',
      iscedGroup: 'isced_3_4',
      qualificationRecognition: 'beantragt',
      migrationBackground: null,
      arrivalInGermany: '2018-11-02',
      interpreterLanguage: 'Dari',
      childcareNeed: true,
    });
    // a later change of the person does not touch the snapshot
    await updateParticipant(app.ctx.db, p.id, resend(await getParticipant(app.ctx.db, p.id), { employmentStatus: 'erwerbstaetig' }));
    expect((await getEnrollment(app.ctx.db, e.id)).entry?.employmentStatus).toBe('arbeitslos');
  });
});

describe('lotse participants --json records', () => {
  it('carry residenceGroup and nationalityCode ("" when unknown); residenceStatus is the title label', async () => {
    await createParticipant(app.ctx.db, base({ lastName: 'A', residenceStatus: 'Gestattung', nationality: 'SYR' }));
    await createParticipant(app.ctx.db, base({ lastName: 'B', residenceStatus: 'Visum', nationality: 'kurdisch' }));
    await createParticipant(app.ctx.db, base({ lastName: 'C' }));
    const records = await participantRecords(app.ctx.db);
    expect(records.map((r) => [r.lastName, r.residenceStatus, r.residenceGroup, r.nationality, r.nationalityCode])).toEqual([
      ['A', 'Aufenthaltsgestattung', 'asyl', 'Syrien', 'SY'],
      ['B', 'Visum', '', 'kurdisch', ''],
      ['C', null, '', null, ''],
    ]);
  });
});
