import type { Kysely } from 'kysely';
import { derivedColumns } from '../participants/participants.service.js';
import type { Database } from '../../db/schema.js';
import { anchorAll } from '../enrollments/anchor.service.js';
import { takeEntrySnapshots } from '../enrollments/entry.sql.js';

/**
 * A seeded, deterministic data set written with direct inserts (the feature services that normally write these
 * tables are built elsewhere). The returned records let a test count independently of the SQL under test.
 * Records are anchored as the services would do it: attendance, placements and outcomes only inside an
 * enrollment; fair registrations of people without one are visitors. At the end the entry snapshots are taken and
 * every record is linked by the one anchor rule (anchor.service.ts).
 */

type Db = Kysely<Database>;

/** Small deterministic PRNG (mulberry32), so every run seeds the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededPerson {
  id: number;
  firstName: string;
  lastName: string;
  gender: 'w' | 'm' | 'd' | null;
  birthDate: string | null;
  birthYear: number | null;
  nationality: string | null;
  communeId: number | null;
  residenceStatus: string | null;
  germanLevel: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | null;
  consentSuccessStory: boolean;
  consentWithdrawnOn: string | null;
}
export interface SeededEnrollment {
  id: number;
  participantId: number;
  programId: number;
  status: 'interessiert' | 'aktiv' | 'abgeschlossen' | 'abgebrochen';
  startDate: string | null;
  endDate: string | null;
}
export interface SeededOutcome {
  id: number;
  participantId: number;
  programId: number;
  kind: string;
  qualified: boolean;
  date: string;
  fairId: number | null;
}
export interface SeededPlacement {
  id: number;
  participantId: number;
  communeId: number;
  startDate: string;
  endDate: string | null;
  status: 'wartend' | 'aktiv' | 'beendet' | 'abgebrochen';
  rateCents: number;
}
export interface SeededHours {
  placementId: number;
  workDate: string;
  hoursX100: number;
}

export interface Seeded {
  programId: number;
  otherProgramId: number;
  communes: Array<{ id: number; name: string; slots: number }>;
  people: SeededPerson[];
  enrollments: SeededEnrollment[];
  outcomes: SeededOutcome[];
  placements: SeededPlacement[];
  hours: SeededHours[];
  fairIds: number[];
}

const firstNames = ['Amina', 'Omar', 'Fatima', 'Yusuf', 'Layla', 'Karim', 'Sara', 'Ali', 'Mariam', 'Hassan'];
const lastNames = ['Al-Hassan', 'Haddad', 'Nasser', 'Rahimi', 'Müller', 'Öztürk', 'Saleh', 'Yilmaz'];
const nationalities = ['syrisch', 'afghanisch', 'eritreisch', 'irakisch', null];
const statuses = ['Aufenthaltsgestattung', 'Duldung', 'Aufenthaltserlaubnis', null];
const levels = ['A1', 'A2', 'B1', 'B2', null] as const;
const outcomeKinds = ['sv_beschaeftigung', 'minijob', 'ausbildung', 'einstiegsqualifizierung', 'praktikum', 'sprachkurs', 'arbeitssuchend', 'unbekannt'];

const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (r: () => number, fromYear: number, years: number) =>
  `${fromYear + Math.floor(r() * years)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Seeds `n` people over two programs; the first program is the one under test. */
