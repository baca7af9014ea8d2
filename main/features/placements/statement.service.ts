import type { Kysely } from 'kysely';
import type { Statement } from '../../../shared/domain/placements.js';
import { AppError } from '../../../shared/errors.js';
import { compensationCents } from '../../../shared/rules/compensation.js';
import type { Database } from '../../db/schema.js';
import { getAghSettings } from './agh-settings.service.js';
import { extraCostsByPlacement } from './extra-costs.service.js';
import { displayName } from './placements.service.js';
import { statementState } from './statement-state.service.js';
import { monthRange } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

// one collator for the sort: localeCompare would build a new one per comparison
const collator = new Intl.Collator('de');

/** Hours per placement of a commune's month. */
async function hoursByPlacement(db: Db, programId: number, communeId: number, month: string): Promise<Map<number, number>> {
  const { from, to } = monthRange(month);
  // one aggregate in SQL, driven by the commune's placements and the (placement_id, work_date) index: a commune's
  // month stays fast with millions of hour rows in the database
  const sums = await db
    .selectFrom('hours as h')
    .innerJoin('placements as p', 'p.id', 'h.placement_id')
    .select(['p.id', (eb) => eb.fn.sum<number>('h.hours_x100').as('hours')])
    .where('h.work_date', '>=', from)
    .where('h.work_date', '<=', to)
    .where('p.program_id', '=', programId)
    .where('p.commune_id', '=', communeId)
    .groupBy('p.id')
    .execute();
  const out = new Map<number, number>();
  for (const r of sums) if (Number(r.hours) > 0) out.set(r.id, Number(r.hours));
  return out;
}

/** The placements' names, file numbers, sites and rates. */
async function placementDetails(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('placements as p')
    .innerJoin('participants as t', 't.id', 'p.participant_id')
    .select(['p.id', 'p.site', 'p.activity', 'p.rate_cents', 't.last_name', 't.first_name', 't.case_number'])
    .where('p.id', 'in', ids)
    .execute();
}

/**
 * Monthly statement (Abrechnung der Aufwandsentschädigung) of one commune: per placement with hours or extra costs
 * in the month its hours, rate, compensation (rounded once per placement-month, see shared/rules/compensation.ts),
 * extra costs and the payout; the sums; its state and letterhead. It goes to the commune that pays, so it carries
 * names.
 */
export async function monthlyStatement(db: Db, programId: number, communeId: number, month: string): Promise<Statement> {
  const program = await db.selectFrom('programs').select(['id', 'name', 'operator']).where('id', '=', programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${programId} nicht gefunden.`, 'Program not found.');
  const commune = await db.selectFrom('communes').select(['id', 'name']).where('id', '=', communeId).executeTakeFirst();
  if (!commune) throw new AppError('not_found', `Kommune ${communeId} nicht gefunden.`, 'Commune not found.');
  const hours = await hoursByPlacement(db, programId, communeId, month);
  const extra = await extraCostsByPlacement(db, programId, communeId, month);
  const ids = [...new Set([...hours.keys(), ...extra.keys()])];
  const rows = (await placementDetails(db, ids))
    .map((d) => {
      const hoursX100 = hours.get(d.id) ?? 0;
      const amountCents = compensationCents(hoursX100, d.rate_cents);
      const extraCostsCents = extra.get(d.id) ?? 0;
      return {
        placementId: d.id,
        participantName: displayName(d.last_name, d.first_name),
        fileNumber: d.case_number,
        site: d.site,
        activity: d.activity,
        hoursX100,
        rateCents: d.rate_cents,
        amountCents,
        extraCostsCents,
        payoutCents: amountCents + extraCostsCents,
      };
    })
    .sort((a, b) => collator.compare(a.participantName, b.participantName) || a.placementId - b.placementId);
  const settings = await getAghSettings(db, programId);
  const state = await statementState(db, { programId, communeId, month });
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    programId,
    programName: program.name,
    operator: program.operator,
    operatorAddress: settings.operatorAddress,
    fileReference: settings.fileReference,
    communeId,
    communeName: commune.name,
    month,
    ...state,
    rows,
    totalHoursX100: sum((r) => r.hoursX100),
    totalCents: sum((r) => r.amountCents),
    totalExtraCostsCents: sum((r) => r.extraCostsCents),
    totalPayoutCents: sum((r) => r.payoutCents),
  };
}
