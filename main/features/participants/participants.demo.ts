import { idSource } from '../../db/engine/bulk.js';
import type { Kysely } from 'kysely';
import { residenceStatuses } from '../../../shared/domain/eligibility.js';
import { mapEntryCodes, mapFreeTextValues } from './participant-model.sql.js';
import type { EnrollmentStatus } from '../../../shared/domain/enrollments.js';
import { germanLevels, type ParticipantInput } from '../../../shared/domain/participants.js';
import type { Database } from '../../db/schema.js';
import type { DemoStep } from '../demo/demo.seed.js';
import { createEnrollment } from '../enrollments/enrollments.service.js';
import { syncAllFollowUps, takeEntrySnapshots } from '../enrollments/entry.sql.js';
import { createParticipant, derivedColumns } from './participants.service.js';
import { addMonths, nowIso } from '../../../shared/domain/dates.js';

/** Fictional names only; combinations are generated, so no real person is meant. */
const lastNames = [
  'Ahmadi', 'Al-Hassan', 'Haidari', 'Nouri', 'Karimi', 'Yousef', 'Abdi', 'Hussaini', 'Osman', 'Rahimi',
  'Tesfaye', 'Mohammadi', 'Jafari', 'Sultani', 'Bakr', 'Darwish', 'Hamidi', 'Ibrahim', 'Mansour', 'Qasemi',
  'Kovalenko', 'Shevchenko', 'Bondarenko', 'Müller', 'Özdemir', 'Çelik', 'Saleh', 'Zaher', 'Noori', 'Farah',
];
const firstNames = [
  'Aisha', 'Omar', 'Fatima', 'Ali', 'Mariam', 'Hassan', 'Zainab', 'Yusuf', 'Leyla', 'Samir',
  'Amina', 'Karim', 'Nour', 'Tariq', 'Rania', 'Bilal', 'Hana', 'Mehdi', 'Olena', 'Dmytro',
  'Selam', 'Abel', 'Sara', 'Jamal', 'Dilan', 'Reza', 'Yasmin', 'Khalid', 'Iryna', 'Mustafa',
];
const nationalities = ['afghanisch', 'syrisch', 'irakisch', 'eritreisch', 'somalisch', 'iranisch', 'ukrainisch', 'türkisch'];

