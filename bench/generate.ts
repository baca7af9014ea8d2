import { sql } from 'kysely';
import { nameKey, caseNumberKey, searchText } from '../shared/rules/names.js';
import type { OpenDatabase } from '../main/db/open.js';
import { seedDemo } from '../main/features/demo/demo.seed.js';
import { reanchorFair, reanchorProgramOutcomes } from '../main/features/enrollments/anchor.service.js';
import { takeEntrySnapshots } from '../main/features/enrollments/entry.sql.js';

/**
 * The large data set of `npm run bench`: 100,000 participants, 1,000,000 AGH hour entries, 1,000,000 attendances,
 * 50 fairs. People are generated in JS (their keys need the shared name rules); the bulk rows are generated inside
 * SQLite with recursive CTEs, which is what makes a million rows take seconds instead of minutes.
 * Every record lies inside an enrollment, as the services require (issue 13): placements on active enrollments from
 * their start, attendance of people enrolled on the day (linked as it is written), outcomes at exit; fair
 * registrations of people without a covering enrollment are visitors. Links and entry snapshots come from the
 * same functions the app uses (anchor.service.ts, entry.sql.ts).
 */
export interface BenchSize {
  participants: number;
  hours: number;
  attendances: number;
  fairs: number;
}

export const fullSize: BenchSize = { participants: 100_000, hours: 1_000_000, attendances: 1_000_000, fairs: 50 };

const lastNames = ['Müller', 'Al-Hassan', 'Schmidt', 'Haddad', 'Nowak', 'Yılmaz', 'Ahmadi', 'Weiß', 'Kovačević', 'Okafor', 'Rahimi', 'Popescu', 'Ibrahim', 'Öztürk', 'Sánchez', 'Nguyen', 'Mahmoud', 'Petrović', 'Jaber', 'Schulze'];
const firstNames = ['Amina', 'Omar', 'Fatima', 'Yusuf', 'Mariam', 'Ali', 'Leyla', 'Hassan', 'Noor', 'Samir', 'Zainab', 'Karim', 'Elif', 'Mehmet', 'Daria', 'Ivan', 'Aisha', 'Tariq', 'Hana', 'Bilal'];
const nationalities = ['Syrien', 'Afghanistan', 'Irak', 'Eritrea', 'Ukraine', 'Türkei', 'Iran', 'Somalia', 'Venezuela', 'Georgien'];
const statuses = ['Aufenthaltsgestattung', 'Duldung', 'Aufenthaltserlaubnis', 'Niederlassungserlaubnis', 'EU'];
const levels = [null, 'A1', 'A2', 'B1', 'B2', 'C1'] as const;
const genders = ['w', 'm', 'd', null] as const;

function pad(n: number, w = 2) {
  return String(n).padStart(w, '0');
}

