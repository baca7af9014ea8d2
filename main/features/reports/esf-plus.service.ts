import type { Kysely } from 'kysely';
import type { EsfPlusIndicator, FiguresQuery } from '../../../shared/domain/reports.js';
import { isThirdCountry } from '../../../shared/rules/countries.js';
import type { Database } from '../../db/schema.js';
import { enrollmentStateWhere } from '../dashboard/figures.service.js';

type Db = Kysely<Database>;

/** What one entry contributes: the characteristics of the snapshot taken at the start (issue 13/14). */
interface Entry {
  participantId: number;
  startDate: string;
  id: number;
  gender: string | null;
  birthYear: number | null;
  employment: string | null;
  isced: string | null;
  nationalityCode: string | null;
  migrationBackground: number | null;
}

/**
 * The ESF Plus common output indicators on participants (Regulation (EU) 2021/1057, Annex I) for the people who
 * entered the program in the period, each person once with the snapshot of their latest entry of the period —
 * the same people as "Eintritte" of the figures. Everything comes from the entry snapshots, so the sheet does not
 * change when a person's data changes later. Disability and homelessness are not recorded by Lotse (Art. 9 data
 * stays off unless a program switches it on, and then only as notes): the sheet says so instead of counting 0.
 */
export async function esfPlusIndicators(db: Db, q: FiguresQuery): Promise<EsfPlusIndicator[]> {
  const rows = await db
    .selectFrom('enrollments as e')
    .select([
      'e.participant_id as participantId',
      'e.start_date as startDate',
      'e.id as id',
      'e.entry_gender as gender',
      'e.entry_birth_year as birthYear',
      'e.entry_employment_status as employment',
      'e.entry_isced_group as isced',
      'e.entry_nationality_code as nationalityCode',
      'e.entry_migration_background as migrationBackground',
    ])
    .where(enrollmentStateWhere(q, 'entered'))
    .execute();
  return indicatorsOf(latestPerPerson(rows as Entry[]));
}

/** Each person once: the entry that started last (the higher id on the same day), as the figures pick it. */
function latestPerPerson(rows: Entry[]): Entry[] {
  const byPerson = new Map<number, Entry>();
  for (const r of rows) {
    const seen = byPerson.get(r.participantId);
    if (!seen || r.startDate > seen.startDate || (r.startDate === seen.startDate && Number(r.id) > Number(seen.id))) byPerson.set(r.participantId, r);
  }
  return [...byPerson.values()];
}

const notRecorded = 'wird in Lotse nicht erfasst';

function indicatorsOf(entries: Entry[]): EsfPlusIndicator[] {
  const count = (test: (e: Entry) => boolean) => entries.filter(test).length;
  const age = (e: Entry) => (e.birthYear === null ? null : Number(e.startDate.slice(0, 4)) - Number(e.birthYear));
  const line = (group: string, label: string, test: (e: Entry) => boolean, note: string | null = null): EsfPlusIndicator => ({ group, label, count: count(test), note });
  const foreign = (e: Entry) =>
    e.migrationBackground !== null ? Number(e.migrationBackground) === 1 : e.nationalityCode !== null && e.nationalityCode !== 'DE' && e.nationalityCode !== 'XX';
  return [
    line('Teilnehmende', 'Eintritte im Zeitraum (je Person einmal)', () => true),
    line('Geschlecht', 'Frauen', (e) => e.gender === 'w'),
    line('Geschlecht', 'Männer', (e) => e.gender === 'm'),
    line('Geschlecht', 'Nichtbinär (divers)', (e) => e.gender === 'd'),
    line('Geschlecht', 'keine Angabe', (e) => e.gender === null),
    line('Alter bei Eintritt', 'unter 18 Jahre', (e) => (age(e) ?? 99) < 18),
    line('Alter bei Eintritt', '18 bis 29 Jahre', (e) => {
      const a = age(e);
      return a !== null && a >= 18 && a <= 29;
    }),
    line('Alter bei Eintritt', '55 Jahre und älter', (e) => (age(e) ?? 0) >= 55),
    line('Alter bei Eintritt', 'keine Angabe', (e) => age(e) === null),
    line('Erwerbsstatus bei Eintritt', 'Arbeitslose, einschließlich Langzeitarbeitslose', (e) => e.employment === 'arbeitslos' || e.employment === 'langzeitarbeitslos'),
    line('Erwerbsstatus bei Eintritt', 'Langzeitarbeitslose', (e) => e.employment === 'langzeitarbeitslos'),
    line('Erwerbsstatus bei Eintritt', 'Nichterwerbstätige', (e) => e.employment === 'nicht_erwerbstaetig' || e.employment === 'ausbildung_schule', 'einschließlich Personen in Ausbildung/Schule'),
    line('Erwerbsstatus bei Eintritt', 'Erwerbstätige, einschließlich Selbstständige', (e) => e.employment === 'erwerbstaetig'),
    line('Erwerbsstatus bei Eintritt', 'keine Angabe', (e) => e.employment === null),
    line('Bildungsniveau bei Eintritt', 'ISCED 0–2', (e) => e.isced === 'isced_0_2'),
    line('Bildungsniveau bei Eintritt', 'ISCED 3–4', (e) => e.isced === 'isced_3_4'),
    line('Bildungsniveau bei Eintritt', 'ISCED 5–8', (e) => e.isced === 'isced_5_8'),
    line('Bildungsniveau bei Eintritt', 'keine Angabe', (e) => e.isced === null),
    line('Weitere Merkmale', 'Drittstaatsangehörige', (e) => isThirdCountry(e.nationalityCode) === true, 'nicht EU/EWR/Schweiz; Staatenlose eingeschlossen'),
    line('Weitere Merkmale', 'Staatsangehörigkeit ungeklärt oder keine Angabe', (e) => isThirdCountry(e.nationalityCode) === null),
    line('Weitere Merkmale', 'Teilnehmende mit ausländischer Herkunft', foreign, 'Migrationshintergrund laut Angabe, sonst aus einer ausländischen Staatsangehörigkeit'),
    { group: 'Weitere Merkmale', label: 'Teilnehmende mit Behinderungen', count: null, note: notRecorded },
    { group: 'Weitere Merkmale', label: 'Obdachlose oder von Ausgrenzung auf dem Wohnungsmarkt Betroffene', count: null, note: notRecorded },
  ];
}
