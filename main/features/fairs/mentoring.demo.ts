import type { Insertable, Kysely } from 'kysely';
import type { ActivityKind, AttendanceStatus } from '../../../shared/domain/activities.js';
import type { ContactResult, FairOffer } from '../../../shared/domain/fairs.js';
import type { OutcomeKind } from '../../../shared/domain/outcomes.js';
import { todayIso } from '../../../shared/domain/common.js';
import type { Database } from '../../db/schema.js';
import type { DemoStep } from '../demo/demo.seed.js';
import { insertPeople, type PlainPerson } from '../participants/insert-people.js';

/** Deterministic pseudo-random numbers: the same demo every time, so screenshots and reports are reproducible. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    sample: <T>(xs: readonly T[], n: number): T[] => {
      const copy = [...xs];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, n);
    },
  };
}

// fictional companies; the partners are the public bodies of the source text's network
const companies: { name: string; sector: string; size: string; contact: string }[] = [
  { name: 'Elbtal Bau GmbH', sector: 'Bau', size: '50-249', contact: 'Frau Lehmann' },
  { name: 'Pflegedienst Sonnenschein', sector: 'Pflege', size: '10-49', contact: 'Herr Krause' },
  { name: 'Backstube Neustadt', sector: 'Lebensmittelhandwerk', size: '10-49', contact: 'Frau Berger' },
  { name: 'Dresdner Logistik Service GmbH', sector: 'Logistik', size: '250+', contact: 'Herr Vogel' },
  { name: 'Hotel Elbblick', sector: 'Gastronomie und Hotellerie', size: '50-249', contact: 'Frau Seidel' },
  { name: 'Elektro Neumann GmbH', sector: 'Elektrohandwerk', size: '10-49', contact: 'Herr Neumann' },
  { name: 'Autohaus Am Blauen Wunder', sector: 'Kfz', size: '50-249', contact: 'Herr Schubert' },
  { name: 'Blitzblank Gebäudedienste', sector: 'Gebäudereinigung', size: '250+', contact: 'Frau Hoffmann' },
  { name: 'Malerbetrieb Farbenfroh', sector: 'Malerhandwerk', size: '1-9', contact: 'Herr Wolf' },
  { name: 'Seniorenresidenz Am Großen Garten', sector: 'Pflege', size: '50-249', contact: 'Frau Zimmermann' },
  { name: 'Metallbau Striesen GmbH', sector: 'Metall', size: '10-49', contact: 'Herr Richter' },
  { name: 'Frischemarkt Sachsen KG', sector: 'Einzelhandel', size: '250+', contact: 'Frau Schulze' },
  { name: 'Gartenbau Grünes Elbtal', sector: 'Garten- und Landschaftsbau', size: '10-49', contact: 'Herr Fischer' },
  { name: 'Kantinenservice Dresden', sector: 'Gastronomie und Hotellerie', size: '50-249', contact: 'Frau Wagner' },
  { name: 'IT-Werkstatt Pieschen', sector: 'IT', size: '1-9', contact: 'Herr Braun' },
  { name: 'Sanitär Hahn & Söhne', sector: 'Sanitär-Heizung-Klima', size: '10-49', contact: 'Herr Hahn' },
];
const partners: { name: string; type: string }[] = [
  { name: 'Jobcenter Dresden', type: 'Jobcenter' },
  { name: 'Agentur für Arbeit Dresden', type: 'Agentur für Arbeit' },
  { name: 'Ausländerbehörde Dresden', type: 'Ausländerbehörde' },
  { name: 'IHK Dresden', type: 'IHK' },
  { name: 'Handwerkskammer Dresden', type: 'HWK' },
  { name: 'Sozialamt Dresden', type: 'Sozialamt' },
  { name: 'Flüchtlingssozialarbeit Dresden-Johannstadt', type: 'Flüchtlingssozialarbeit' },
  { name: 'Ausbildungsmesse Dresden', type: 'Bildungsträger' },
];

const fairDates = ['2016-11-09', '2017-04-05', '2017-10-11', '2018-03-14', '2018-06-13', '2018-10-10', '2019-03-13', '2019-05-15', '2019-09-11', '2019-11-13'];
const venues = ['Kulturrathaus Dresden', 'Stadtteilhaus Prohlis', 'Volkshochschule Dresden, Annenstraße', 'Rathaus Dresden, Plenarsaal'];

const lastNames = ['Haddad', 'Al-Hassan', 'Tesfaye', 'Karimi', 'Rahimi', 'Osman', 'Yilmaz', 'Ahmadi', 'Mohammadi', 'Hussein', 'Abdi', 'Nasser', 'Sultani', 'Bakr', 'Ibrahim', 'Haile', 'Mahmoud', 'Jafari', 'Darwish', 'Kebede', 'Saleh', 'Hamdan', 'Nouri', 'Azizi', 'Barakat', 'Mansour', 'Qasemi', 'Tekle', 'Yusuf', 'Hakimi'];
const firstNamesM = ['Samir', 'Rami', 'Dawit', 'Omid', 'Ali', 'Yonas', 'Ahmad', 'Hamid', 'Mustafa', 'Karim', 'Bilal', 'Tarek', 'Reza', 'Khaled', 'Nabil'];
const firstNamesW = ['Amina', 'Leyla', 'Sara', 'Mariam', 'Hanan', 'Fatima', 'Selam', 'Zahra', 'Noor', 'Rana', 'Dina', 'Huda', 'Shirin', 'Layla', 'Yasmin'];
const nationalities = ['Syrien', 'Afghanistan', 'Eritrea', 'Irak', 'Iran', 'Somalia', 'Äthiopien', 'Libyen'];

const seminars = ['Bewerbungstraining', 'Das duale Ausbildungssystem', 'Arbeitsrecht in Deutschland', 'Lebenslauf und Anschreiben', 'Vorstellungsgespräch üben', 'Berufsorientierung Pflege', 'Berufsorientierung Handwerk', 'Anerkennung ausländischer Abschlüsse'];
const mentors = ['Frau Keller', 'Herr Günther', 'Frau Arnold', 'Herr Pohl'];

const offerSets: FairOffer[][] = [['ausbildung'], ['ausbildung', 'praktikum'], ['helfer'], ['fachkraft', 'helfer'], ['praktikum'], ['ausbildung', 'fachkraft']];
const resultWeights: [ContactResult, number][] = [
  ['gespraech', 55],
  ['einladung', 18],
  ['probetag', 10],
  ['praktikum', 9],
  ['ausbildungsvertrag', 5],
  ['arbeitsvertrag', 3],
];
const outcomeFor: Partial<Record<ContactResult, OutcomeKind>> = {
  praktikum: 'praktikum',
  ausbildungsvertrag: 'ausbildung',
  arbeitsvertrag: 'sv_beschaeftigung',
};

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The Arbeitsmarktmentoren network and history of the source text: companies and partners in Dresden, ten firm
 * contact fairs "Unternehmen trifft Bewerber/-in" 2016–2019 with companies, registrations, check-ins, contacts
 * and the results credited back to them, plus seminars, coachings and excursions with attendance.
 */
