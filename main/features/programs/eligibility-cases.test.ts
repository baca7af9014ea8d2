import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantInput } from '../../../shared/domain/participants.js';
import { tempApp } from '../../test/temp-db.js';
import { listCommunes } from '../communes/communes.service.js';
import { seedDemo } from '../demo/demo.seed.js';
import { checkEligibility } from '../enrollments/enrollments.service.js';
import { createParticipant } from '../participants/participants.service.js';
import { listPrograms } from './programs.service.js';

/**
 * Issue 14 item 4: the cases a reviewer who knows the law named, decided by the two seed programs' rules as the
 * demo stores them, with the reason text a coordinator reads.
 */
let app: Awaited<ReturnType<typeof tempApp>>;
let communes: Record<string, number>;
let agh: number;
let mentoring: number;
let n = 0;

beforeAll(async () => {
  app = await tempApp();
  await seedDemo(app.ctx.db, 'small', []);
  communes = Object.fromEntries((await listCommunes(app.ctx.db)).map((c) => [c.name, c.id]));
  const programs = await listPrograms(app.ctx.db);
  agh = programs.find((p) => p.name === 'AGH Mittelsachsen')!.id;
  mentoring = programs.find((p) => p.name === 'Arbeitsmarktmentoren Dresden')!.id;
});
// one database for all cases: each case creates its own person
afterAll(async () => app.dispose());

const ON = '2026-11-24';

async function decide(programId: () => number, input: Partial<ParticipantInput> & { commune: string }) {
  const { commune, ...rest } = input;
  n += 1;
  const p = await createParticipant(app.ctx.db, { lastName: `Fall${n}`, firstName: 'Test', birthDate: '1995-04-02', communeId: communes[commune], ...rest });
  return checkEligibility(app.ctx.db, p.id, programId(), ON);
}

describe('Arbeitsmarktmentoren Dresden', () => {
  it('rule reads as issue 14 states it', async () => {
    const r = await decide(() => mentoring, { commune: 'Dresden', titles: [{ titleCode: 'gestattung' }] });
    expect(r.summary).toBe(
      'Wohnort Dresden ✓, (sucht oder hat Schutz (Aufenthaltsgestattung) ✓ oder (Migrationshintergrund unbekannt ✗, Ankunft in Sachsen unbekannt ✗ (höchstens 5 Jahre)))',
    );
    expect(r.eligible).toBe(true);
  });

  it('a student (§ 16b) is eligible only through migration background and at most 5 years in Saxony', async () => {
    const recent = await decide(() => mentoring, { commune: 'Dresden', residenceStatus: 'AE § 16b (Studium)', nationality: 'indisch', arrivalInSaxony: '2024-10-01' });
    expect(recent.eligible).toBe(true);
    expect(recent.reasons.map((x) => x.text)).toEqual([
      'Wohnort Dresden ✓',
      'kein Schutzstatus (Aufenthaltserlaubnis § 16b AufenthG (Studium)) ✗',
      'Migrationshintergrund ✓',
      'seit 2 Jahren in Sachsen ✓ (höchstens 5)',
    ]);
    const long = await decide(() => mentoring, { commune: 'Dresden', residenceStatus: 'AE § 16b (Studium)', nationality: 'indisch', arrivalInSaxony: '2019-10-01' });
    expect(long.eligible).toBe(false);
    expect(long.summary).toContain('kein Schutzstatus (Aufenthaltserlaubnis § 16b AufenthG (Studium)) ✗');
    expect(long.summary).toContain('seit 7 Jahren in Sachsen ✗ (höchstens 5)');
  });

  it('a recognised refugee who now holds a Niederlassungserlaubnis keeps protection and is eligible after many years', async () => {
    const r = await decide(() => mentoring, {
      commune: 'Dresden',
      nationality: 'syrisch',
      arrivalInSaxony: '2015-09-01',
      titles: [
        { titleCode: 'gestattung', validFrom: '2015-09-01', validUntil: '2016-05-31' },
        { titleCode: 'ae_25_2', validFrom: '2016-06-01', validUntil: '2021-05-31' },
        { titleCode: 'ne', validFrom: '2021-06-01' },
      ],
    });
    expect(r.eligible).toBe(true);
    expect(r.reasons[1]).toEqual({ ok: true, text: 'hat Schutz (früherer Titel; jetzt Niederlassungserlaubnis) ✓' });
  });

  it('a German moving from Bavaria is not eligible, however recent the move', async () => {
    const r = await decide(() => mentoring, { commune: 'Dresden', residenceStatus: 'deutsch', nationality: 'deutsch', migrationBackground: false, arrivalInSaxony: '2026-01-01' });
    expect(r.eligible).toBe(false);
    expect(r.reasons.map((x) => x.text)).toEqual([
      'Wohnort Dresden ✓',
      'kein Schutzstatus (Deutsche Staatsangehörigkeit) ✗',
      'kein Migrationshintergrund ✗',
      'seit weniger als 1 Jahr in Sachsen ✓ (höchstens 5)',
    ]);
  });

  it('a Ukrainian under temporary protection (§ 24) is eligible', async () => {
    const r = await decide(() => mentoring, { commune: 'Dresden', residenceStatus: 'Aufenthaltserlaubnis § 24 AufenthG', nationality: 'Ukraine', arrivalInSaxony: '2018-01-01' });
    expect(r.eligible).toBe(true);
    expect(r.reasons[1]!.text).toBe('sucht oder hat Schutz (Aufenthaltserlaubnis § 24 AufenthG (vorübergehender Schutz)) ✓');
  });

  it('somebody outside Dresden is not eligible', async () => {
    const r = await decide(() => mentoring, { commune: 'Freiberg', residenceStatus: 'Duldung' });
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]!.text).toBe('Wohnort Freiberg ✗ (erforderlich: Dresden)');
  });
});

