import { AppError } from '../../../shared/errors.js';
import type { ImportMapping } from '../../../shared/domain/imports.js';
import { errors, openWorkbook, readAllSheets, type RawRow, type RawSheet, type RawWorkbook, type ReadHooks } from './read.js';
import { findHeader, pickSheet, proposeMapping, rowParser, type ParsedRow, type ParsedTable, type RowParser, type TableLayout } from './table.js';

export interface Analysis {
  kind: RawWorkbook['kind'];
  sheets: { name: string; rows: number }[];
  sheet: string;
  layout: TableLayout;
  mapping: ImportMapping;
  proposed: ImportMapping;
  table: ParsedTable;
}

export interface AnalyseOptions extends ReadHooks {
  sheet?: string | null;
  mapping?: ImportMapping | null;
  savedMapping?: (headers: string[], proposed: ImportMapping) => ImportMapping | null;
  today: string;
  /** each accepted row as soon as it is parsed — an import writes while the rest of the file is still read */
  onAccepted?: (row: ParsedRow) => void;
}

/** The header is found among the first rows; until then rows wait, after that each row is parsed as it comes. */
const HEAD_ROWS = 30;

/** Turns the rows of one sheet into participant records: header and mapping from its head, then row by row. */
class SheetReader {
  private head: RawRow[] = [];
  private parser: RowParser | null = null;
  rows = 0;
  layout!: TableLayout;
  proposed!: ImportMapping;
  mapping!: ImportMapping;

  constructor(
    private readonly kind: RawWorkbook['kind'],
    private readonly opts: AnalyseOptions,
  ) {}

  push(row: RawRow): void {
    this.rows++;
    if (this.parser) this.parser.push(row);
    else {
      this.head.push(row);
      if (this.head.length === HEAD_ROWS) this.start();
    }
  }

  private start(): void {
    this.layout = findHeader({ name: '', rows: this.head });
    this.proposed = proposeMapping(this.layout.headers);
    const saved = this.opts.savedMapping?.(this.layout.headers, this.proposed) ?? null;
    this.mapping = normaliseMapping(this.opts.mapping ?? saved ?? this.proposed, this.layout.headers.length);
    // CSV rows are numbered as records with the header record as 1
    const rowBase = this.kind === 'csv' ? this.layout.headerRow - 1 : 0;
    this.parser = rowParser(this.layout, this.mapping, this.opts.today, rowBase, this.opts.onAccepted);
    for (const r of this.head.slice(this.layout.headerIndex + 1)) this.parser.push(r);
    this.head = [];
  }

  finish(): ParsedTable {
    if (!this.parser) this.start();
    return this.parser!.out;
  }
}

/**
 * Reads a file and turns the chosen (or most list-like) sheet into participant records with the given mapping,
 * or the proposed one. Pure: nothing touches the database. File-level problems throw AppErrors.
 */
export async function analyseFile(file: string, opts: AnalyseOptions): Promise<Analysis> {
  const source = await openWorkbook(file, { onRows: opts.onRows, limits: opts.limits });
  const named = opts.sheet && source.kind !== 'csv' ? opts.sheet.trim().toLowerCase() : null;
  const namedIndex = named === null ? -1 : source.sheetNames.findIndex((n) => n.trim().toLowerCase() === named);
  if (named !== null && namedIndex < 0) {
    throw new AppError('not_found', `Das Tabellenblatt „${opts.sheet}“ gibt es in der Datei nicht.`, `Sheet "${opts.sheet}" not found.`, {
      sheets: source.sheetNames,
    });
  }
  let index = named !== null ? namedIndex : 0;
  let sheets: { name: string; rows: number }[] | null = null;
  let buffered: RawSheet | null = null;
  // one pass when the sheet is known and someone consumes rows as they come (an import); otherwise every sheet is
  // read first — the preview lists each sheet with its row count, and the most list-like one is chosen
  if (!(opts.onAccepted && (named !== null || source.sheetNames.length === 1))) {
    const all = await readAllSheets(source);
    sheets = all.map((s) => ({ name: s.name, rows: s.rows.length }));
    const withRows = all.filter((s) => s.rows.length > 0);
    if (withRows.length === 0) throw errors.empty();
    buffered = named !== null ? all[index]! : pickSheet(withRows);
    index = all.indexOf(buffered);
  }

  const reader = new SheetReader(source.kind, opts);
  if (buffered) for (const r of buffered.rows) reader.push(r);
  else await source.readSheet(index, (r) => reader.push(r));
  if (reader.rows === 0) throw errors.empty();
  const table = reader.finish();
  if (table.rowsTotal === 0) {
    throw new AppError(
      'no_data_rows',
      'Die Tabelle enthält eine Kopfzeile, aber keine Personen.',
      'The sheet has a header but no data rows.',
    );
  }
  const name = source.sheetNames[index]!;
  return {
    kind: source.kind,
    // read in one pass, only the chosen sheet was counted
    sheets: sheets ?? [{ name, rows: reader.rows }],
    sheet: name,
    layout: reader.layout,
    mapping: reader.mapping,
    proposed: reader.proposed,
    table,
  };
}

function normaliseMapping(mapping: ImportMapping, width: number): ImportMapping {
  const out = mapping.slice(0, Math.max(width, mapping.length));
  while (out.length < width) out.push(null);
  return out;
}
