import type { Transaction } from 'kysely';
import type { EligibilityGroup } from '../../../shared/domain/eligibility.js';
import { evaluateEligibility } from '../../../shared/rules/eligibility.js';
import type { Database } from '../../db/schema.js';
import { eligibilityPeople } from '../participants/eligibility-person.js';

/** Enrols the imported people as interested in the program (those not enrolled yet); returns how many. */
export async function enrol(trx: Transaction<Database>, program: { id: number; eligibility_rule: string }, ids: number[], batchId: number, today: string): Promise<number> {
  const rule = JSON.parse(program.eligibility_rule) as EligibilityGroup;
  const communeNames = new Map(
    (await trx.selectFrom('communes').select(['id', 'name']).execute()).map((c) => [c.id, c.name] as const),
  );
  let n = 0;
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400);
    const already = new Set(
      (await trx.selectFrom('enrollments').select('participant_id').where('program_id', '=', program.id).where('participant_id', 'in', chunk).execute()).map(
        (r) => r.participant_id,
      ),
    );
    const people = await eligibilityPeople(trx, chunk.filter((id) => !already.has(id)));
    if (people.size === 0) continue;
    const rows = [...people].map(([personId, person]) => {
      const res = evaluateEligibility(rule, person, today, (id) => communeNames.get(id));
      return {
        participant_id: personId,
        program_id: program.id,
        status: 'interessiert' as const,
        eligible: res.eligible ? 1 : 0,
        eligibility_reason: res.summary,
        // an interested person is recorded even if not (yet) eligible; the note says why that is allowed
        override_reason: res.eligible ? null : 'Beim Import als interessiert erfasst; Voraussetzungen vor Aufnahme prüfen',
        import_batch_id: batchId,
      };
    });
    await trx.insertInto('enrollments').values(rows).execute();
    n += rows.length;
  }
  return n;
}
