import { sql, type Insertable, type Kysely } from 'kysely';
import type { ActivityKind, AttendanceStatus } from '../../../shared/domain/activities.js';
import type { ContactResult, FairOffer } from '../../../shared/domain/fairs.js';
import type { OutcomeKind } from '../../../shared/domain/outcomes.js';
import type { Database } from '../../db/schema.js';
import type { DemoStep } from '../demo/demo.seed.js';
import { anchorAll } from '../enrollments/anchor.service.js';
import { createEnrollment } from '../enrollments/enrollments.service.js';
import { listFollowUps, recordFollowUp } from '../outcomes/follow-ups.service.js';
import { insertPeople, type PlainPerson } from '../participants/insert-people.js';
import { addDays, addMonths, daysBetween, todayIso } from '../../../shared/domain/dates.js';

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

const modelStart = '2016-03-01';
const modelEnd = '2019-12-31';
/** months after exit in which results still count (the programs' default follow-up period) */
const followUpMonths = 6;

interface Span {
  enrollmentId: number;
  start: string;
  end: string;
}

type Rng = ReturnType<typeof rng>;

/** Whether a span covers a day; for outcomes the follow-up months after exit count too. */
const covers = (s: Span, day: string, afterExit = 0) => s.start <= day && day <= (afterExit ? addMonths(s.end, afterExit) : s.end);

/**
 * Enrollments in the model program through the enrollment service (eligibility, entry snapshot, follow-up):
 * entry between March 2016 and mid-2019, 12–30 months, all ended by the program's end; about one in six
 * people never enrols and only comes to fairs as a visitor.
 */
async function enrolInModel(db: Kysely<Database>, r: Rng, programId: number, personIds: number[]): Promise<Map<number, Span>> {
  const spans = new Map<number, Span>();
  const days = daysBetween(modelStart, '2019-06-30');
  for (const [i, participantId] of personIds.entries()) {
    if (i % 6 === 5) continue;
    const start = addDays(modelStart, r.int(0, days));
    const planned = addMonths(start, r.int(12, 30));
    const end = planned > modelEnd ? modelEnd : planned;
    const dropped = r.next() < 0.15;
    const e = await createEnrollment(db, {
      participantId,
      programId,
      status: dropped ? 'abgebrochen' : 'abgeschlossen',
      appliedOn: addDays(start, -r.int(7, 30)),
      startDate: start,
      endDate: end,
      exitReason: dropped ? r.pick(['Umzug in ein anderes Bundesland', 'Vollzeit-Sprachkurs begonnen', 'Familiäre Gründe']) : null,
    });
    spans.set(participantId, { enrollmentId: e.id, start, end });
  }
  return spans;
}

/** People enrolled on `day`, and some of those never enrolled (visitors), for a fair. */
function fairGuests(r: Rng, personIds: number[], spans: Map<number, Span>, day: string, wanted: number): number[] {
  const enrolled = personIds.filter((p) => spans.has(p) && covers(spans.get(p)!, day));
  const visitors = personIds.filter((p) => !spans.has(p));
  return [...r.sample(enrolled, Math.min(enrolled.length, wanted)), ...r.sample(visitors, r.int(2, 5))];
}

interface FairResult {
  registrations: number;
  contacts: number;
  applications: number;
  outcomes: Insertable<Database['outcomes']>[];
}

/** One fair of the model program: companies, registrations, check-ins, contacts and what came of them. */
async function seedFair(
  db: Kysely<Database>,
  r: Rng,
  ctx: { programId: number; companyIds: number[]; personIds: number[]; spans: Map<number, Span>; large: boolean },
  n: number,
  date: string,
): Promise<FairResult> {
  const { id: fairId } = await db
    .insertInto('fairs')
    .values({
      program_id: ctx.programId,
      title: `${n + 1}. Firmenkontaktbörse „Unternehmen trifft Bewerber/-in“`,
      date,
      venue: venues[n % venues.length]!,
      notes: '10:00 Begrüßung · 10:15 Vorstellung der Unternehmen · 11:00 Gespräche an den Ständen · 13:00 Ende',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const present = r.sample(ctx.companyIds, r.int(5, 8));
  await db
    .insertInto('fair_companies')
    .values(present.map((organisation_id) => ({ fair_id: fairId, organisation_id, offers: JSON.stringify(r.pick(offerSets)) })))
    .execute();
  const registered = fairGuests(r, ctx.personIds, ctx.spans, date, r.int(18, 34) * (ctx.large ? 2 : 1));
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
  // rows collected per fair and written in a few statements: the demo loads quickly even in large size
  const contactRows: { fair_id: number; participant_id: number; organisation_id: number; result: ContactResult }[] = [];
  const applicationRows: Insertable<Database['applications']>[] = [];
  const outcomes: Insertable<Database['outcomes']>[] = [];
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
      const day = addDays(date, r.int(30, 150));
      const span = ctx.spans.get(pid);
      // about two in three contracts become a reported result; only a participant's result can be recorded,
      // and only within the enrollment and its follow-up months
      if (kind && span && covers(span, day, followUpMonths) && r.next() < 0.67) {
        const qualified = kind === 'sv_beschaeftigung' && r.next() < 0.5 ? 1 : 0;
        outcomes.push({ participant_id: pid, program_id: ctx.programId, kind, qualified, date: day, organisation_id: org, source_fair_id: fairId });
      }
    }
  }
  for (let i = 0; i < contactRows.length; i += 200) await db.insertInto('fair_contacts').values(contactRows.slice(i, i + 200)).execute();
  for (let i = 0; i < applicationRows.length; i += 200) await db.insertInto('applications').values(applicationRows.slice(i, i + 200)).execute();
  return { registrations: registered.length, contacts: contactRows.length, applications: applicationRows.length, outcomes };
}

