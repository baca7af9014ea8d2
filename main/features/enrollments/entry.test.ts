import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { createCommune } from '../communes/communes.service.js';
import { listFollowUps, recordFollowUp } from '../outcomes/follow-ups.service.js';
import { createParticipant, updateParticipant } from '../participants/participants.service.js';
import { createProgram, updateProgram } from '../programs/programs.service.js';
import { createEnrollment, listEnrollments, updateEnrollment } from './enrollments.service.js';
import { correctEntry } from './entry-correction.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
let programId: number;
let dresden: number;
let pirna: number;

beforeEach(async () => {
  app = await tempApp();
  dresden = (await createCommune(app.ctx.db, { name: 'Dresden' })).id;
  pirna = (await createCommune(app.ctx.db, { name: 'Pirna' })).id;
  programId = (await createProgram(app.ctx.db, { name: 'Mentoren', startDate: '2020-01-01', hourlyRateCents: 0 })).id;
});
afterEach(async () => app.dispose());

const amal = { lastName: 'Haddad', firstName: 'Amal', birthDate: '1990-05-01', gender: 'w', communeId: 0, residenceStatus: 'Duldung', nationality: 'syrisch', germanLevel: 'A2' } as const;

async function interested() {
  const p = await createParticipant(app.ctx.db, { ...amal, communeId: dresden });
  const e = await createEnrollment(app.ctx.db, { participantId: p.id, programId, status: 'interessiert', appliedOn: '2020-02-01' });
  return { p, e };
}

describe('characteristics at entry', () => {
  it('are taken when the enrollment starts and stay when the person changes later', async () => {
    const { p, e } = await interested();
    expect(e.entry).toBeNull();
    const started = await updateEnrollment(app.ctx.db, { id: e.id, status: 'aktiv', appliedOn: '2020-02-01', startDate: '2020-03-01' });
    expect(started.entry).toEqual({
      birthYear: 1990,
      gender: 'w',
      communeId: dresden,
      communeName: 'Dresden',
      residenceStatus: 'Duldung',
      residenceGroup: 'duldung',
      // the nationality as the catalogue names it, with its code; the title and characteristics of issue 14
      nationality: 'Syrien',
      germanLevel: 'A2',
      snapshotOn: '2020-03-01',
      correctedReason: null,
      titleCode: 'duldung',
      nationalityCode: 'SY',
      employmentStatus: null,
      iscedGroup: null,
      qualificationRecognition: null,
      migrationBackground: null,
      arrivalInGermany: null,
      interpreterLanguage: null,
      childcareNeed: null,
    });
    // she moves, gets another title and learns German: the report on her entry stays as it was
    await updateParticipant(app.ctx.db, p.id, { ...amal, communeId: pirna, residenceStatus: 'Aufenthaltserlaubnis', germanLevel: 'B2' });
    const later = await updateEnrollment(app.ctx.db, { id: e.id, status: 'abgeschlossen', appliedOn: '2020-02-01', startDate: '2020-03-01', endDate: '2020-09-30' });
    expect(later.entry).toEqual(started.entry);
    const [listed] = await listEnrollments(app.ctx.db, { participantId: p.id });
    expect(listed!.entry).toEqual(started.entry);
  });

  it('are corrected only with a reason, which is stored and audited', async () => {
    const { e } = await interested();
    await expect(correctEntry(app.ctx.db, { id: e.id, communeId: pirna, reason: 'Wohnort war falsch erfasst' })).rejects.toMatchObject({ code: 'conflict' });
    await updateEnrollment(app.ctx.db, { id: e.id, status: 'aktiv', appliedOn: '2020-02-01', startDate: '2020-03-01' });
    await expect(correctEntry(app.ctx.db, { id: e.id, communeId: pirna, reason: ' ' })).rejects.toMatchObject({ name: 'ZodError' });
    const fixed = await correctEntry(app.ctx.db, { id: e.id, communeId: pirna, residenceStatus: 'Aufenthaltsgestattung', reason: 'Wohnort war falsch erfasst' });
    expect(fixed.entry).toMatchObject({ communeId: pirna, communeName: 'Pirna', residenceGroup: 'asyl', germanLevel: 'A2', correctedReason: 'Wohnort war falsch erfasst' });
    const log = await app.ctx.db.selectFrom('audit_log').select(['before', 'after', 'details']).where('action', '=', 'correct_entry').execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.details).toBe('Wohnort war falsch erfasst');
    expect(JSON.parse(log[0]!.before!)).toMatchObject({ communeId: dresden, residenceGroup: 'duldung' });
    expect(JSON.parse(log[0]!.after!)).toMatchObject({ communeId: pirna, residenceGroup: 'asyl' });
  });

  it('the characteristics of issue 14 are corrected too; a corrected nationality gets its code, the person stays', async () => {
    const { p, e } = await interested();
    await updateEnrollment(app.ctx.db, { id: e.id, status: 'aktiv', appliedOn: '2020-02-01', startDate: '2020-03-01' });
    const fixed = await correctEntry(app.ctx.db, {
      id: e.id,
      nationality: 'eritreisch',
      employmentStatus: 'langzeitarbeitslos',
      iscedGroup: 'isced_3_4',
      qualificationRecognition: 'beantragt',
      migrationBackground: true,
      arrivalInGermany: '2015-09-01',
      interpreterLanguage: ' Tigrinya ',
      childcareNeed: false,
      reason: 'Erstgespräch nachgetragen',
    });
    expect(fixed.entry).toMatchObject({
      nationality: 'Eritrea',
      nationalityCode: 'ER',
      employmentStatus: 'langzeitarbeitslos',
      iscedGroup: 'isced_3_4',
      qualificationRecognition: 'beantragt',
      migrationBackground: true,
      arrivalInGermany: '2015-09-01',
      interpreterLanguage: 'Tigrinya',
      childcareNeed: false,
      germanLevel: 'A2',
    });
    // left out = unchanged, null = keine Angabe; a text that names no country keeps its text with the code open
    const again = await correctEntry(app.ctx.db, { id: e.id, nationality: 'kurdisch', childcareNeed: null, reason: 'Angabe der Person' });
    expect(again.entry).toMatchObject({ nationality: 'kurdisch', nationalityCode: null, childcareNeed: null, employmentStatus: 'langzeitarbeitslos' });
    await expect(correctEntry(app.ctx.db, { id: e.id, arrivalInGermany: '2015-13-40', reason: 'Tippfehler' })).rejects.toMatchObject({ name: 'ZodError' });
    const person = await app.ctx.db.selectFrom('participants').select(['nationality_code', 'employment_status']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(person).toEqual({ nationality_code: 'SY', employment_status: null });
  });
});