describe('AGH Mittelsachsen', () => {
  const adult = { commune: 'Freiberg', employmentStatus: 'arbeitslos' as const, birthDate: '1990-01-01' };

  it('a tolerated, unemployed adult in Freiberg is eligible', async () => {
    const r = await decide(() => agh, { ...adult, residenceStatus: 'Duldung' });
    expect(r.eligible).toBe(true);
    expect(r.summary).toBe('Wohnort Freiberg ✓, leistungsberechtigt nach AsylbLG (Duldung) ✓, Erwerbsstatus arbeitslos ✓, Alter 36 ✓ (mindestens 18)');
  });

  it('a student (§ 16b) is not entitled under the AsylbLG', async () => {
    const r = await decide(() => agh, { ...adult, residenceStatus: 'AE § 16b (Studium)' });
    expect(r.eligible).toBe(false);
    expect(r.reasons[1]!.text).toBe('nicht leistungsberechtigt nach AsylbLG (Aufenthaltserlaubnis § 16b AufenthG (Studium)) ✗');
  });

  it('a recognised refugee with a Niederlassungserlaubnis is not entitled (SGB II)', async () => {
    const r = await decide(() => agh, { ...adult, residenceStatus: 'NE' });
    expect(r.eligible).toBe(false);
    expect(r.reasons[1]!.text).toBe('nicht leistungsberechtigt nach AsylbLG (Niederlassungserlaubnis) ✗');
  });

  it('a Ukrainian under § 24 is not entitled by the title, but can be by a decision recorded for the person', async () => {
    const r = await decide(() => agh, { ...adult, residenceStatus: 'Temporary protection (Ukraine)' });
    expect(r.eligible).toBe(false);
    expect(r.reasons[1]!.text).toBe('nicht leistungsberechtigt nach AsylbLG (Aufenthaltserlaubnis § 24 AufenthG (vorübergehender Schutz)) ✗');
    const decided = await decide(() => agh, { ...adult, residenceStatus: 'Temporary protection (Ukraine)', asylblgEntitled: true });
    expect(decided.eligible).toBe(true);
    expect(decided.reasons[1]!.text).toBe('leistungsberechtigt nach AsylbLG (bei der Person festgehalten) ✓');
  });

  it('a § 25 Abs. 5 holder is entitled; a person in work or under 18 is not; a German moving from Bavaria is not', async () => {
    expect((await decide(() => agh, { ...adult, residenceStatus: 'AE § 25 Abs. 5' })).eligible).toBe(true);
    const working = await decide(() => agh, { ...adult, residenceStatus: 'Gestattung', employmentStatus: 'erwerbstaetig' });
    expect(working.reasons[2]!.text).toBe('Erwerbsstatus erwerbstätig ✗ (erforderlich: arbeitslos, langzeitarbeitslos oder nicht erwerbstätig)');
    const young = await decide(() => agh, { ...adult, residenceStatus: 'Gestattung', birthDate: '2010-01-01' });
    expect(young.reasons[3]!.text).toBe('Alter 16 ✗ (mindestens 18)');
    const german = await decide(() => agh, { ...adult, residenceStatus: 'deutsch' });
    expect(german.reasons[1]!.text).toBe('nicht leistungsberechtigt nach AsylbLG (Deutsche Staatsangehörigkeit) ✗');
  });

  it('a Fiktionsbescheinigung continues the title before it', async () => {
    const r = await decide(() => agh, {
      ...adult,
      titles: [
        { titleCode: 'duldung', validFrom: '2024-01-01', validUntil: '2026-06-30' },
        { titleCode: 'fiktion', validFrom: '2026-07-01' },
      ],
    });
    expect(r.eligible).toBe(true);
    expect(r.reasons[1]!.text).toBe('leistungsberechtigt nach AsylbLG (Fiktionsbescheinigung) ✓');
  });

  it('an old value nobody has decided fails with what is missing', async () => {
    const r = await decide(() => agh, { ...adult, residenceStatus: 'Visum' });
    expect(r.eligible).toBe(false);
    expect(r.reasons[1]!.text).toBe('Leistungsberechtigung nach AsylbLG ungeklärt („Visum“ (nicht zugeordnet)) ✗ (bei der Person festhalten)');
  });
});
