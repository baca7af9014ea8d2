import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { getActor } from '../settings/settings.service.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: number | null;
  participantId?: number | null;
  peopleCount?: number | null;
  before?: unknown;
  after?: unknown;
  details?: string | null;
}

/**
 * Appends to the audit trail inside the caller's transaction, so the change and its record land together or not
 * at all. The actor is the coordinator name from the settings.
 */
export async function audit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const actor = await getActor(db);
  await db
    .insertInto('audit_log')
    .values({
      actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      participant_id: entry.participantId ?? null,
      people_count: entry.peopleCount ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      details: entry.details ?? null,
    } as never)
    .execute();
}
