import type { Kysely } from 'kysely';
import { extraCostInput, type ExtraCost, type ExtraCostInput, type ExtraCostKind } from '../../../shared/domain/agh.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { getPlacement } from './placements.service.js';
import { lockedMonthError, statementState } from './statement-state.service.js';

type Db = Kysely<Database>;

function toExtraCost(r: { id: number; placement_id: number; month: string; kind: ExtraCostKind; amount_cents: number; receipt_note: string | null }): ExtraCost {
  return { id: r.id, placementId: r.placement_id, month: r.month, kind: r.kind, amountCents: r.amount_cents, receiptNote: r.receipt_note };
}

/** A placement's extra costs, month by month. */
export async function extraCostsOf(db: Db, placementId: number): Promise<ExtraCost[]> {
  const rows = await db.selectFrom('agh_extra_costs').selectAll().where('placement_id', '=', placementId).orderBy('month').orderBy('id').execute();
  return rows.map(toExtraCost);
}

/** Refuses when the placement's statement of that month is festgestellt or ausgezahlt. */
async function assertMonthOpen(db: Db, placementId: number, month: string): Promise<{ participantId: number }> {
  const p = await getPlacement(db, placementId);
  const state = await statementState(db, { programId: p.programId, communeId: p.communeId, month });
  if (state.status !== 'entwurf') throw lockedMonthError(p.communeName, month, 'month');
  if (p.status === 'wartend') {
    throw new AppError('conflict', 'Der Einsatz hat noch nicht begonnen (Warteliste).', 'The placement has not started.', {
      fields: [{ path: 'placementId', message: 'Noch auf der Warteliste' }],
    });
  }
  const first = p.startDate.slice(0, 7);
  const last = (p.endDate ?? p.plannedEndDate)?.slice(0, 7) ?? null;
  if (month < first || (last !== null && month > last)) {
    throw new AppError('validation', 'Der Monat liegt außerhalb des Einsatzzeitraums.', 'Month outside the placement period.', {
      fields: [{ path: 'month', message: 'Außerhalb des Einsatzzeitraums' }],
    });
  }
  return { participantId: p.participantId };
}

/** Records a necessary extra cost (§ 5 Abs. 2 AsylbLG), paid with the month's compensation. */
export async function addExtraCost(db: Db, input: ExtraCostInput): Promise<ExtraCost> {
  const data = extraCostInput.parse(input);
  return db.transaction().execute(async (trx) => {
    const { participantId } = await assertMonthOpen(trx, data.placementId, data.month);
    const row = await trx
      .insertInto('agh_extra_costs')
      .values({ placement_id: data.placementId, month: data.month, kind: data.kind, amount_cents: data.amountCents, receipt_note: data.receiptNote })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'agh_extra_cost', entityId: row.id, participantId, after: data });
    return toExtraCost(row);
  });
}

/** Removes an extra cost recorded by mistake, unless its month is locked. */
export async function removeExtraCost(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('agh_extra_costs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `Mehraufwand ${id} nicht gefunden.`, `Extra cost ${id} not found.`);
    const { participantId } = await assertMonthOpen(trx, row.placement_id, row.month);
    await trx.deleteFrom('agh_extra_costs').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'agh_extra_cost', entityId: id, participantId, before: toExtraCost(row) });
  });
}

/** Extra costs per placement of a commune's month, for the statement. */
export async function extraCostsByPlacement(db: Db, programId: number, communeId: number, month: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('agh_extra_costs as x')
    .innerJoin('placements as p', 'p.id', 'x.placement_id')
    .select(['x.placement_id', (eb) => eb.fn.sum<number>('x.amount_cents').as('cents')])
    .where('p.program_id', '=', programId)
    .where('p.commune_id', '=', communeId)
    .where('x.month', '=', month)
    .groupBy('x.placement_id')
    .execute();
  return new Map(rows.map((r) => [r.placement_id, Number(r.cents)]));
}

export interface ExtraCostsMonth {
  month: string;
  communeId: number;
  kind: ExtraCostKind;
  amountCents: number;
  count: number;
}

/**
 * Extra costs of a program per month, commune and kind between two dates (inclusive; a month counts when it lies
 * in the period's months): what the money plan books as participant costs next to the compensation.
 */
export async function aghExtraCostsByMonth(db: Db, programId: number, from: string, to: string): Promise<ExtraCostsMonth[]> {
  const rows = await db
    .selectFrom('agh_extra_costs as x')
    .innerJoin('placements as p', 'p.id', 'x.placement_id')
    .select([
      'x.month',
      'p.commune_id',
      'x.kind',
      (eb) => eb.fn.sum<number>('x.amount_cents').as('cents'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('p.program_id', '=', programId)
    .where('x.month', '>=', from.slice(0, 7))
    .where('x.month', '<=', to.slice(0, 7))
    .groupBy(['x.month', 'p.commune_id', 'x.kind'])
    .orderBy('x.month')
    .orderBy('p.commune_id')
    .orderBy('x.kind')
    .execute();
  return rows.map((r) => ({ month: r.month, communeId: r.commune_id, kind: r.kind, amountCents: Number(r.cents), count: Number(r.n) }));
}
