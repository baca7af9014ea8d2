import { tablesWithColumn } from '../../db/engine/catalog.js';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { recordAccess } from '../audit/audit.service.js';
import { getActor, getOperatorDetails } from '../settings/settings.service.js';
import type { OperatorDetails } from '../../../shared/domain/settings.js';
import { nowIso, todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;
export type Row = Record<string, unknown>;

export interface AccessExportData {
  format: 'lotse-auskunft-1';
  generatedAt: string;
  generatedBy: string;
  operator: OperatorDetails;
  participantId: number;
  /** every table's rows of this person, keyed by table name; audit_log includes the full trail */
  tables: Record<string, Row[]>;
  /** names of programs, communes, organisations, activities and fairs the rows point to, for readability */
  references: Record<string, Record<string, string>>;
}

/**
 * Tables that hold a `participant_id` column, read from the database itself, so a table a later feature adds is
 * included without anyone remembering to list it here.
 */
export async function participantTables(db: Db): Promise<string[]> {
  return tablesWithColumn(db, 'participant_id');
}

async function namesOf(db: Db, table: 'programs' | 'communes' | 'organisations', ids: Set<number>): Promise<Record<string, string>> {
  if (ids.size === 0) return {};
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return Object.fromEntries(rows.map((r) => [String(r.id), r.name]));
}

function collectIds(rows: Row[], column: string, into: Set<number>): void {
  for (const r of rows) {
    const v = r[column];
    if (typeof v === 'number') into.add(v);
  }
}

/** Everything Lotse holds on one person (Art. 15 DSGVO), read in one snapshot. */
export async function collectAccessData(db: Db, participantId: number): Promise<AccessExportData> {
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('participants').selectAll().where('id', '=', participantId).executeTakeFirst();
    if (!person) throw new AppError('not_found', `Teilnehmende Nr. ${participantId} nicht gefunden.`, 'Participant not found.');
    const tables: Record<string, Row[]> = { participants: [person as Row] };
    for (const table of await participantTables(trx)) {
      if (table === 'audit_log') continue;
      const res = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE participant_id = ${participantId} ORDER BY id`.execute(trx);
      tables[table] = res.rows;
    }
    // the stored files of the person's documents, named and sized (the bytes themselves stay encrypted in Lotse)
    const documentIds = (tables.person_documents ?? []).map((d) => d.id as number);
    tables.person_document_files =
      documentIds.length === 0
        ? []
        : await trx
            .selectFrom('person_document_files')
            .select(['document_id', 'file_name', 'mime', 'size', 'created_at'])
            .where('document_id', 'in', documentIds)
            .orderBy('document_id')
            .execute();
    const placementIds = (tables.placements ?? []).map((p) => p.id as number);
    tables.hours =
      placementIds.length === 0
        ? []
        : await trx.selectFrom('hours').selectAll().where('placement_id', 'in', placementIds).orderBy('work_date').execute();
    // where the data came from (Art. 15(1)(g)): the import files, without their reports, which name other people
    const batchIds = new Set<number>();
    for (const t of ['participants', 'enrollments']) collectIds(tables[t] ?? [], 'import_batch_id', batchIds);
    tables.import_batches =
      batchIds.size === 0
        ? []
        : await trx
            .selectFrom('import_batches')
            .select(['id', 'file_name', 'sender', 'sheet', 'status', 'created_at'])
            .where('id', 'in', [...batchIds])
            .orderBy('id')
            .execute();

    // the trail: entries about the person, and entries about the person's own records
    tables.audit_log = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) => eb.or([eb('participant_id', '=', participantId), eb.and([eb('entity', '=', 'participant'), eb('entity_id', '=', participantId)])]))
      .orderBy('id')
      .execute();

    const programIds = new Set<number>();
    const communeIds = new Set<number>();
    const orgIds = new Set<number>();
    for (const rows of Object.values(tables)) {
      collectIds(rows, 'program_id', programIds);
      collectIds(rows, 'commune_id', communeIds);
      collectIds(rows, 'organisation_id', orgIds);
    }
    const activityIds = new Set<number>();
    const fairIds = new Set<number>();
    collectIds(tables.attendance ?? [], 'activity_id', activityIds);
    for (const t of ['fair_registrations', 'fair_contacts', 'applications']) collectIds(tables[t] ?? [], 'fair_id', fairIds);
    const activities =
      activityIds.size === 0 ? [] : await trx.selectFrom('activities').select(['id', 'title', 'date']).where('id', 'in', [...activityIds]).execute();
    const fairs = fairIds.size === 0 ? [] : await trx.selectFrom('fairs').select(['id', 'title', 'date']).where('id', 'in', [...fairIds]).execute();
    return {
      format: 'lotse-auskunft-1' as const,
      generatedAt: nowIso(),
      generatedBy: await getActor(trx),
      operator: await getOperatorDetails(trx),
      participantId,
      tables,
      references: {
        programs: await namesOf(trx, 'programs', programIds),
        communes: await namesOf(trx, 'communes', communeIds),
        organisations: await namesOf(trx, 'organisations', orgIds),
        activities: Object.fromEntries(activities.map((a) => [String(a.id), `${a.title} (${a.date})`])),
        fairs: Object.fromEntries(fairs.map((f) => [String(f.id), `${f.title} (${f.date})`])),
      },
    };
  });
}

/**
 * Records that an access export was handed out: a `documents` row of kind 'auskunft' (the inputs, not the bytes)
 * and an entry in the access log. Called after the files were written, so a failed export leaves no trace.
 */
export async function recordAccessExport(db: Db, participantId: number, tables: Record<string, number>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documents')
      .values({
        participant_id: participantId,
        kind: 'auskunft',
        title: 'Auskunft nach Art. 15 DSGVO',
        params: JSON.stringify({ date: todayIso(), tables }),
      })
      .execute();
    await recordAccess(trx, {
      action: 'access_export',
      what: `Auskunft nach Art. 15 DSGVO (JSON und PDF) zu Teilnehmenden Nr. ${participantId}`,
      peopleCount: 1,
      participantId,
    });
  });
}
