import type { Kysely } from 'kysely';
import type { Statement } from '../../../shared/domain/placements.js';
import { AppError } from '../../../shared/errors.js';
import { compensationCents, monthRange } from '../../../shared/rules/compensation.js';
import type { Database } from '../../db/schema.js';
import { displayName } from './placements.service.js';

type Db = Kysely<Database>;

// one collator for the sort: localeCompare would build a new one per comparison
const collator = new Intl.Collator('de');

/**
 * Monthly statement (Abrechnung der Aufwandsentschädigung) of one commune: hours per placement in the month, its
 * rate, the amount (rounded once per placement-month, see shared/rules/compensation.ts) and the sum owed. It goes
 * to the commune that pays, so it carries names.
 */
export async function monthlyStatement(db: Db, programId: number, communeId: number, month: string): Promise<Statement> {
  const program = await db.selectFrom('programs').select(['id', 'name', 'operator']).where('id', '=', programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${programId} nicht gefunden.`, 'Program not found.');
  const commune = await db.selectFrom('communes').select(['id', 'name']).where('id', '=', communeId).executeTakeFirst();
  if (!commune) throw new AppError('not_found', `Kommune ${communeId} nicht gefunden.`, 'Commune not found.');
  const { from, to } = monthRange(month);
  // one aggregate in SQL, driven by the commune's placements and the (placement_id, work_date) index: a commune's
  // month stays fast with millions of hour rows in the database
  const sums = await db
    .selectFrom('hours as h')
    .innerJoin('placements as p', 'p.id', 'h.placement_id')
    .innerJoin('participants as t', 't.id', 'p.participant_id')
    .select(['p.id', 'p.site', 'p.activity', 'p.rate_cents', 't.last_name', 't.first_name', (eb) => eb.fn.sum<number>('h.hours_x100').as('hours')])
    .where('h.work_date', '>=', from)
    .where('h.work_date', '<=', to)
    .where('p.program_id', '=', programId)
    .where('p.commune_id', '=', communeId)
    .groupBy(['p.id', 'p.site', 'p.activity', 'p.rate_cents', 't.last_name', 't.first_name'])
    .execute();
  const rows = sums
    .map((d) => {
      const hoursX100 = Number(d.hours);
      return {
        placementId: d.id,
        participantName: displayName(d.last_name, d.first_name),
        site: d.site,
        activity: d.activity,
        hoursX100,
        rateCents: d.rate_cents,
        amountCents: compensationCents(hoursX100, d.rate_cents),
      };
    })
    .filter((r) => r.hoursX100 > 0)
    .sort((a, b) => collator.compare(a.participantName, b.participantName) || a.placementId - b.placementId);
  return {
    programId,
    programName: program.name,
    operator: program.operator,
    communeId,
    communeName: commune.name,
    month,
    rows,
    totalHoursX100: rows.reduce((s, r) => s + r.hoursX100, 0),
    totalCents: rows.reduce((s, r) => s + r.amountCents, 0),
  };
}