/** A small deterministic generator, so the demo data is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function date(rnd: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(rnd() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A start date between January of `fromYear` and October 2026, so it lies before the demo's completions. */
function startDate(rnd: () => number, fromYear: number): string {
  const y = fromYear + Math.floor(rnd() * (2026 - fromYear + 1));
  const m = 1 + Math.floor(rnd() * 10);
  return `${y}-${String(m).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
}

interface DemoPerson {
  input: ParticipantInput;
  program: 'agh' | 'mentoring';
  status: EnrollmentStatus;
  startDate: string | null;
  endDate: string | null;
  exitReason: string | null;
}

/** Statuses in a pattern that does not follow the commune (i % 5), so every commune has active people. */
const statusPattern: readonly EnrollmentStatus[] = ['aktiv', 'aktiv', 'interessiert', 'abgeschlossen', 'aktiv', 'abgebrochen', 'abgeschlossen', 'aktiv'];
const lastDemoDay = '2026-11-20';

/** Exit 4–12 months after entry, but not after the demo's last recorded day. */
function exitDate(rnd: () => number, start: string): string {
  const end = addMonths(start, 4 + Math.floor(rnd() * 9));
  return end > lastDemoDay ? lastDemoDay : end;
}

/**
 * ~40 people: 20 in AGH Mittelsachsen (communes, AsylbLG status, adults) and 20 in Arbeitsmarktmentoren Dresden,
 * all eligible (an exception would be a Prüfhinweis of every report); some have left again, so follow-ups fall
 * due.
 */
function smallSet(communeIds: Record<string, number>): DemoPerson[] {
  const rnd = prng(2026);
  const traits = prng(14);
  const msCommunes = ['Freiberg', 'Frankenberg/Sa.', 'Döbeln', 'Mittweida', 'Flöha'];
  const out: DemoPerson[] = [];
  for (let i = 0; i < 40; i++) {
    const agh = i < 20;
    const lastName = lastNames[i % lastNames.length]!;
    const firstName = firstNames[(i * 7 + Math.floor(i / firstNames.length)) % firstNames.length]!;
    const commune = agh ? msCommunes[i % msCommunes.length]! : 'Dresden';
    let residenceStatus: string = agh ? pick(rnd, ['Aufenthaltsgestattung', 'Duldung']) : pick(rnd, ['Aufenthaltserlaubnis', 'Duldung', 'Aufenthaltsgestattung']);
    // "Aufenthaltserlaubnis" alone names no paragraph; in Dresden these people hold refugee protection (§ 25 Abs. 2)
    if (residenceStatus === 'Aufenthaltserlaubnis') residenceStatus = 'AE § 25 Abs. 2';
    const arrival = date(rnd, agh ? 2021 : 2022, 2025);
    const status = statusPattern[(i + Math.floor(i / 5)) % statusPattern.length]!;
    const start = status === 'interessiert' ? null : startDate(rnd, agh ? 2026 : 2024);
    const exited = status === 'abgeschlossen' || status === 'abgebrochen';
    out.push({
      program: agh ? 'agh' : 'mentoring',
      status,
      startDate: start,
      endDate: exited && start ? exitDate(rnd, start) : null,
      exitReason: status === 'abgebrochen' ? pick(rnd, ['Umzug in ein anderes Bundesland', 'Krankheit', 'Aufnahme eines Sprachkurses in Vollzeit']) : null,
      input: {
        lastName,
        firstName,
        birthDate: date(rnd, 1968, 2004),
        gender: pick(rnd, ['w', 'm', 'm', 'w', 'd', '']),
        nationality: pick(rnd, nationalities),
        communeId: communeIds[commune] ?? null,
        residenceStatus,
        arrivalInSaxony: arrival,
        germanLevel: pick(rnd, ['A1', 'A2', 'A2', 'B1', 'B1', 'B2', '']),
        phone: `0${agh ? '3731' : '351'} ${100000 + Math.floor(rnd() * 899999)}`,
        caseNumber: `TN-${agh ? 'MS' : 'DD'}-${String(1001 + i)}`,
        caseManager: agh ? 'Fallmanagement Landkreis Mittelsachsen' : 'Team Arbeitsmarktmentoren',
        referredBy: pick(rnd, ['Flüchtlingssozialarbeit', 'Jobcenter', 'Ausländerbehörde', 'Migrationsberatung']),
        // consent is given at the first appointment, before the enrollment starts
        consentDate: start && start < '2026-01-15' ? `${start.slice(0, 7)}-01` : '2026-01-15',
        // characteristics at entry from their own sequence, so the values above stay as they were; nobody in the
        // AGH is in work (the rule asks for it)
        employmentStatus: pick(traits, ['arbeitslos', 'arbeitslos', 'langzeitarbeitslos', 'nicht_erwerbstaetig'] as const),
        iscedGroup: pick(traits, ['isced_0_2', 'isced_3_4', 'isced_3_4', 'isced_5_8', ''] as const),
        qualificationRecognition: pick(traits, ['nicht_beantragt', 'beantragt', 'teilweise', ''] as const),
        arrivalInGermany: arrival,
        interpreterLanguage: pick(traits, ['Arabisch', 'Dari', 'Tigrinya', 'Ukrainisch', '', '']),
      },
    });
  }
  return out;
}

async function seedSmall(db: Kysely<Database>, programIds: { agh: number; mentoring: number }, communeIds: Record<string, number>) {
  let enrollments = 0;
  const people = smallSet(communeIds);
  for (const p of people) {
    const created = await createParticipant(db, p.input);
    const startDate = p.startDate;
    await createEnrollment(db, {
      participantId: created.id,
      programId: programIds[p.program],
      status: p.status,
      appliedOn: startDate ? startDate.replace(/-\d{2}$/, '-01') : '2026-11-02',
      startDate,
      endDate: p.endDate,
      exitReason: p.exitReason,
    });
    enrollments += 1;
  }
  return { participants: people.length, enrollments };
}

/**
 * 100,000 generated people for the performance check, written with multi-row inserts in one transaction
 * (keys computed here exactly as the service does). Every tenth person gets an enrollment so program filters
 * have something to find.
 */
export async function seedLarge(db: Kysely<Database>, programIds: { agh: number; mentoring: number }, communeIds: Record<string, number>, count = 100_000) {
  const rnd = prng(100_000);
  const communeList = Object.values(communeIds);
  const batch = 400;
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const newIds = await idSource(trx, 'participants');
    for (let start = 0; start < count; start += batch) {
      const ids = await newIds(Math.min(count, start + batch) - start);
      const rows = [];
      const enrolRows = [];
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const lastName = `${pick(rnd, lastNames)}${i % 3 === 0 ? '' : `-${pick(rnd, lastNames)}`}`;
        const firstName = pick(rnd, firstNames);
        const birthDate = date(rnd, 1960, 2006);
        const caseNumber = `GR-${String(i + 1).padStart(6, '0')}`;
        const id = ids[i - start]!;
        rows.push({
          id,
          last_name: lastName,
          first_name: firstName,
          birth_date: birthDate,
          gender: pick(rnd, ['w', 'm', 'd', null] as const),
          nationality: pick(rnd, nationalities),
          commune_id: pick(rnd, communeList),
          residence_status: pick(rnd, residenceStatuses),
          arrival_in_saxony: date(rnd, 2014, 2025),
          german_level: pick(rnd, [...germanLevels, null]),
          case_number: caseNumber,
          consent_date: '2026-01-15',
          created_at: now,
          updated_at: now,
          ...derivedColumns({ lastName, firstName, birthDate, caseNumber }),
        });
        if (i % 10 === 0) {
          const status = pick(rnd, ['interessiert', 'aktiv', 'abgeschlossen'] as const);
          enrolRows.push({
            participant_id: id,
            program_id: i % 20 === 0 ? programIds.agh : programIds.mentoring,
            status,
            // only a started enrollment has an entry date
            start_date: status === 'interessiert' ? null : '2026-03-01',
            end_date: null,
            eligible: 1,
            eligibility_reason: 'Demodaten (Massentest)',
            created_at: now,
            updated_at: now,
          });
        }
      }
      await trx.insertInto('participants').values(rows).execute();
      if (enrolRows.length > 0) {
        // completed enrollments need an end date (the same rule the form enforces)
        await trx
          .insertInto('enrollments')
          .values(enrolRows.map((e) => ({ ...e, end_date: e.status === 'abgeschlossen' ? '2026-09-30' : null })))
          .execute();
      }
    }
    // written around the services: titles and nationality codes from the texts as for an import, then the
    // characteristics at entry and follow-ups by the same statements the services use
    await mapFreeTextValues(trx);
    await takeEntrySnapshots(trx);
    await mapEntryCodes(trx);
    await syncAllFollowUps(trx);
  });
  return count;
}

/** Demo step of participants and enrollments; runs before the steps that place or coach these people. */
export const participantsDemoStep: DemoStep = async (db, ctx) => {
  const small = await seedSmall(db, ctx.programIds, ctx.communeIds);
  const large = ctx.size === 'large' ? await seedLarge(db, ctx.programIds, ctx.communeIds) : 0;
  return { participants: small.participants + large, enrollments: small.enrollments + Math.ceil(large / 10) };
};
