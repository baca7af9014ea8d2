import type { Kysely } from 'kysely';
import type { Database } from '../main/db/schema.js';
import { savePlan } from '../main/features/finance/plan.service.js';

const positions = ['personal', 'honorare', 'miete', 'reisekosten', 'sachausgaben', 'teilnehmende'] as const;

/**
 * A financing plan for the year and `n` receipts spread over it (issue 16: the report export with 20,000
 * receipts), written in one transaction as an import would.
 */
export async function addReceipts(db: Kysely<Database>, programId: number, n: number): Promise<void> {
  await savePlan(db, {
    programId,
    decisionDate: '2025-12-15',
    reference: 'BENCH-2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    financingKind: 'anteil',
    rateBp: 9000,
    eligibleTotalCents: 5_000_000_00,
    positions: [
      ...positions.map((key, i) => ({ key, label: `Position ${i + 1} (${key})`, plannedCents: 700_000_00, kind: key === 'teilnehmende' ? ('teilnehmendenkosten' as const) : ('betrag' as const) })),
      { key: 'verwaltung', label: 'Verwaltungspauschale', kind: 'pauschale' as const, percentBp: 500 },
    ],
    income: [{ key: 'zuwendung', plannedCents: 4_500_000_00 }],
  });
  const rows = Array.from({ length: n }, (_, i) => {
    const day = 1 + (i % 365);
    const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
    return {
      program_id: programId,
      date,
      number: `B-${String(i + 1).padStart(6, '0')}`,
      payee: `Lieferant ${i % 400}`,
      purpose: `Beleg ${i + 1} – Sachkosten & Material`,
      position_key: positions[i % positions.length]!,
      amount_cents: 1_00 + ((i * 7919) % 250_000),
      paid_on: date,
    };
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('finance_receipts').values(rows.slice(i, i + 1000)).execute();
  });
}