export async function generate(open: OpenDatabase, size: BenchSize = fullSize): Promise<{ programId: number; aghProgramId: number }> {
  await seedDemo(open.db, 'small');
  const programs = await open.db.selectFrom('programs').select(['id', 'name']).execute();
  const agh = programs.find((p) => p.name.startsWith('AGH'))!.id;
  const mentoring = programs.find((p) => p.name.startsWith('Arbeitsmarkt'))!.id;
  const communes = await open.db.selectFrom('communes').select(['id', 'name']).orderBy('id').execute();
  const dresden = communes.find((c) => c.name === 'Dresden')!.id;
  const ms = communes.filter((c) => c.name !== 'Dresden').map((c) => c.id);

  await open.db.transaction().execute(async (trx) => {
    const batch = 1000;
    for (let start = 0; start < size.participants; start += batch) {
      const rows = [];
      for (let i = start; i < Math.min(size.participants, start + batch); i++) {
        const last = lastNames[i % lastNames.length]!;
        const first = firstNames[Math.floor(i / lastNames.length) % firstNames.length]!;
        const birth = `${1960 + (i % 45)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
        const cn = `AZ-${pad(i, 6)}`;
        const isAgh = i % 5 === 0;
        rows.push({
          last_name: `${last}${i >= 400 ? ` ${Math.floor(i / 400)}` : ''}`,
          first_name: first,
          birth_date: birth,
          birth_year: Number(birth.slice(0, 4)),
          gender: genders[i % genders.length]!,
          nationality: nationalities[i % nationalities.length]!,
          commune_id: isAgh ? ms[i % ms.length]! : dresden,
          residence_status: statuses[i % statuses.length]!,
          arrival_in_saxony: `${2014 + (i % 11)}-${pad(1 + (i % 12))}-01`,
          german_level: levels[i % levels.length]!,
          case_number: cn,
          name_key: nameKey(last, first, birth),
          case_number_key: caseNumberKey(cn),
          search_text: searchText(last, first, cn),
          consent_date: '2024-01-15',
        });
      }
      await trx.insertInto('participants').values(rows).execute();
    }
    // enrollment: every fifth person in AGH, the rest in the mentoring program; statuses spread over the flow
    await sql`INSERT INTO enrollments (participant_id, program_id, status, start_date, end_date, eligible)
      SELECT id, CASE WHEN id % 5 = 1 THEN ${agh} ELSE ${mentoring} END,
        CASE id % 4 WHEN 0 THEN 'interessiert' WHEN 1 THEN 'aktiv' WHEN 2 THEN 'abgeschlossen' ELSE 'abgebrochen' END,
        '2026-01-' || printf('%02d', 1 + id % 28),
        CASE WHEN id % 4 >= 2 THEN '2026-10-' || printf('%02d', 1 + id % 28) END, 1
      FROM participants`.execute(trx);
    // placements: enough to carry the hour entries at 200 working days each
    const placements = Math.ceil(size.hours / 200);
    await sql`INSERT INTO placements (enrollment_id, participant_id, program_id, commune_id, site, activity, start_date,
        planned_end_date, hours_per_week, rate_cents, status)
      SELECT e.id, e.participant_id, e.program_id, p.commune_id, 'Bauhof', 'Stadtverschönerung', e.start_date, '2026-12-31', 20, 80, 'aktiv'
      FROM enrollments e JOIN participants p ON p.id = e.participant_id
      WHERE e.program_id = ${agh} AND e.status = 'aktiv' AND e.start_date IS NOT NULL AND e.end_date IS NULL
        AND p.commune_id IS NOT NULL ORDER BY e.id LIMIT ${placements}`.execute(trx);
    await sql`WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 199)
      INSERT INTO hours (placement_id, work_date, hours_x100)
      SELECT pl.id, date(pl.start_date, '+' || (n + n / 5 * 2) || ' days'), 100 + ((pl.id + n) % 9) * 25
      FROM placements pl, d ORDER BY pl.id LIMIT ${size.hours}`.execute(trx);
    // activities with 50 participants each
    const activities = Math.ceil(size.attendances / 50);
    await sql`WITH RECURSIVE a(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM a WHERE n < ${activities - 1})
      INSERT INTO activities (program_id, kind, title, date, duration_minutes, place, mentor)
      SELECT ${mentoring}, CASE n % 3 WHEN 0 THEN 'seminar' WHEN 1 THEN 'coaching' ELSE 'exkursion' END,
        'Veranstaltung ' || n, date('2026-02-01', '+' || (n % 300) || ' days'), 90, 'Dresden', 'Mentorin ' || (n % 12)
      FROM a`.execute(trx);
    // attendance from the people with an open enrollment in the mentoring program (all started in January, so
    // enrolled on every activity's day from February on), linked to that enrollment as the service does
    await sql`CREATE TEMP TABLE pool (rn INTEGER PRIMARY KEY, pid INTEGER NOT NULL, eid INTEGER NOT NULL)`.execute(trx);
    await sql`INSERT INTO pool (pid, eid) SELECT participant_id, id FROM enrollments
      WHERE program_id = ${mentoring} AND status = 'aktiv' AND end_date IS NULL AND start_date < '2026-02-01' ORDER BY id`.execute(trx);
    const poolSize = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM pool`.execute(trx)).rows[0]!.n);
    await sql`WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 49)
      INSERT INTO attendance (activity_id, participant_id, status, enrollment_id)
      SELECT act.id, pool.pid, CASE (act.id + k.n) % 5 WHEN 0 THEN 'entschuldigt' WHEN 1 THEN 'unentschuldigt' ELSE 'anwesend' END, pool.eid
      FROM activities act CROSS JOIN k CROSS JOIN pool ON pool.rn = 1 + ((act.id * 50 + k.n) % ${poolSize})
      ORDER BY act.id LIMIT ${size.attendances}`.execute(trx);
    await sql`DROP TABLE pool`.execute(trx);
    // fairs: 50 with 12 companies, 200 registrations, 60 contacts each
    await sql`WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 59)
      INSERT INTO organisations (kind, name, sector, city) SELECT 'company', 'Firma ' || n, 'Handwerk', 'Dresden' FROM c`.execute(trx);
    await sql`WITH RECURSIVE f(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM f WHERE n < ${size.fairs - 1})
      INSERT INTO fairs (program_id, title, date, venue)
      SELECT ${mentoring}, 'Unternehmen trifft Bewerber/-in ' || (n + 1), date('2026-01-15', '+' || (n * 6) || ' days'), 'Dresden' FROM f`.execute(trx);
    await sql`INSERT INTO fair_companies (fair_id, organisation_id, offers)
      SELECT f.id, o.id, '["Ausbildung"]' FROM fairs f JOIN organisations o ON (o.id + f.id) % 5 = 0 WHERE o.name LIKE 'Firma %'`.execute(trx);
    await sql`WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < 199)
      INSERT OR IGNORE INTO fair_registrations (fair_id, participant_id, checked_in_at)
      SELECT f.id, 1 + ((f.id * 997 + r.n * 13) % ${size.participants}), CASE WHEN r.n % 4 = 0 THEN NULL ELSE f.date || 'T10:00:00Z' END
      FROM fairs f, r`.execute(trx);
    await sql`INSERT INTO fair_contacts (fair_id, participant_id, organisation_id, result)
      SELECT fr.fair_id, fr.participant_id, (SELECT organisation_id FROM fair_companies fc WHERE fc.fair_id = fr.fair_id LIMIT 1),
        CASE fr.participant_id % 6 WHEN 0 THEN 'einladung' WHEN 1 THEN 'praktikum' WHEN 2 THEN 'arbeitsvertrag' ELSE 'gespraech' END
      FROM fair_registrations fr WHERE fr.checked_in_at IS NOT NULL AND fr.participant_id % 3 = 0`.execute(trx);
    await sql`INSERT INTO outcomes (participant_id, program_id, kind, qualified, date, source_fair_id)
      SELECT e.participant_id, e.program_id, CASE e.id % 5 WHEN 0 THEN 'sv_beschaeftigung' WHEN 1 THEN 'ausbildung'
        WHEN 2 THEN 'sprachkurs' WHEN 3 THEN 'minijob' ELSE 'arbeitssuchend' END,
        CASE WHEN e.id % 5 = 0 AND e.id % 3 = 0 THEN 1 ELSE 0 END, e.end_date,
        (SELECT fr.fair_id FROM fair_registrations fr WHERE fr.participant_id = e.participant_id LIMIT 1)
      FROM enrollments e WHERE e.end_date IS NOT NULL AND e.status <> 'interessiert' AND e.id % 2 = 0
        AND e.program_id IN (${agh}, ${mentoring})`.execute(trx);
    // characteristics at entry and the links of registrations, contacts and outcomes, by the app's own rule
    await takeEntrySnapshots(trx);
    const fairs = await trx.selectFrom('fairs').select('id').where('program_id', '=', mentoring).execute();
    for (const f of fairs) await reanchorFair(trx, f.id);
    for (const programId of [agh, mentoring]) await reanchorProgramOutcomes(trx, programId);
  });
  await sql`ANALYZE`.execute(open.db);
  return { programId: mentoring, aghProgramId: agh };
}