export async function seedFigures(db: Db, n = 200, seed = 7): Promise<Seeded> {
  const r = rng(seed);
  const communes: Seeded['communes'] = [];
  for (const [name, slots] of [['Freiberg', 3], ['Döbeln', 3], ['Flöha', 2]] as const) {
    const c = await db.insertInto('communes').values({ name, district: 'Mittelsachsen' }).returning('id').executeTakeFirstOrThrow();
    communes.push({ id: c.id, name, slots });
  }
  const program = await db
    .insertInto('programs')
    .values({ name: 'AGH Test', start_date: '2025-01-01', end_date: '2027-12-31', hourly_rate_cents: 80, eligibility_rule: '{"op":"and","items":[]}', operator: 'Landkreis Test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const other = await db
    .insertInto('programs')
    .values({ name: 'Anderes Programm', start_date: '2025-01-01', hourly_rate_cents: 80, eligibility_rule: '{"op":"and","items":[]}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [key, planned] of [['participants', 150], ['success', 20], ['aghPeople', 15]] as const) {
    await db.insertInto('program_targets').values({ program_id: program.id, key, planned }).execute();
  }
  for (const c of communes.slice(0, 2)) {
    await db.insertInto('program_communes').values({ program_id: program.id, commune_id: c.id, slots: c.slots }).execute();
  }

  const orgIds: number[] = [];
  for (let i = 0; i < 6; i++) {
    const o = await db
      .insertInto('organisations')
      .values({
        kind: i < 4 ? 'company' : 'partner',
        name: i === 0 ? '=HYPERLINK("http://x")' : `Organisation ${i}`,
        sector: i < 4 ? pick(r, ['Handwerk', 'Pflege', null]) : null,
        partner_type: i >= 4 ? 'Jobcenter' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgIds.push(o.id);
  }

  const people: SeededPerson[] = [];
  const enrollments: SeededEnrollment[] = [];
  for (let i = 0; i < n; i++) {
    const firstName = pick(r, firstNames);
    const lastName = pick(r, lastNames);
    const dob = r() < 0.85 ? dateIn(r, 1960, 50) : null;
    const birthYear = dob ? null : r() < 0.5 ? 1990 + Math.floor(r() * 20) : null;
    const person = {
      firstName,
      lastName,
      gender: pick(r, ['w', 'm', 'd', null] as const),
      birthDate: dob,
      birthYear,
      nationality: pick(r, nationalities),
      communeId: r() < 0.9 ? pick(r, communes).id : null,
      residenceStatus: pick(r, statuses),
      germanLevel: pick(r, levels),
      consentSuccessStory: r() < 0.3,
      consentWithdrawnOn: r() < 0.1 ? '2026-05-01' : null,
    };
    const keys = derivedColumns({ lastName, firstName, birthDate: dob, caseNumber: null });
    const row = await db
      .insertInto('participants')
      .values({
        first_name: firstName,
        last_name: lastName,
        birth_date: dob,
        birth_year: birthYear,
        gender: person.gender,
        nationality: person.nationality,
        commune_id: person.communeId,
        residence_status: person.residenceStatus,
        german_level: person.germanLevel,
        consent_date: i % 10 === 3 ? null : '2025-01-01',
        consent_success_story: person.consentSuccessStory ? 1 : 0,
        consent_withdrawn_on: person.consentWithdrawnOn,
        // the keys as every write derives them (birth_year above may stand without a birth date)
        name_key: keys.name_key,
        search_text: keys.search_text,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    people.push({ id: row.id, ...person });

    // one or two enrollments, some in the other program, some only "interessiert"
    const count = r() < 0.15 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const programId = r() < 0.8 ? program.id : other.id;
      const status = pick(r, ['interessiert', 'aktiv', 'aktiv', 'abgeschlossen', 'abgebrochen'] as const);
      const start = status === 'interessiert' && r() < 0.5 ? null : dateIn(r, 2025, 2);
      let end: string | null = null;
      if (start && (status === 'abgeschlossen' || status === 'abgebrochen' || r() < 0.1)) {
        end = dateIn(r, 2025, 3);
        if (end < start) end = start;
      }
      const override = r() < 0.05 ? 'Einzelfallentscheidung' : null;
      const en = await db
        .insertInto('enrollments')
        .values({ participant_id: row.id, program_id: programId, status, start_date: start, end_date: end, eligible: override ? 0 : 1, override_reason: override })
        .returning('id')
        .executeTakeFirstOrThrow();
      enrollments.push({ id: en.id, participantId: row.id, programId, status, startDate: start, endDate: end });
    }
  }

  // placements and hours for some people enrolled in the program
  const placements: SeededPlacement[] = [];
  const hours: SeededHours[] = [];
  // a placement needs an active enrollment with a start date, and starts inside it
  const open = enrollments.filter((e) => e.programId === program.id && e.status === 'aktiv' && e.startDate !== null && e.endDate === null);
  for (const e of open.filter(() => r() < 0.6).map((x) => ({ id: x.id, participant_id: x.participantId, startDate: x.startDate! }))) {
    const drawn = dateIn(r, 2026, 1);
    const start = drawn < e.startDate ? e.startDate : drawn;
    const status = pick(r, ['wartend', 'aktiv', 'aktiv', 'beendet', 'abgebrochen'] as const);
    const endDate = status === 'beendet' || status === 'abgebrochen' ? (dateIn(r, 2026, 1) < start ? start : dateIn(r, 2026, 1)) : null;
    const fixedEnd = endDate !== null && endDate < start ? start : endDate;
    const communeId = pick(r, communes).id;
    const rateCents = r() < 0.8 ? 80 : 105;
    const pl = await db
      .insertInto('placements')
      .values({
        enrollment_id: e.id,
        participant_id: e.participant_id,
        program_id: program.id,
        commune_id: communeId,
        site: 'Bauhof',
        activity: 'Stadtverschönerung',
        start_date: start,
        end_date: fixedEnd,
        rate_cents: rateCents,
        status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    placements.push({ id: pl.id, participantId: e.participant_id, communeId, startDate: start, endDate: fixedEnd, status, rateCents });
    if (status === 'wartend') continue;
    const days = new Set<string>();
    // hours are worked inside the placement (the hours service refuses others)
    for (let d = 0; d < 15; d++) {
      const day = dateIn(r, 2026, 1);
      if (day >= start && (fixedEnd === null || day <= fixedEnd)) days.add(day);
    }
    for (const workDate of days) {
      const hoursX100 = pick(r, [25, 150, 333, 400, 575, 1]);
      await db.insertInto('hours').values({ placement_id: pl.id, work_date: workDate, hours_x100: hoursX100 }).execute();
      hours.push({ placementId: pl.id, workDate, hoursX100 });
    }
  }

  // activities with attendance
  for (let i = 0; i < 12; i++) {
    const a = await db
      .insertInto('activities')
      .values({ program_id: i < 10 ? program.id : other.id, kind: pick(r, ['seminar', 'coaching', 'exkursion'] as const), title: `Termin ${i}`, date: dateIn(r, 2026, 1), duration_minutes: pick(r, [45, 90, 120]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const act = (await db.selectFrom('activities').select(['date', 'program_id']).where('id', '=', a.id).executeTakeFirstOrThrow());
    // only people whose enrollment covers the day can attend (the service refuses others)
    const covered = new Set(enrollments.filter((e) => e.programId === act.program_id && e.status !== 'interessiert' && e.startDate !== null
      && e.startDate <= act.date && (e.endDate === null || e.endDate >= act.date)).map((e) => e.participantId));
    const attendees = people.filter((p) => covered.has(p.id) && r() < 0.4);
    for (const p of attendees) {
      await db
        .insertInto('attendance')
        .values({ activity_id: a.id, participant_id: p.id, status: pick(r, ['angemeldet', 'anwesend', 'anwesend', 'entschuldigt'] as const) })
        .execute();
    }
  }

  // fairs with companies, registrations, contacts
  const fairIds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const f = await db
      .insertInto('fairs')
      .values({ program_id: program.id, title: `Unternehmen trifft Bewerber/-in ${i + 1}`, date: `2026-0${3 + i * 3}-15` })
      .returning('id')
      .executeTakeFirstOrThrow();
    fairIds.push(f.id);
    for (const orgId of orgIds.slice(0, 2 + i)) await db.insertInto('fair_companies').values({ fair_id: f.id, organisation_id: orgId, offers: '[]' }).execute();
    for (const p of people.filter(() => r() < 0.15)) {
      const present = r() < 0.7;
      await db.insertInto('fair_registrations').values({ fair_id: f.id, participant_id: p.id, checked_in_at: present ? '2026-03-15T10:00:00Z' : null }).execute();
      if (present && r() < 0.6) {
        await db
          .insertInto('fair_contacts')
          .values({ fair_id: f.id, participant_id: p.id, organisation_id: pick(r, orgIds.slice(0, 4)), result: pick(r, ['gespraech', 'einladung', 'praktikum', 'arbeitsvertrag'] as const) })
          .execute();
      }
    }
  }

  // outcomes for exited people (and a few others)
  const outcomes: SeededOutcome[] = [];
  for (const e of enrollments.filter((x) => x.endDate !== null && x.status !== 'interessiert' && r() < 0.7)) {
    const fairId = r() < 0.2 ? pick(r, fairIds) : null;
    const kind = pick(r, outcomeKinds);
    const qualified = kind === 'sv_beschaeftigung' && r() < 0.5;
    const date = e.endDate!;
    const o = await db
      .insertInto('outcomes')
      .values({ participant_id: e.participantId, program_id: e.programId, kind: kind as never, qualified: qualified ? 1 : 0, date, source_fair_id: fairId })
      .returning('id')
      .executeTakeFirstOrThrow();
    outcomes.push({ id: o.id, participantId: e.participantId, programId: e.programId, kind, qualified, date, fairId });
  }

  // success stories: some consented, some withdrawn, some not consented
  for (const p of people.slice(0, 12)) {
    await db
      .insertInto('success_stories')
      .values({ participant_id: p.id, program_id: program.id, title: `Weg von ${p.firstName}`, text: `${p.firstName} arbeitet jetzt im Handwerk.` })
      .execute();
  }

  await takeEntrySnapshots(db);
  await anchorAll(db);
  return { programId: program.id, otherProgramId: other.id, communes, people, enrollments, outcomes, placements, hours, fairIds };
}
