import type { Kysely } from 'kysely';
import type { PlanInput } from '../../../shared/domain/finance.js';
import type { Database } from '../../db/schema.js';
import type { DemoStep } from '../demo/demo.seed.js';
import { savePlan } from './plan.service.js';
import { createRequest, setRequestState } from './requests.service.js';

/**
 * A financing plan and a year of receipts for both current demo programs (2026, January to November), with the
 * funder's payments each quarter and two payment requests. Amounts are fictional but of a plausible size for a
 * Saxon project grant; every receipt lies inside the grant period, so the report checks find nothing.
 */

const months = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

interface Booking {
  day: string;
  key: string;
  cents: number;
  payee: string;
  purpose: string;
}

/** Salaries and rent every month, the rest spread over the year in a fixed pattern (no randomness: repeatable). */
function monthlyBookings(fixed: [string, number, string, string][], varying: [string, number, string, string][]): Booking[] {
  const out: Booking[] = [];
  months.forEach((m, i) => {
    for (const [key, cents, payee, purpose] of fixed) out.push({ day: `${m}-28`, key, cents, payee, purpose: `${purpose} ${m.slice(5)}/2026` });
    varying.forEach(([key, cents, payee, purpose], j) => {
      // each varying cost every second or third month, its amount a little different each time
      if ((i + j) % (2 + (j % 2)) !== 0) return;
      out.push({ day: `${m}-${String(5 + j * 3).padStart(2, '0')}`, key, cents: cents + ((i * 137 + j * 59) % 900) * 10, payee, purpose });
    });
  });
  return out;
}

const aghPlan = (programId: number): PlanInput => ({
  programId,
  decisionDate: '2025-12-12',
  reference: 'FKA-MS-2026-01',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  financingKind: 'fehlbedarf',
  eligibleTotalCents: 37_557_00,
  aghPaidByCommune: true,
  positions: [
    { key: 'personal', label: 'Personalausgaben Koordination (0,5 VZÄ)', plannedCents: 26_400_00, fteBp: 5000 },
    { key: 'sachausgaben', label: 'Sachausgaben (Arbeitsmaterial, Schutzkleidung)', plannedCents: 3_500_00 },
    { key: 'reisekosten', label: 'Reisekosten', plannedCents: 1_200_00 },
    { key: 'teilnehmende', label: 'Teilnehmendenkosten inkl. AGH-Aufwandsentschädigung', kind: 'teilnehmendenkosten', plannedCents: 4_000_00 },
    { key: 'verwaltung', label: 'Verwaltungspauschale', kind: 'pauschale', percentBp: 700 },
  ],
  income: [
    { key: 'zuwendung', plannedCents: 33_000_00 },
    { key: 'kommunale_mittel', plannedCents: 2_000_00 },
    { key: 'eigenmittel', plannedCents: 2_557_00 },
  ],
});

const mentoringPlan = (programId: number): PlanInput => ({
  programId,
  decisionDate: '2025-12-18',
  reference: 'SMWA-FKS-2026-DD',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  financingKind: 'anteil',
  rateBp: 9000,
  eligibleTotalCents: 107_223_00,
  positions: [
    { key: 'personal', label: 'Personalausgaben Arbeitsmarktmentor:innen (1,5 VZÄ)', plannedCents: 84_000_00, fteBp: 15000 },
    { key: 'honorare', label: 'Honorare (Dolmetschen, Seminare)', plannedCents: 6_000_00 },
    { key: 'miete', label: 'Miete Beratungsräume', plannedCents: 7_200_00 },
    { key: 'reisekosten', label: 'Reisekosten', plannedCents: 1_500_00 },
    { key: 'sachausgaben', label: 'Sachausgaben', plannedCents: 3_000_00 },
    { key: 'teilnehmende', label: 'Teilnehmendenkosten (Fahrkarten, Bewerbungsfotos)', kind: 'teilnehmendenkosten', plannedCents: 2_400_00 },
    { key: 'verwaltung', label: 'Verwaltungspauschale', kind: 'pauschale', percentBp: 300 },
  ],
  income: [
    { key: 'zuwendung', plannedCents: 96_500_70 },
    { key: 'eigenmittel', plannedCents: 10_722_30 },
  ],
});

const aghBookings = () =>
  monthlyBookings(
    [['personal', 2_200_00, 'Lohnbuchhaltung Landkreis', 'Gehalt Koordination']],
    [
      ['sachausgaben', 420_00, 'Baumarkt Döbeln GmbH', 'Arbeitsmaterial'],
      ['teilnehmende', 180_00, 'Arbeitsschutz Sachsen KG', 'Schutzkleidung für Teilnehmende'],
      ['reisekosten', 60_00, 'Fahrtkostenerstattung', 'Fahrten zu den Einsatzstellen'],
    ],
  );

const mentoringBookings = () =>
  monthlyBookings(
    [
      ['personal', 7_000_00, 'Lohnbuchhaltung', 'Gehälter Mentor:innen'],
      ['miete', 600_00, 'Wohnungsgenossenschaft Dresden eG', 'Miete Beratungsräume'],
    ],
    [
      ['honorare', 450_00, 'Sprachmittlung Dresden', 'Dolmetschen Beratungsgespräche'],
      ['sachausgaben', 210_00, 'Bürobedarf Elbe GmbH', 'Büromaterial'],
      ['teilnehmende', 120_00, 'DVB AG', 'Fahrkarten Teilnehmende'],
      ['reisekosten', 85_00, 'Fahrtkostenerstattung', 'Fahrten zu Unternehmen'],
    ],
  );

async function seedProgram(db: Kysely<Database>, plan: PlanInput, bookings: Booking[], quarterlyCents: number): Promise<number> {
  await savePlan(db, plan);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('finance_receipts')
      .values(bookings.map((b, i) => ({ program_id: plan.programId, date: b.day, number: `${b.day.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`, payee: b.payee, purpose: b.purpose, position_key: b.key, amount_cents: b.cents, paid_on: b.day })))
      .execute();
    // the funder pays a few weeks after each quarter's request
    const paid = ['2026-02-15', '2026-05-15', '2026-08-14', '2026-10-20'];
    await trx.insertInto('finance_payments').values(paid.map((date, i) => ({ program_id: plan.programId, date, income_key: 'zuwendung' as const, amount_cents: quarterlyCents, reference: `Mittelabruf ${i + 1}/2026` }))).execute();
  });
  const first = await createRequest(db, { programId: plan.programId, periodFrom: '2026-07-01', periodTo: '2026-09-30' });
  await setRequestState(db, first.id, 'eingegangen', '2026-10-02');
  await createRequest(db, { programId: plan.programId, periodFrom: '2026-10-01', periodTo: '2026-11-30' });
  return bookings.length;
}

export const financeDemoStep: DemoStep = async (db, ctx) => {
  const agh = await seedProgram(db, aghPlan(ctx.programIds.agh), aghBookings(), 6_000_00);
  const mentoring = await seedProgram(db, mentoringPlan(ctx.programIds.mentoring), mentoringBookings(), 19_000_00);
  return { receipts: agh + mentoring };
};