describe('follow-ups', () => {
  it('fall due the follow-up months after exit, move with the program setting and keep the recorded result', async () => {
    const { e } = await interested();
    await updateEnrollment(app.ctx.db, { id: e.id, status: 'aktiv', appliedOn: '2020-02-01', startDate: '2020-03-01' });
    expect(await listFollowUps(app.ctx.db)).toEqual([]);
    await updateEnrollment(app.ctx.db, { id: e.id, status: 'abgeschlossen', appliedOn: '2020-02-01', startDate: '2020-03-01', endDate: '2020-08-31' });
    const [due] = await listFollowUps(app.ctx.db, { programId });
    // 31 August + 6 months runs past the end of February, as SQLite's date arithmetic (and the anchor rule) does
    expect(due).toMatchObject({ enrollmentId: e.id, exitDate: '2020-08-31', dueOn: '2021-03-03', checkedOn: null, lastName: 'Haddad' });
    await expect(recordFollowUp(app.ctx.db, { id: due!.id, checkedOn: '2020-08-30', resultKind: 'ausbildung', lasted: true })).rejects.toMatchObject({
      details: { fields: [{ path: 'checkedOn' }] },
    });
    await recordFollowUp(app.ctx.db, { id: due!.id, checkedOn: '2021-03-05', resultKind: 'ausbildung', lasted: true, notes: 'Telefonisch' });
    await updateProgram(app.ctx.db, programId, { name: 'Mentoren', startDate: '2020-01-01', hourlyRateCents: 0, followUpMonths: 12 });
    expect(await listFollowUps(app.ctx.db, { dueBy: '2021-08-31' })).toEqual([
      expect.objectContaining({ dueOn: '2021-08-31', checkedOn: '2021-03-05', resultKind: 'ausbildung', lasted: true, notes: 'Telefonisch' }),
    ]);
    expect(await listFollowUps(app.ctx.db, { openOnly: true })).toEqual([]);
    const audits = await app.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'follow_up').execute();
    expect(audits).toEqual([{ action: 'record_follow_up' }]);
  });
});
