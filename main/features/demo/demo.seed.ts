import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { createCommune } from '../communes/communes.service.js';
import { createProgram } from '../programs/programs.service.js';
import { aghRule as aghRuleOf, mentoringRule as mentoringRuleOf } from './demo-rules.js';

export type DemoSize = 'small' | 'large';

export interface DemoSeedResult {
  programs: number;
  communes: number;
  [key: string]: number;
}

/** Extra demo data registered by later features (participants, placements, fairs, ...), run in order. */
export type DemoStep = (db: Kysely<Database>, ctx: DemoContext) => Promise<Record<string, number>>;
export interface DemoContext {
  size: DemoSize;
  /** model = the earlier model program "Arbeitsmarktmentoren für Geflüchtete" 2016–2019, which held the fairs */
  programIds: { agh: number; mentoring: number; model: number };
  communeIds: Record<string, number>;
}

/**
 * The communes of the two source texts. AGS are given only where they are known for certain; the rest stay
 * empty rather than invented.
 */
const communes = [
  { name: 'Freiberg', district: 'Mittelsachsen', ags: '14522180' },
  { name: 'Frankenberg/Sa.', district: 'Mittelsachsen', ags: null },
  { name: 'Döbeln', district: 'Mittelsachsen', ags: '14522080' },
  { name: 'Mittweida', district: 'Mittelsachsen', ags: null },
  { name: 'Flöha', district: 'Mittelsachsen', ags: null },
  { name: 'Dresden', district: 'Kreisfreie Stadt Dresden', ags: '14612000' },
];

/**
 * A fictional but realistic data set for the source programs: AGH Mittelsachsen (five communes, three places
 * each, 0,80 €/h), Arbeitsmarktmentoren Dresden (from 2020) and its forerunner, the model program
 * "Arbeitsmarktmentoren für Geflüchtete" (2016–2019), which held the ten firm contact fairs. Every attendance,
 * fair registration of a participant, placement and outcome lies inside an enrollment (issue 13), so the checks
 * before a report find nothing. Later features add their parts through `steps`.
 */
export async function seedDemo(db: Kysely<Database>, size: DemoSize, steps: DemoStep[] = []): Promise<DemoSeedResult> {
  const existing = await db.selectFrom('programs').select('id').executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', 'Die Datenbank enthält schon Daten; Demodaten nur in eine neue Datenbank laden.', 'The database already holds data.');
  }
  const communeIds: Record<string, number> = {};
  for (const c of communes) communeIds[c.name] = (await createCommune(db, c)).id;
  const mittelsachsen = communes.filter((c) => c.district === 'Mittelsachsen').map((c) => communeIds[c.name]!);

  // AGH Mittelsachsen and Arbeitsmarktmentoren Dresden: the rules of demo-rules.ts (issue 14 item 4)
  const aghRule = aghRuleOf(mittelsachsen);
  const agh = await createProgram(db, {
    name: 'AGH Mittelsachsen',
    operator: 'Landkreis Mittelsachsen',
    funder: 'Fachkräfteallianz Mittelsachsen',
    fundingGuideline: 'Arbeitsgelegenheiten nach § 5 AsylbLG',
    grantReference: 'FKA-MS-2026-01',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    hourlyRateCents: 80,
    eligibilityRule: aghRule,
    communes: mittelsachsen.map((communeId) => ({ communeId, slots: 3 })),
    // the AGH aims at a job or training afterwards (Anschluss)
    successKinds: ['sv_beschaeftigung', 'ausbildung', 'einstiegsqualifizierung'],
    targets: [
      { key: 'participants', planned: 40 },
      { key: 'aghPeople', planned: 15 },
    ],
  });

  const mentoringRule = mentoringRuleOf(communeIds['Dresden']!);
  const mentoring = await createProgram(db, {
    name: 'Arbeitsmarktmentoren Dresden',
    operator: 'ARBEIT UND LEBEN Sachsen e.V.',
    funder: 'Sächsisches Staatsministerium für Wirtschaft, Arbeit und Verkehr (SMWA)',
    fundingGuideline: 'Richtlinie zur Förderung von regionalen und übergreifenden Projekten zur Fachkräftesicherung',
    grantReference: 'SMWA-FKS-2020-DD',
    startDate: '2020-01-01',
    endDate: null,
    hourlyRateCents: 0,
    eligibilityRule: mentoringRule,
    communes: [{ communeId: communeIds['Dresden']!, slots: 0 }],
    targets: [
      { key: 'participants', planned: 60 },
      { key: 'success', planned: 15 },
      { key: 'employersSupported', planned: 40 },
      { key: 'fairs', planned: 4 },
    ],
  });

  // the forerunner in Dresden, same operator: people seeking or holding protection who live in Dresden
  const model = await createProgram(db, {
    name: 'Arbeitsmarktmentoren für Geflüchtete',
    operator: 'ARBEIT UND LEBEN Sachsen e.V.',
    funder: 'Sächsisches Staatsministerium für Wirtschaft, Arbeit und Verkehr (SMWA)',
    fundingGuideline: 'Modellprojekt Arbeitsmarktmentoren für Geflüchtete',
    grantReference: 'SMWA-AMM-2016-DD',
    startDate: '2016-01-01',
    endDate: '2019-12-31',
    hourlyRateCents: 0,
    eligibilityRule: {
      op: 'and',
      items: [{ kind: 'residenceCommune', communeIds: [communeIds['Dresden']!] }, { kind: 'seekingProtection' }],
    },
    communes: [{ communeId: communeIds['Dresden']!, slots: 0 }],
    targets: [
      { key: 'participants', planned: 60 },
      { key: 'success', planned: 10 },
      { key: 'employersSupported', planned: 16 },
      { key: 'fairs', planned: 10 },
      { key: 'activitySessions', planned: 30 },
    ],
  });

  const result: DemoSeedResult = { programs: 3, communes: communes.length };
  const ctx: DemoContext = { size, programIds: { agh: agh.id, mentoring: mentoring.id, model: model.id }, communeIds };
  for (const step of steps) Object.assign(result, await step(db, ctx));
  // several steps create people (the mentoring step adds its own): report the people the database now holds
  const people = await db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  result.participants = Number(people.n);
  return result;
}
