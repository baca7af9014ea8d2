import type { Kysely } from 'kysely';
import type { HoursEntry } from '../../../shared/domain/placements.js';
import { addDays } from '../../../shared/rules/compensation.js';
import type { Database } from '../../db/schema.js';
import type { DemoStep } from '../demo/demo.seed.js';
import { saveHours } from './hours.service.js';
import { addPerson, enrol } from './placements.seed.js';
import { createPlacement, listCandidates } from './placements.service.js';

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

/**
 * AGH Mittelsachsen demo: placements in the five communes since September 2026 and hours on weekdays up to
 * Friday 20 November 2026 (the current week stays empty for entering hours).
 */
export const placementsDemoStep: DemoStep = async (db: Kysely<Database>, ctx) => {
  const programId = ctx.programIds.agh;
  let candidates = (await listCandidates(db, programId)).filter((c) => !c.hasOpenPlacement);
  // one more than placed, so the demo leaves a person to place by hand
  const needed = Object.values(plan).reduce((s, n) => s + n, 0) + 2;
  const communeNames = Object.keys(plan);
  for (let i = 0; candidates.length < needed && i < people.length; i++) {
    const [last, first, birth] = people[i]!;
    const communeId = ctx.communeIds[communeNames[i % communeNames.length]!] ?? null;
    const id = await addPerson(db, { lastName: last, firstName: first, birthDate: birth, communeId });
    await enrol(db, id, programId, { appliedOn: '2026-08-10' });
    candidates = (await listCandidates(db, programId)).filter((c) => !c.hasOpenPlacement);
  }
  let placed = 0;
  let hours = 0;
  const queue = [...candidates];
  for (const [commune, count] of Object.entries(plan)) {
    const communeId = ctx.communeIds[commune];
    if (communeId === undefined) continue;
    for (let k = 0; k < count && queue.length > 0; k++) {
      const c = queue.shift()!;
      const [site, activity] = sites[commune]![k % 3]!;
      const start = addDays('2026-09-01', k * 7);
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
      const entries: HoursEntry[] = [];
      for (let day = start; day <= '2026-11-20'; day = addDays(day, 1)) {
        const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (dow === 0 || dow === 6) continue;
        // 4 h, on Fridays 3,5 h (and 5 h on Mondays for the 25-hour placements)
        const x100 = dow === 5 ? 350 : k === 1 && dow === 1 ? 500 : 400;
        entries.push({ placementId: p.id, workDate: day, hoursX100: x100 });
      }
      hours += (await saveHours(db, entries)).saved;
    }
  }
  // Döbeln is full: the next person waits for a free place
  const waiting = queue.shift();
  if (waiting && ctx.communeIds['Döbeln'] !== undefined) {
    await createPlacement(db, {
      enrollmentId: waiting.enrollmentId,
      communeId: ctx.communeIds['Döbeln'],
      site: 'Bauhof Döbeln',
      activity: 'Stadtverschönerung',
      applicationDate: '2026-11-02',
      startDate: '2026-12-01',
      hoursPerWeek: 20,
      status: 'wartend',
    });
    placed += 1;
  }
  return { placements: placed, hourEntries: hours };
};
