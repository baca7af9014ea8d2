import type { Kysely } from 'kysely';
import type { OpenValue } from '../../../shared/domain/participant-model.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * Old or imported values the catalogues could not map, kept as they were and listed here for a person to decide
 * (issue 14 item 6): residence statuses without a title, nationalities without a country, and residence permits
 * whose paragraph is missing (the rules cannot tell a refugee from a student without it), home towns that are no
 * commune of Lotse (kept as text; the Wohnort rules cannot place them). Anonymised people are
 * left out. Most frequent value first.
 */
export async function openValues(db: Db): Promise<OpenValue[]> {
  const base = db.selectFrom('participants').where('anonymised_at', 'is', null);
  const statuses = await base
    .select(['id', 'residence_status as value'])
    .where('residence_title_code', 'is', null)
    .where('residence_status', 'is not', null)
    .execute();
  const nationalities = await base
    .select(['id', 'nationality as value'])
    .where('nationality_code', 'is', null)
    .where('nationality', 'is not', null)
    .execute();
  const noBasis = await base.select(['id', 'residence_status as value']).where('residence_title_code', '=', 'ae_unbestimmt').execute();
  const towns = await base.select(['id', 'commune_text as value']).where('commune_id', 'is', null).where('commune_text', 'is not', null).execute();
  return [
    ...group('residenceStatus', statuses),
    ...group('residenceTitleBasis', noBasis),
    ...group('nationality', nationalities),
    ...group('commune', towns),
  ];
}

function group(field: OpenValue['field'], rows: Array<{ id: number; value: string | null }>): OpenValue[] {
  const byValue = new Map<string, number[]>();
  for (const r of rows) {
    if (r.value === null) continue;
    byValue.set(r.value, [...(byValue.get(r.value) ?? []), r.id]);
  }
  return [...byValue.entries()]
    .map(([value, participantIds]) => ({ field, value, count: participantIds.length, participantIds }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'de'));
}
