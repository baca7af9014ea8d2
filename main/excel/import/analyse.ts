import { AppError } from '../../../shared/errors.js';
import type { ImportMapping } from '../../../shared/domain/imports.js';
import { errors, readWorkbook, type RawSheet, type RawWorkbook, type ReadHooks } from './read.js';
import { findHeader, parseRows, pickSheet, proposeMapping, type ParsedTable, type TableLayout } from './table.js';

export interface Analysis {
  kind: RawWorkbook['kind'];
  sheets: { name: string; rows: number }[];
  sheet: string;
  layout: TableLayout;
  mapping: ImportMapping;
  proposed: ImportMapping;
  table: ParsedTable;
}

/**
 * Reads a file and turns the chosen (or most list-like) sheet into participant records with the given mapping,
 * or the proposed one. Pure: nothing touches the database. File-level problems throw AppErrors.
 */
export async function analyseFile(
  file: string,
  opts: { sheet?: string | null; mapping?: ImportMapping | null; savedMapping?: (headers: string[]) => ImportMapping | null; today: string } & ReadHooks,
): Promise<Analysis> {
  const wb = await readWorkbook(file, { onRows: opts.onRows, limits: opts.limits });
  const withRows = wb.sheets.filter((s) => s.rows.length > 0);
  if (withRows.length === 0) throw errors.empty();
  let sheet: RawSheet | undefined;
  // a CSV has one table; a sheet name given for it (CLI --sheet) is ignored
  if (opts.sheet && wb.kind === 'xlsx') {
    const wanted = opts.sheet.trim().toLowerCase();
    sheet = wb.sheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!sheet) {
      throw new AppError('not_found', `Das Tabellenblatt „${opts.sheet}“ gibt es in der Datei nicht.`, `Sheet "${opts.sheet}" not found.`, {
        sheets: wb.sheets.map((s) => s.name),
      });
    }
  } else sheet = pickSheet(withRows);
  if (sheet.rows.length === 0) throw errors.empty();
  const layout = findHeader(sheet);
  const proposed = proposeMapping(layout.headers);
  const saved = opts.savedMapping?.(layout.headers) ?? null;
  const mapping = normaliseMapping(opts.mapping ?? saved ?? proposed, layout.headers.length);
  // CSV rows are numbered as records with the header record as 1
  const rowBase = wb.kind === 'csv' ? layout.headerRow - 1 : 0;
  const table = parseRows(sheet, layout, mapping, opts.today, rowBase);
  if (table.rowsTotal === 0) {
    throw new AppError(
      'no_data_rows',
      'Die Tabelle enthält eine Kopfzeile, aber keine Personen.',
      'The sheet has a header but no data rows.',
    );
  }
  return {
    kind: wb.kind,
    sheets: wb.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: sheet.name,
    layout,
    mapping,
    proposed,
    table,
  };
}

function normaliseMapping(mapping: ImportMapping, width: number): ImportMapping {
  const out = mapping.slice(0, Math.max(width, mapping.length));
  while (out.length < width) out.push(null);
  return out;
}
