import type { Kysely, Selectable } from 'kysely';
import { receiptImportInput, type ReceiptBatch, type ReceiptImportInput, type ReceiptImportPreview, type ReceiptMapping } from '../../../shared/domain/finance.js';
import { AppError } from '../../../shared/errors.js';
import type { Database, FinanceImportBatchesTable } from '../../db/schema.js';
import { readRawInWorker } from '../../excel/import/in-worker.js';
import { findReceiptHeader, parseReceiptRows, pickReceiptSheet, proposeReceiptMapping, type ParsedReceipts } from '../../excel/import/receipt-table.js';
import { layoutKey } from '../../excel/import/saved-mapping.js';
import { audit } from '../audit/audit.service.js';
import { getImportLimits, getSetting, setSetting } from '../settings/settings.service.js';
import { planForBooking } from './ledger.service.js';
import { nowIso, todayIso } from '../../../shared/domain/dates.js';

/**
 * Receipts from an accounting export (.xlsx/.csv): the file is read by the importer's reader on its reading
 * thread (recognised by its bytes, within the import limits), the columns mapped to receipt fields (remembered per header layout), every row
 * checked; the import is one transaction and one batch that can be undone. Kept apart from the people import: it
 * shares reading and header words, not matching or enrollment.
 */

type Db = Kysely<Database>;
const MAPPINGS_KEY = 'finance.receiptMappings';
const SAMPLE_ROWS = 50;

type SavedReceiptMappings = Record<string, ReceiptMapping>;

interface Analysis {
  sheet: string | null;
  headerRow: number;
  headers: string[];
  mapping: ReceiptMapping;
  mappingSource: 'saved' | 'proposed' | 'given';
  parsed: ParsedReceipts;
}

async function analyse(db: Db, file: string, programId: number, given: ReceiptMapping | undefined, today: string): Promise<Analysis> {
  const plan = await planForBooking(db, programId);
  const limits = await getImportLimits(db);
  // read on a thread of its own with a heap limit, like every list (README, Import)
  const wb = await readRawInWorker(file, limits);
  const sheet = pickReceiptSheet(wb.sheets);
  const layout = findReceiptHeader(sheet);
  const saved = (await getSetting<SavedReceiptMappings>(db, MAPPINGS_KEY, {}))[layoutKey(layout.headers)];
  const mapping = given ?? saved ?? proposeReceiptMapping(layout.headers);
  const mappingSource = given ? 'given' : saved ? 'saved' : 'proposed';
  if (!mapping.includes('date') || !mapping.includes('amount') || !mapping.includes('position')) {
    throw new AppError('validation', 'Bitte den Spalten Datum, Betrag und Position zuordnen.', 'Map the columns date, amount and position.', {
      fields: [{ path: 'mapping', message: 'Datum, Betrag und Position werden gebraucht', messageEn: 'Date, amount and position are required' }],
      headers: layout.headers,
      mapping,
    });
  }
  const parsed = parseReceiptRows(sheet, layout, mapping, plan.positions, today);
  if (parsed.rowsTotal === 0) throw new AppError('no_data_rows', 'Die Liste enthält unter der Kopfzeile keine Zeilen.', 'No data rows below the header.');
  return { sheet: wb.kind !== 'csv' ? sheet.name : null, headerRow: layout.headerRow, headers: layout.headers, mapping, mappingSource, parsed };
}

/** What an import of the file would do: mapping, counts, total, a sample and every rejected row with its reason. */
export async function previewReceiptImport(db: Db, file: string, fileName: string, input: ReceiptImportInput, today = todayIso()): Promise<ReceiptImportPreview> {
  const d = receiptImportInput.parse(input);
  const a = await analyse(db, file, d.programId, d.mapping, today);
  return {
    fileName,
    sheet: a.sheet,
    headerRow: a.headerRow,
    headers: a.headers,
    mapping: a.mapping,
    mappingSource: a.mappingSource,
    rowsTotal: a.parsed.rowsTotal,
    accepted: a.parsed.accepted.length,
    totalCents: a.parsed.accepted.reduce((s, r) => s + r.amountCents, 0),
    sample: a.parsed.accepted.slice(0, SAMPLE_ROWS),
    rejected: a.parsed.rejected,
  };
}

const toBatch = (r: Selectable<FinanceImportBatchesTable>): ReceiptBatch => ({
  id: r.id,
  programId: r.program_id,
  fileName: r.file_name,
  rowsTotal: Number(r.rows_total),
  imported: Number(r.imported),
  rejected: Number(r.rejected),
  status: r.status,
  createdAt: r.created_at,
  undoneAt: r.undone_at,
});

/** Imports the accepted rows as one batch in one transaction and remembers the mapping for this layout. */
export async function commitReceiptImport(db: Db, file: string, fileName: string, input: ReceiptImportInput, today = todayIso()): Promise<ReceiptBatch> {
  const d = receiptImportInput.parse(input);
  const a = await analyse(db, file, d.programId, d.mapping, today);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('finance_import_batches')
      .values({ program_id: d.programId, file_name: fileName, rows_total: a.parsed.rowsTotal, imported: a.parsed.accepted.length, rejected: a.parsed.rejected.length, mapping: JSON.stringify(a.mapping) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = a.parsed.accepted.map((r) => ({
      program_id: d.programId,
      date: r.date,
      number: r.number,
      payee: r.payee,
      purpose: r.purpose,
      position_key: r.positionKey,
      amount_cents: r.amountCents,
      paid_on: r.paidOn,
      import_batch_id: id,
    }));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('finance_receipts').values(rows.slice(i, i + 500)).execute();
    const all = await getSetting<SavedReceiptMappings>(trx, MAPPINGS_KEY, {});
    await setSetting(trx, MAPPINGS_KEY, { ...all, [layoutKey(a.headers)]: a.mapping });
    await audit(trx, { action: 'import', entity: 'finance_receipts', entityId: id, details: `${fileName}: ${rows.length} Belege, ${a.parsed.rejected.length} abgelehnt` });
    return id;
  });
  return toBatch(await db.selectFrom('finance_import_batches').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** Past receipt imports of a program, newest first. */
export async function listReceiptBatches(db: Db, programId: number): Promise<ReceiptBatch[]> {
  const rows = await db.selectFrom('finance_import_batches').selectAll().where('program_id', '=', programId).orderBy('id', 'desc').execute();
  return rows.map(toBatch);
}

/** Undoes a receipt import: removes the receipts it created, nothing else. */
export async function undoReceiptBatch(db: Db, batchId: number): Promise<ReceiptBatch> {
  await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('finance_import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!batch) throw new AppError('not_found', 'Import nicht gefunden.', 'Import not found.');
    if (batch.status === 'undone') throw new AppError('conflict', 'Dieser Import wurde bereits rückgängig gemacht.', 'Import already undone.');
    const removed = await trx.deleteFrom('finance_receipts').where('import_batch_id', '=', batchId).executeTakeFirst();
    await trx.updateTable('finance_import_batches').set({ status: 'undone', undone_at: nowIso(), updated_at: nowIso() }).where('id', '=', batchId).execute();
    await audit(trx, { action: 'import_undo', entity: 'finance_receipts', entityId: batchId, details: `${Number(removed.numDeletedRows)} Belege entfernt` });
  });
  return toBatch(await db.selectFrom('finance_import_batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow());
}