/** What became of participants who left without a result from a fair: recorded at exit (or a little after). */
function exitOutcomes(r: Rng, programId: number, spans: Map<number, Span>, withResult: Set<number>): Insertable<Database['outcomes']>[] {
  const kinds: OutcomeKind[] = ['sprachkurs', 'weiterbildung', 'einstiegsqualifizierung', 'minijob', 'schule', 'arbeitssuchend', 'sv_beschaeftigung', 'unbekannt'];
  const rows: Insertable<Database['outcomes']>[] = [];
  for (const [pid, span] of spans) {
    if (withResult.has(pid) || r.next() < 0.35) continue;
    const kind = r.pick(kinds);
    const qualified = kind === 'sv_beschaeftigung' && r.next() < 0.5 ? 1 : 0;
    rows.push({ participant_id: pid, program_id: programId, kind, qualified, date: addDays(span.end, r.int(0, 45)) });
  }
  return rows;
}

/** Seminars, coachings and excursions; attendance only of people enrolled on the day. */
async function seedSessions(
  db: Kysely<Database>,
  r: Rng,
  programId: number,
  spans: Map<number, Span>,
  dates: string[],
  exkursionTargets: number[],
): Promise<{ activities: number; attendance: number }> {
  let attendance = 0;
  for (const [i, date] of dates.entries()) {
    const kind: ActivityKind = i % 4 === 3 ? 'exkursion' : i % 4 === 2 ? 'coaching' : 'seminar';
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
    const enrolled = [...spans].filter(([, s]) => covers(s, date)).map(([pid]) => pid);
    const who = r.sample(enrolled, Math.min(enrolled.length, kind === 'coaching' ? 1 : r.int(8, 25)));
    if (who.length === 0) continue;
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
  return { activities: dates.length, attendance };
}

/** Session days: spread over the model program's years, or over the current program's recent months. */
function sessionDates(r: Rng, count: number, from: string, to: string): string[] {
  const days = daysBetween(from, to);
  return Array.from({ length: count }, () => addDays(from, r.int(0, days))).sort();
}

/** Enrollments of the current mentoring program as spans (open ones run to the demo's last day). */
async function currentSpans(db: Kysely<Database>, programId: number): Promise<Map<number, Span>> {
  const rows = await db
    .selectFrom('enrollments')
    .select(['id', 'participant_id', 'start_date', 'end_date'])
    .where('program_id', '=', programId)
    .where('status', '<>', 'interessiert')
    .where('start_date', 'is not', null)
    .execute();
  return new Map(rows.map((e) => [e.participant_id, { enrollmentId: e.id, start: e.start_date!, end: e.end_date ?? '2026-12-31' }]));
}

/**
 * A few people of the model program came back: they take part in the current program since 2026 (the e2e
 * seminar adds Haddad, Tesfaye and Karimi, who therefore need an enrollment there).
 */
async function returningPeople(db: Kysely<Database>, r: Rng, programId: number, personIds: number[], spans: Map<number, Span>): Promise<void> {
  for (const [i, participantId] of personIds.entries()) {
    if (!spans.has(participantId) || ![0, 2, 3].includes(i % lastNames.length)) continue;
    await createEnrollment(db, { participantId, programId, status: 'aktiv', appliedOn: '2026-01-12', startDate: addDays('2026-02-01', r.int(0, 60)) });
  }
}

/** Follow-ups of the model program (all due by 2020) were made: the situation six months after exit. */
async function recordModelFollowUps(db: Kysely<Database>, r: Rng, programId: number, outcomes: Insertable<Database['outcomes']>[]): Promise<number> {
  const lastKind = new Map(outcomes.map((o) => [o.participant_id, o.kind]));
  const due = await listFollowUps(db, { programId, openOnly: true });
  for (const f of due) {
    const kind = lastKind.get(f.participantId);
    const reached = r.next() < 0.85;
    await recordFollowUp(db, {
      id: f.id,
      checkedOn: f.dueOn,
      resultKind: !reached ? 'unbekannt' : (kind ?? r.pick(['arbeitssuchend', 'sprachkurs', 'minijob'] as const)),
      lasted: kind && reached ? r.next() < 0.8 : null,
      notes: reached ? 'Telefonisch nachgefragt' : 'Nicht erreicht',
    });
  }
  return due.length;
}

async function seedOrganisations(db: Kysely<Database>): Promise<{ companyIds: number[]; partnerIds: Record<string, number> }> {
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
  return { companyIds, partnerIds };
}

/** Fictional people: last names x first names, no two alike, birth dates 1975–2002, all living in Dresden. */
function modelPeople(r: Rng, count: number, dresden: number | null): PlainPerson[] {
  const people: PlainPerson[] = [];
  for (let i = 0; i < count; i++) {
    const woman = i % 3 === 1;
    const first = (woman ? firstNamesW : firstNamesM)[Math.floor(i / lastNames.length) % 15]!;
    people.push({
      lastName: lastNames[i % lastNames.length]!,
      firstName: first + (i >= lastNames.length * 15 ? ` ${Math.floor(i / (lastNames.length * 15)) + 1}` : ''),
      birthDate: `${r.int(1975, 2002)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      gender: woman ? 'w' : 'm',
      nationality: r.pick(nationalities),
      communeId: dresden,
      // refugees of 2016–2019: in the asylum procedure, tolerated, or recognised (§ 25 Abs. 2 AufenthG)
      residenceStatus: r.pick(['Aufenthaltsgestattung', 'AE § 25 Abs. 2', 'AE § 25 Abs. 2', 'Duldung']),
    });
  }
  return people;
}

/** Consent is given at the first appointment: the first fair or the entry, whichever came first. */
async function recordConsent(db: Kysely<Database>, personIds: number[]): Promise<void> {
  await sql`UPDATE participants SET consent_date = coalesce(
      (SELECT min(day) FROM (
        SELECT e.applied_on AS day FROM enrollments e WHERE e.participant_id = participants.id
        UNION ALL SELECT f.date FROM fair_registrations g JOIN fairs f ON f.id = g.fair_id WHERE g.participant_id = participants.id) AS days),
      '2016-03-01')
    WHERE id IN (${sql.join(personIds)})`.execute(db);
}

/**
 * The Arbeitsmarktmentoren network and history of the source text: companies and partners in Dresden; the model
 * program "Arbeitsmarktmentoren für Geflüchtete" 2016–2019 with its participants, ten firm contact fairs
 * "Unternehmen trifft Bewerber/-in" (participants and a few visitors without an enrollment), contacts and the
 * results credited back to them, seminars, coachings and excursions, results at exit and follow-ups; and a few
 * sessions of the current program in 2026. Records are linked to their enrollments by the anchor rule.
 */
export const mentoringDemoStep: DemoStep = async (db: Kysely<Database>, ctx) => {
  const r = rng(20161109);
  const { model, mentoring } = ctx.programIds;
  const { companyIds, partnerIds } = await seedOrganisations(db);
  const personIds = await insertPeople(db, modelPeople(r, ctx.size === 'large' ? 240 : 80, ctx.communeIds['Dresden'] ?? null));
  // German level at entry, so the report's breakdown has something to show (written before the enrollments)
  for (const id of personIds) {
    await db.updateTable('participants').set({ german_level: r.pick(['A1', 'A1', 'A2', 'A2', 'B1', null] as const) }).where('id', '=', id).execute();
  }
  const spans = await enrolInModel(db, r, model, personIds);

  let registrations = 0;
  let contacts = 0;
  let applications = 0;
  const outcomeRows: Insertable<Database['outcomes']>[] = [];
  for (const [n, date] of fairDates.entries()) {
    const f = await seedFair(db, r, { programId: model, companyIds, personIds, spans, large: ctx.size === 'large' }, n, date);
    registrations += f.registrations;
    contacts += f.contacts;
    applications += f.applications;
    outcomeRows.push(...f.outcomes);
  }
  outcomeRows.push(...exitOutcomes(r, model, spans, new Set(outcomeRows.map((o) => o.participant_id))));
  for (let i = 0; i < outcomeRows.length; i += 200) await db.insertInto('outcomes').values(outcomeRows.slice(i, i + 200)).execute();

  const exkursionTargets = [partnerIds['Ausbildungsmesse Dresden']!, ...companyIds.slice(0, 6)];
  const sessionCount = ctx.size === 'large' ? 86 : 32;
  const old = await seedSessions(db, r, model, spans, sessionDates(r, sessionCount, '2016-04-01', '2019-11-30'), exkursionTargets);
  await returningPeople(db, r, mentoring, personIds, spans);
  const current = await seedSessions(db, r, mentoring, await currentSpans(db, mentoring), sessionDates(r, 4, '2026-03-01', '2026-11-30'), exkursionTargets);

  // bulk rows take their enrollment by the one anchor rule (visitors' registrations and contacts stay unlinked)
  await anchorAll(db);
  await recordConsent(db, personIds);
  const followUps = await recordModelFollowUps(db, r, model, outcomeRows);

  return {
    organisations: companies.length + partners.length,
    fairs: fairDates.length,
    fairRegistrations: registrations,
    fairContacts: contacts,
    applications,
    outcomes: outcomeRows.length,
    activities: old.activities + current.activities,
    attendance: old.attendance + current.attendance,
    mentoringParticipants: personIds.length,
    followUps,
  };
};
