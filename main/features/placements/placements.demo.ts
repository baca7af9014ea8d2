import type { Kysely } from 'kysely';
import type { HoursEntry } from '../../../shared/domain/placements.js';
import type { Database } from '../../db/schema.js';
import type { DemoStep } from '../demo/demo.seed.js';
import { saveHours } from './hours.service.js';
import { addPerson, enrol } from './placements.seed.js';
import { createPlacement } from './placements.service.js';
import { addDays } from '../../../shared/domain/dates.js';

// fictional people; names chosen to exercise umlauts and Latin Extended letters on certificates
const people: [string, string, string][] = [
  ['Müller', 'Anna', '1991-04-12'],
  ['Al-Ḥaddād', 'Yūsuf', '1994-03-07'],
  ['Öztürk', 'Emre', '1988-11-30'],
  ['Haidari', 'Zahra', '1997-06-02'],
  ['Tesfay', 'Semhar', '1999-01-19'],
  ['Rahimi', 'Farid', '1985-09-08'],
  ['Nasser', 'Rania', '1993-12-24'],
  ['Ibrahim', 'Khaled', '1990-02-14'],
  ['Kuznetsova', 'Olena', '1987-07-21'],
  ['Ahmadzai', 'Jawid', '2000-05-05'],
  ['Şahin', 'Delal', '1996-10-10'],
  ['Abebe', 'Dawit', '1992-08-17'],
];

const sites: Record<string, [string, string][]> = {
  'Döbeln': [['Bauhof Döbeln', 'Stadtverschönerung'], ['Tierpark Döbeln', 'Tierpflege und Gelände'], ['Stadtbibliothek Döbeln', 'Ordnen und Sortieren']],
  Freiberg: [['Bauhof Freiberg', 'Grünpflege'], ['Tafel Freiberg', 'Lebensmittelausgabe'], ['Kleiderkammer Freiberg', 'Sortierung']],
  'Frankenberg/Sa.': [['Bauhof Frankenberg', 'Stadtverschönerung'], ['Sportstätten Frankenberg', 'Platzpflege'], ['Friedhof Frankenberg', 'Grünpflege']],
  Mittweida: [['Bauhof Mittweida', 'Winterdienstvorbereitung'], ['Tafel Mittweida', 'Lebensmittelausgabe'], ['Stadtpark Mittweida', 'Grünpflege']],
  'Flöha': [['Bauhof Flöha', 'Stadtverschönerung'], ['Jugendhaus Flöha', 'Hausmeisterhilfe'], ['Tafel Flöha', 'Lebensmittelausgabe']],
};

/** How many active placements each commune gets: Döbeln full (and one waiting), the others partly filled. */
const plan: Record<string, number> = { 'Döbeln': 3, Freiberg: 2, 'Frankenberg/Sa.': 2, Mittweida: 1, 'Flöha': 2 };

interface Candidate {
  enrollmentId: number;
  startDate: string | null;
}

/** Active or interested enrollments in the AGH of people living in the commune, without a placement yet. */
async function candidatesIn(db: Kysely<Database>, programId: number, communeId: number): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('enrollments as e')
    .innerJoin('participants as t', 't.id', 'e.participant_id')
    .select(['e.id', 'e.start_date'])
    .where('e.program_id', '=', programId)
    .where('e.status', 'in', ['aktiv', 'interessiert'])
    .where('t.commune_id', '=', communeId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('placements as p').select('p.id').whereRef('p.enrollment_id', '=', 'e.id'))))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ enrollmentId: r.id, startDate: r.start_date }));
}

/** Hours on weekdays from the start up to Friday 20 November 2026: 4 h, Fridays 3,5 h, Mondays 5 h at 25 h/week. */
function weekdayHours(placementId: number, start: string, longMondays: boolean): HoursEntry[] {
  const entries: HoursEntry[] = [];
  for (let day = start; day <= '2026-11-20'; day = addDays(day, 1)) {
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const x100 = dow === 5 ? 350 : longMondays && dow === 1 ? 500 : 400;
    entries.push({ placementId, workDate: day, hoursX100: x100 });
  }
  return entries;
}

/**
 * AGH Mittelsachsen demo: placements since September 2026, each in the commune the person lives in, and hours
 * on weekdays up to Friday 20 November 2026 (the current week stays empty for entering hours). A placement
 * holds a place only on an active enrollment: it starts on or after the entry (an interested person enters on
 * the placement's first day). Döbeln is full and has one person waiting.
 */
export const placementsDemoStep: DemoStep = async (db: Kysely<Database>, ctx) => {
  const programId = ctx.programIds.agh;
  let placed = 0;
  let hours = 0;
  let extra = 0;
  for (const [commune, count] of Object.entries(plan)) {
    const communeId = ctx.communeIds[commune];
    if (communeId === undefined) continue;
    const wanted = count + (commune === 'Döbeln' ? 1 : 0);
    let candidates = await candidatesIn(db, programId, communeId);
    // too few people in this commune: newly registered people who applied in August join
    while (candidates.length < wanted && extra < people.length) {
      const [last, first, birth] = people[extra++]!;
      const id = await addPerson(db, { lastName: last, firstName: first, birthDate: birth, communeId });
      await db.updateTable('participants').set({ consent_date: '2026-08-10' }).where('id', '=', id).execute();
      await enrol(db, id, programId, { status: 'interessiert', appliedOn: '2026-08-10' });
      candidates = await candidatesIn(db, programId, communeId);
    }
    for (let k = 0; k < count && k < candidates.length; k++) {
      const c = candidates[k]!;
      const [site, activity] = sites[commune]![k % 3]!;
      const planned = addDays('2026-09-01', k * 7);
      const start = c.startDate !== null && c.startDate > planned ? c.startDate : planned;
      const p = await createPlacement(db, {
        enrollmentId: c.enrollmentId,
        communeId,
        site,
        activity,
        applicationDate: '2026-08-10',
        startDate: start,
        plannedEndDate: '2027-02-28',
        hoursPerWeek: k === 1 ? 25 : 20,
        // one without a signed agreement, so the warning shows in the demo
        agreementSignedOn: placed === 1 ? null : addDays(start, -7),
      });
      placed += 1;
      hours += (await saveHours(db, weekdayHours(p.id, start, k === 1))).saved;
    }
    const waiting = commune === 'Döbeln' ? candidates[count] : undefined;
    if (waiting) {
      // Döbeln is full: the next person waits for a free place
      await createPlacement(db, {
        enrollmentId: waiting.enrollmentId,
        communeId,
        site: 'Bauhof Döbeln',
        activity: 'Stadtverschönerung',
        applicationDate: '2026-11-02',
        startDate: '2026-12-01',
        hoursPerWeek: 20,
        status: 'wartend',
      });
      placed += 1;
    }
  }
  return { placements: placed, hourEntries: hours };
};
