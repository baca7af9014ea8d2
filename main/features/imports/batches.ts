import type { Kysely } from 'kysely';
import type { ImportBatch } from '../../../shared/domain/imports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

function toBatch(r: BatchRow): ImportBatch {
  return {
    id: r.id,
    fileName: r.file_name,
    sender: r.sender,
    sheet: r.sheet,
    status: r.status,
    rowsTotal: r.rows_total,
    imported: r.imported,
    existingMatched: r.existing_matched,
    duplicatesInFile: r.duplicates_in_file,
    rejected: r.rejected,
    programId: r.program_id,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
  };
}

interface BatchRow {
  id: number;
  file_name: string;
  sender: string | null;
  sheet: string | null;
  status: 'committed' | 'undone';
  rows_total: number;
  imported: number;
  existing_matched: number;
  duplicates_in_file: number;
  rejected: number;
  program_id: number | null;
  created_at: string;
  undone_at: string | null;
}

export async function getBatch(db: Db, id: number): Promise<ImportBatch> {
  const r = await db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found', 'Diesen Import gibt es nicht.', 'Import batch not found.');
  return toBatch(r);
}

export async function listBatches(db: Db): Promise<ImportBatch[]> {
  const rows = await db.selectFrom('import_batches').selectAll().orderBy('id', 'desc').limit(200).execute();
  return rows.map(toBatch);
}
