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
    })
    .execute();
}

/** Kinds of access the log records (Art. 5(2) accountability): who saw or took out personal data. */
export type AccessAction = 'export' | 'named_list' | 'certificate' | 'access_export' | (string & {});

export interface AccessEntry {
  /** e.g. 'export', 'named_list', 'certificate', 'access_export' */
  action: AccessAction;
  /** what was produced, without names: "Anwesenheitsliste Seminar 12.03.2026", "Programmabschlussbericht AGH" */
  what: string;
  peopleCount: number;
  /** set when the access concerned exactly one person (certificate, access export) */
  participantId?: number | null;
}

/**
 * Records an access to personal data (an export, a named list, a certificate, an access export): who, when,
 * what and how many people. Call it in the same transaction as any write that goes with it, or on its own.
 */
export async function recordAccess(db: Kysely<Database>, entry: AccessEntry): Promise<void> {
  await audit(db, {
    action: entry.action,
    entity: 'access',
    participantId: entry.participantId ?? null,
    peopleCount: entry.peopleCount,
    details: entry.what,
  });
}

export interface AuditQuery {
  action?: string | null;
  participantId?: number | null;
  limit?: number;
  offset?: number;
}

export interface AuditListEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  participantId: number | null;
  peopleCount: number | null;
  details: string | null;
  redacted: boolean;
}

/** The Protokoll view: newest first, filtered by action and/or person. Snapshots (before/after) are not listed. */
export async function listAudit(db: Kysely<Database>, q: AuditQuery = {}): Promise<{ total: number; entries: AuditListEntry[] }> {
  let base = db.selectFrom('audit_log');
  if (q.action) base = base.where('action', '=', q.action);
  if (q.participantId) base = base.where('participant_id', '=', q.participantId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'participant_id', 'people_count', 'details', 'redacted'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit ?? 200)
    .offset(q.offset ?? 0)
    .execute();
  return {
    total: Number(n),
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      participantId: r.participant_id,
      peopleCount: r.people_count,
      details: r.details,
      redacted: r.redacted === 1,
    })),
  };
}

/** Distinct actions in the log, for the Protokoll filter. */
export async function auditActions(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}

/**
 * GDPR erasure of audit snapshots: blanks before/after/details and marks the rows redacted. This is the only
 * change the audit_log triggers allow; who did what and when stays.
 */
export async function redactAuditEntries(db: Kysely<Database>, ids: number[]): Promise<number> {
  let done = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const res = await db
      .updateTable('audit_log')
      .set({ before: null, after: null, details: null, redacted: 1 })
      .where('id', 'in', chunk)
      .where('redacted', '=', 0)
      .executeTakeFirst();
    done += Number(res.numUpdatedRows);
  }
  return done;
}
