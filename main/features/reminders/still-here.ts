import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Of these people, those still in the coordinator's care, each with the day that care began: the earliest start
 * of an open enrollment (interessiert or aktiv; '' when it has no start yet), or '' for people with no enrollment at
 * all (just registered). People whose every enrollment ended are not chased for an application's answer, an expiring
 * document or title: the program's work with them is over (the follow-up after exit has its own rule). Without
 * this, records of programs that ended years ago would fill Heute with reminders nobody will settle.
 */
export async function inCare(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  const open = new Map<number, string>();
  const enrolled = new Set<number>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('enrollments')
      .select(['participant_id', 'status', 'start_date'])
      .where('participant_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      enrolled.add(r.participant_id);
      if (r.status !== 'interessiert' && r.status !== 'aktiv') continue;
      const since = r.start_date ?? '';
      const known = open.get(r.participant_id);
      if (known === undefined || since < known) open.set(r.participant_id, since);
    }
  }
  for (const id of unique) if (!enrolled.has(id)) open.set(id, '');
  return open;
}
