import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import type { PlanInput } from '../../../shared/domain/finance.js';
import type { SerializedError } from '../../../shared/errors.js';
import { tempApp } from '../../test/temp-db.js';
import { computeFigures } from '../dashboard/figures.service.js';
import { addPerson, aghProgram, enrol } from '../placements/placements.seed.js';
import { aghMonthsOf } from './budget.service.js';
import { computeFinance, financeJsonOf } from './nachweis.service.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;

async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { serialized: r.error });
  return r.data as OutputOf<N>;
}
async function fails<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<SerializedError> {
  const r = await app.router.call(name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

/** A plan of 2026: staff, rent, participant costs (AGH flows in) and a 10 % Verwaltungspauschale. */
function plan2026(programId: number, over: Partial<PlanInput> = {}): PlanInput {
  return {
    programId,
    decisionDate: '2025-12-10',
    reference: 'SAB 4711/2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    financingKind: 'anteil',
    rateBp: 9000,
    eligibleTotalCents: 110_000_00,
    positions: [
      { key: 'personal', label: 'Personalausgaben Koordination (0,5 VZÄ)', plannedCents: 60_000_00, fteBp: 5000 },
      { key: 'miete', label: 'Miete', plannedCents: 10_000_00 },
      { key: 'teilnehmende', label: 'Teilnehmendenkosten inkl. AGH-Aufwandsentschädigung', kind: 'teilnehmendenkosten', plannedCents: 30_000_00 },
      { key: 'verwaltung', label: 'Verwaltungspauschale', kind: 'pauschale', percentBp: 1000 },
    ],
    income: [
      { key: 'zuwendung', plannedCents: 99_000_00 },
      { key: 'eigenmittel', plannedCents: 11_000_00 },
    ],
    ...over,
  };
}

describe('financing plan', () => {
  it('keeps each Bescheid as a version: the amendment is current, the first plan stays as it was', async () => {
    const { programId } = await aghProgram(app.ctx.db, { Döbeln: 2 });
    expect(await call('finance.plan', { programId })).toBeNull();
    const first = await call('finance.savePlan', plan2026(programId));
    expect(first).toMatchObject({ version: 1, decisionKind: 'bewilligung', plannedTotalCents: 110_000_00 });
    // the Pauschale is 10 % of the other positions' plan
    expect(first.positions.find((p) => p.key === 'verwaltung')!.plannedCents).toBe(10_000_00);

    const amended = plan2026(programId, { decisionDate: '2026-06-15', reference: 'SAB 4711/2026-Ä1' });
    amended.positions = amended.positions.map((p) => (p.key === 'miete' ? { ...p, plannedCents: 12_000_00 } : p));
    const second = await call('finance.savePlan', amended);
    expect(second).toMatchObject({ version: 2, decisionKind: 'aenderung', plannedTotalCents: 112_200_00 });
    const history = await call('finance.planHistory', { programId });
    expect(history.map((p) => [p.version, p.reference, p.positions.find((x) => x.key === 'miete')!.plannedCents])).toEqual([
      [2, 'SAB 4711/2026-Ä1', 12_000_00],
      [1, 'SAB 4711/2026', 10_000_00],
    ]);
    expect((await call('finance.plan', { programId }))!.version).toBe(2);
  });

  it('refuses a second participant-cost position, a Pauschale without percentage and duplicate keys, naming the field', async () => {
    const { programId } = await aghProgram(app.ctx.db, { Döbeln: 2 });
    const bad = plan2026(programId);
    bad.positions = [...bad.positions, { key: 'miete', label: 'Miete 2', plannedCents: 1 }, { key: 'tn2', label: 'TN 2', kind: 'teilnehmendenkosten' }, { key: 'p2', label: 'P', kind: 'pauschale' }];
    const err = await fails('finance.savePlan', bad);
    expect(err.code).toBe('validation');
    expect(err.details?.fields?.map((f) => f.path).sort()).toEqual(['positions', 'positions.4.key', 'positions.6.percentBp']);
    expect(await call('finance.plan', { programId })).toBeNull();
  });
});

describe('receipts and the Nachweis', () => {
  it('books receipts only on positions of the plan, never on the Pauschale, and keeps booked positions in the plan', async () => {
    const { programId } = await aghProgram(app.ctx.db, { Döbeln: 2 });
    const noPlan = await fails('finance.createReceipt', { programId, date: '2026-02-01', positionKey: 'miete', amountCents: 100 });
    expect(noPlan.message).toMatch(/Finanzierungsplan/);
    await call('finance.savePlan', plan2026(programId));
    const unknown = await fails('finance.createReceipt', { programId, date: '2026-02-01', positionKey: 'reisen', amountCents: 100 });
    expect(unknown.details?.fields?.[0]).toMatchObject({ path: 'positionKey' });
    const flat = await fails('finance.createReceipt', { programId, date: '2026-02-01', positionKey: 'verwaltung', amountCents: 100 });
    expect(flat.message).toMatch(/Pauschale/);
    await call('finance.createReceipt', { programId, date: '2026-02-01', positionKey: 'miete', amountCents: 833_33, payee: 'Vermieter GmbH' });
    const dropRent = plan2026(programId);
    dropRent.positions = dropRent.positions.filter((p) => p.key !== 'miete');
    const refused = await fails('finance.savePlan', dropRent);
    expect(refused.details?.fields?.[0]).toMatchObject({ path: 'positions' });
    expect((await call('finance.plan', { programId }))!.version).toBe(1);
  });

  it('puts plan against actual per position, with the AGH compensation entering the participant costs once', async () => {
    const db = app.ctx.db;
    const { programId, communeIds } = await aghProgram(db, { Döbeln: 2, Freiberg: 2 });
    await call('finance.savePlan', plan2026(programId));
    const placements: number[] = [];
    for (const [name, commune] of [['Anna', 'Döbeln'], ['Yusuf', 'Freiberg']] as const) {
      const person = await addPerson(db, { lastName: 'Test', firstName: name, birthDate: '1990-01-01' });
      const enrollmentId = await enrol(db, person, programId, { appliedOn: '2026-01-02' });
      const pl = await call('placements.create', { enrollmentId, communeId: communeIds[commune]!, site: 'Bauhof', activity: 'Pflege', startDate: '2026-03-02', hoursPerWeek: 20, agreementSignedOn: '2026-02-01' });
      placements.push(pl.id);
    }
    // 10 h in March and 5,5 h in April in Döbeln, 7,25 h in April in Freiberg, at 0,80 €
    await call('placements.saveHours', {
      entries: [
        { placementId: placements[0]!, workDate: '2026-03-03', hoursX100: 500 },
        { placementId: placements[0]!, workDate: '2026-03-04', hoursX100: 500 },
        { placementId: placements[0]!, workDate: '2026-04-07', hoursX100: 550 },
        { placementId: placements[1]!, workDate: '2026-04-07', hoursX100: 725 },
      ],
    });
    // the compensation itself typed as a receipt would count it twice: refused
    const twice = await fails('finance.createReceipt', { programId, date: '2026-03-31', positionKey: 'teilnehmende', amountCents: 8_00, purpose: 'AGH-Aufwandsentschädigung März' });
    expect(twice.details?.fields?.[0]).toMatchObject({ path: 'purpose' });
    await call('finance.createReceipt', { programId, date: '2026-01-31', positionKey: 'personal', amountCents: 5_000_00, payee: 'Gehalt Januar' });
    await call('finance.createReceipt', { programId, date: '2026-02-01', positionKey: 'miete', amountCents: 833_33 });
    await call('finance.createReceipt', { programId, date: '2026-03-10', positionKey: 'teilnehmende', amountCents: 45_90, purpose: 'Arbeitshandschuhe' });
    await call('finance.createReceipt', { programId, date: '2027-01-05', positionKey: 'miete', amountCents: 1 });
    await call('finance.createPayment', { programId, date: '2026-02-15', amountCents: 20_000_00, reference: 'Abruf 1' });

    const q = { programId, from: '2026-01-01', to: '2026-12-31' };
    const agh = await aghMonthsOf(app.ctx.reader, q);
    const f = (await computeFinance(app.ctx.reader, q, agh))!;
    const figures = await computeFigures(app.ctx.reader, q);
    // 15,5 h × 0,80 = 12,40 € in Döbeln (8,00 + 4,40), 7,25 h × 0,80 = 5,80 € in Freiberg
    expect(figures.agh.compensationCents).toBe(18_20);
    expect(f.aghCents).toBe(18_20);
    const tn = f.positions.find((p) => p.key === 'teilnehmende')!;
    expect(tn).toMatchObject({ receiptCents: 45_90, aghCents: 18_20, actualCents: 64_10, plannedCents: 30_000_00 });
    // one computed line per commune and month, and nowhere else
    const computed = f.lines.filter((l) => l.computed);
    expect(computed.map((l) => [l.payee, l.date, l.amountCents])).toEqual([
      ['Döbeln', '2026-03-31', 8_00],
      ['Döbeln', '2026-04-30', 4_40],
      ['Freiberg', '2026-04-30', 5_80],
    ]);
    expect(computed.every((l) => l.positionKey === 'teilnehmende')).toBe(true);
    expect(f.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(f.receiptsTotalCents + f.aghCents);
    // the Pauschale: 10 % of the other positions' actual
    const base = 5_000_00 + 833_33 + 64_10;
    expect(f.positions.find((p) => p.key === 'verwaltung')!.actualCents).toBe(Math.round(base / 10));
    expect(f.actualCents).toBe(base + Math.round(base / 10));
    expect(f.receipts).toBe(3);
    expect(f.receiptsTotalCents).toBe(5_000_00 + 833_33 + 45_90);
    expect(financeJsonOf(f).income).toEqual([
      { key: 'zuwendung', plannedCents: 99_000_00, actualCents: 20_000_00 },
      { key: 'eigenmittel', plannedCents: 11_000_00, actualCents: 0 },
    ]);

    // the budget view agrees with the Nachweis and spreads the spending over the months
    const budget = await call('finance.budget', { programId, asOf: '2026-12-31' });
    expect(budget.actualCents).toBe(f.actualCents);
    expect(budget.months.map((m) => [m.month, m.totalCents])).toEqual([
      ['2026-01', 5_000_00],
      ['2026-02', 833_33],
      ['2026-03', 45_90 + 8_00],
      ['2026-04', 4_40 + 5_80],
    ]);
    expect(budget.receivedCents).toBe(20_000_00);

    // paid by the commune: the same amount is income of the kommunale Mittel, and still counted once as expenditure
    await call('finance.savePlan', plan2026(programId, { aghPaidByCommune: true }));
    const g = (await computeFinance(app.ctx.reader, q, agh))!;
    expect(g.positions.find((p) => p.key === 'teilnehmende')!.actualCents).toBe(64_10);
    expect(g.income.find((i) => i.key === 'kommunale_mittel')!.actualCents).toBe(18_20);

    // a bus ticket recorded on the placement (AGH extra costs) enters the same position once, in its month
    await call('finance.savePlan', plan2026(programId));
    await call('placements.addExtraCost', { placementId: placements[0]!, month: '2026-04', kind: 'fahrtkosten', amountCents: 2_50, receiptNote: 'Monatskarte' });
    const h = (await computeFinance(app.ctx.reader, q, agh))!;
    expect(h.lines.filter((l) => l.computed).map((l) => [l.payee, l.date, l.amountCents])).toEqual([
      ['Döbeln', '2026-03-31', 8_00],
      ['Döbeln', '2026-04-30', 4_40],
      ['Freiberg', '2026-04-30', 5_80],
      ['Döbeln', '2026-04-30', 2_50],
    ]);
    expect(h.positions.find((p) => p.key === 'teilnehmende')!.actualCents).toBe(64_10 + 2_50);
    const withExtra = await call('finance.budget', { programId, asOf: '2026-12-31' });
    expect(withExtra.months.find((m) => m.month === '2026-04')!.totalCents).toBe(4_40 + 5_80 + 2_50);
  });

  it('forecasts each position to the end of the grant and warns when one heads past its tolerance', async () => {
    const { programId } = await aghProgram(app.ctx.db, { Döbeln: 2 });
    await call('finance.savePlan', plan2026(programId));
    // rent at 49 % of the plan by July, staff at 70 % of the year's plan by 30 June
    await call('finance.createReceipt', { programId, date: '2026-03-01', positionKey: 'miete', amountCents: 4_900_00 });
    await call('finance.createReceipt', { programId, date: '2026-06-30', positionKey: 'personal', amountCents: 42_000_00 });
    const b = await call('finance.budget', { programId, asOf: '2026-07-02' });
    const rent = b.positions.find((p) => p.key === 'miete')!;
    const staff = b.positions.find((p) => p.key === 'personal')!;
    expect(rent.headsPastTolerance).toBe(false);
    expect(staff.forecastCents).toBeGreaterThan(72_000_00);
    expect(staff.headsPastTolerance).toBe(true);
  });

  it('proposes a Mittelabruf from spending and payments, moves it through its states and exports the list', async () => {
    const { programId } = await aghProgram(app.ctx.db, { Döbeln: 2 });
    await call('finance.savePlan', plan2026(programId));
    await call('finance.createReceipt', { programId, date: '2026-01-31', positionKey: 'personal', amountCents: 10_000_00 });
    await call('finance.createPayment', { programId, date: '2026-01-15', amountCents: 5_000_00 });
    const r = await call('finance.createRequest', { programId, periodFrom: '2026-01-01', periodTo: '2026-03-31' });
    // spent 10.000 € + 10 % Pauschale = 11.000 €; 90 % share = 9.900 €; less 5.000 € received
    expect(r).toMatchObject({ spentCents: 11_000_00, receivedCents: 5_000_00, requestedCents: 4_900_00, state: 'entwurf' });
    const filed = await call('finance.setRequestState', { id: r.id, state: 'gestellt', filedOn: '2026-04-02' });
    expect(filed).toMatchObject({ state: 'gestellt', filedOn: '2026-04-02' });
    // Fehlbedarf: the grant's share of the planned expenditure (55.000 of 110.000 €) of what was spent
    await call('finance.savePlan', plan2026(programId, { financingKind: 'fehlbedarf', rateBp: null, income: [{ key: 'zuwendung', plannedCents: 55_000_00 }] }));
    const deficit = await call('finance.createRequest', { programId, periodFrom: '2026-04-01', periodTo: '2026-06-30' });
    expect(deficit).toMatchObject({ spentCents: 11_000_00, receivedCents: 5_000_00, requestedCents: 500_00 });
    const file = await call('finance.exportRequests', { programId });
    expect(file.name).toBe('Mittelabrufe AGH Test.xlsx');
  });
});
