import { nowIso } from '../../../shared/domain/dates.js';
import type { Kysely } from 'kysely';
import type { ImportBatch, ImportUndoImpact } from '../../../shared/domain/imports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { reanchorPerson } from '../enrollments/anchor.service.js';
import { getBatch } from './batches.js';

type Db = Kysely<Database>;

/** Undoes a batch: deletes the people it created (and enrollments it made); matched people stay as they are. */
export async function undoBatch(db: Db, batchId: number): Promise<ImportBatch> {
  await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!batch) throw new AppError('not_found', 'Diesen Import gibt es nicht.', 'Import batch not found.');
    if (batch.status === 'undone') throw new AppError('conflict', 'Dieser Import wurde bereits rückgängig gemacht.', 'Already undone.');
    // only started enrollments can hold records; those of people who stay are re-anchored after the delete
    const started = await trx
      .selectFrom('enrollments')
      .select(['participant_id', 'program_id'])
      .where('import_batch_id', '=', batchId)
      .where('start_date', 'is not', null)
      .where('status', '<>', 'interessiert')
      .execute();
    await trx.deleteFrom('enrollments').where('import_batch_id', '=', batchId).execute();
    const removed = await trx.deleteFrom('participants').where('import_batch_id', '=', batchId).executeTakeFirst();
    for (const e of started) await reanchorPerson(trx, e.participant_id, e.program_id);
    const now = nowIso();
    await trx.updateTable('import_batches').set({ status: 'undone', undone_at: now, updated_at: now }).where('id', '=', batchId).execute();
    await audit(trx, {
      action: 'import_undo',
      entity: 'import_batch',
      entityId: batchId,
      peopleCount: Number(removed.numDeletedRows),
      details: `Import ${batch.file_name} rückgängig gemacht`,
    });
  });
  return getBatch(db, batchId);
}

/** What undoing the batch would remove, counted as undoBatch deletes it; the confirmation names these numbers. */
export async function undoImpact(db: Db, batchId: number): Promise<ImportUndoImpact> {
  const batch = await getBatch(db, batchId);
  if (batch.status === 'undone') throw new AppError('conflict', 'Dieser Import wurde bereits rückgängig gemacht.', 'Already undone.');
  const people = await db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  const enrollments = await db
    .selectFrom('enrollments')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('start_date', 'is not', null), eb('status', '<>', 'interessiert')])).then(1).else(0).end()).as('started'),
    ])
    .where('import_batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return {
    batchId,
    fileName: batch.fileName,
    people: Number(people.n),
    enrollments: Number(enrollments.n),
    startedEnrollments: Number(enrollments.started ?? 0),
    matchedStay: batch.existingMatched,
  };
}