export const mentoringDemoStep: DemoStep = async (db: Kysely<Database>, ctx) => {
  const r = rng(20161109);
  const programId = ctx.programIds.mentoring;
  const dresden = ctx.communeIds['Dresden'] ?? null;

  const companyIds: number[] = [];
  for (const c of companies) {
    const { id } = await db
      .insertInto('organisations')
      .values({ kind: 'company', name: c.name, sector: c.sector, city: 'Dresden', contact_person: c.contact, size: c.size })
      .returning('id')
      .executeTakeFirstOrThrow();
    companyIds.push(id);
  }
  const partnerIds: Record<string, number> = {};
  for (const p of partners) {
    const { id } = await db
      .insertInto('organisations')
      .values({ kind: 'partner', name: p.name, partner_type: p.type, city: 'Dresden' })
      .returning('id')
      .executeTakeFirstOrThrow();
    partnerIds[p.name] = id;
  }

  // fictional people: last names x first names, no two alike, birth dates spread over 1975–2002
  const peopleCount = ctx.size === 'large' ? 240 : 80;
  const people: PlainPerson[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const woman = i % 3 === 1;
    const first = (woman ? firstNamesW : firstNamesM)[Math.floor(i / lastNames.length) % 15]!;
    people.push({
      lastName: lastNames[i % lastNames.length]!,
      firstName: first + (i >= lastNames.length * 15 ? ` ${Math.floor(i / (lastNames.length * 15)) + 1}` : ''),
      birthDate: `${r.int(1975, 2002)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      gender: woman ? 'w' : 'm',
      nationality: r.pick(nationalities),
      communeId: dresden,
    });
  }
  const personIds = await insertPeople(db, people);

  let registrations = 0;
  let contacts = 0;
  let outcomes = 0;
  let applications = 0;
  const fairIds: number[] = [];
  for (const [n, date] of fairDates.entries()) {
    const { id: fairId } = await db
      .insertInto('fairs')
      .values({
        program_id: programId,
        title: `${n + 1}. Firmenkontaktbörse „Unternehmen trifft Bewerber/-in“`,
        date,
        venue: venues[n % venues.length]!,
        notes: '10:00 Begrüßung · 10:15 Vorstellung der Unternehmen · 11:00 Gespräche an den Ständen · 13:00 Ende',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fairIds.push(fairId);
    const present = r.sample(companyIds, r.int(5, 8));
    await db
      .insertInto('fair_companies')
      .values(present.map((organisation_id) => ({ fair_id: fairId, organisation_id, offers: JSON.stringify(r.pick(offerSets)) })))
      .execute();
    const registered = r.sample(personIds, Math.min(personIds.length, r.int(18, 34) * (ctx.size === 'large' ? 2 : 1)));
    const checkedIn = new Set(registered.filter(() => r.next() < 0.78));
    await db
      .insertInto('fair_registrations')
      .values(
        registered.map((participant_id) => ({
          fair_id: fairId,
          participant_id,
          checked_in_at: checkedIn.has(participant_id) ? `${date}T${String(r.int(9, 11)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z` : null,
        })),
      )
      .execute();
    registrations += registered.length;
    // rows collected per fair and written in a few statements: the demo loads quickly even in large size
    const contactRows: { fair_id: number; participant_id: number; organisation_id: number; result: ContactResult }[] = [];
    const applicationRows: Insertable<Database['applications']>[] = [];
    const outcomeRows: Insertable<Database['outcomes']>[] = [];
    for (const pid of checkedIn) {
      for (const org of r.sample(present, r.int(1, 3))) {
        let roll = r.next() * 100;
        const result = resultWeights.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'gespraech';
        contactRows.push({ fair_id: fairId, participant_id: pid, organisation_id: org, result });
        if (result === 'einladung' || result === 'probetag') {
          applicationRows.push({
            participant_id: pid,
            organisation_id: org,
            applied_on: addDays(date, r.int(3, 20)),
            status: r.pick(['versendet', 'einladung', 'absage', 'zusage'] as const),
            fair_id: fairId,
            position: result === 'probetag' ? 'Helfer/-in' : 'Auszubildende/r',
          });
        }
        const kind = outcomeFor[result];
        // not every contract offered at a fair is taken up; about two in three become a reported result
        if (kind && r.next() < 0.67) {
          outcomeRows.push({ participant_id: pid, program_id: programId, kind, date: addDays(date, r.int(30, 150)), organisation_id: org, source_fair_id: fairId });
        }
      }
    }
    for (let i = 0; i < contactRows.length; i += 200) await db.insertInto('fair_contacts').values(contactRows.slice(i, i + 200)).execute();
    for (let i = 0; i < applicationRows.length; i += 200) await db.insertInto('applications').values(applicationRows.slice(i, i + 200)).execute();
    for (let i = 0; i < outcomeRows.length; i += 200) await db.insertInto('outcomes').values(outcomeRows.slice(i, i + 200)).execute();
    contacts += contactRows.length;
    applications += applicationRows.length;
    outcomes += outcomeRows.length;
  }

  // seminars, coachings, excursions: 2016–2019 and a few of the current program year
  let activities = 0;
  let attendance = 0;
  const sessionCount = ctx.size === 'large' ? 90 : 36;
  const exkursionTargets = [partnerIds['Ausbildungsmesse Dresden']!, ...companyIds.slice(0, 6)];
  for (let i = 0; i < sessionCount; i++) {
    const kind: ActivityKind = i % 4 === 3 ? 'exkursion' : i % 4 === 2 ? 'coaching' : 'seminar';
    const year = i < sessionCount - 4 ? 2016 + (i % 4) : 2026;
    const date = `${year}-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const organisationId = kind === 'exkursion' ? r.pick(exkursionTargets) : null;
    const title =
      kind === 'seminar' ? r.pick(seminars) : kind === 'coaching' ? 'Einzelcoaching Bewerbung' : organisationId === exkursionTargets[0] ? 'Besuch der Ausbildungsmesse' : 'Betriebsbesichtigung';
    const { id } = await db
      .insertInto('activities')
      .values({
        program_id: programId,
        kind,
        title,
        date,
        duration_minutes: kind === 'coaching' ? 60 : kind === 'exkursion' ? 240 : 180,
        place: kind === 'exkursion' ? null : 'Projektbüro Dresden',
        mentor: r.pick(mentors),
        organisation_id: organisationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    activities++;
    const who = r.sample(personIds, kind === 'coaching' ? 1 : r.int(8, 25));
    const past = date < todayIso();
    await db
      .insertInto('attendance')
      .values(
        who.map((participant_id) => {
          const roll = r.next();
          const status: AttendanceStatus = !past ? 'angemeldet' : roll < 0.8 ? 'anwesend' : roll < 0.92 ? 'entschuldigt' : 'unentschuldigt';
          return { activity_id: id, participant_id, status };
        }),
      )
      .execute();
    attendance += who.length;
  }

  return {
    organisations: companies.length + partners.length,
    fairs: fairIds.length,
    fairRegistrations: registrations,
    fairContacts: contacts,
    applications,
    outcomes,
    activities,
    attendance,
    mentoringParticipants: personIds.length,
  };
};
