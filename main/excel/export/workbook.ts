import ExcelJS from 'exceljs';

/**
 * Shared building blocks of Lotse's export workbooks: German number and date formats, a bold frozen header with
 * autofilter, a print layout (landscape, fit to width, header repeated on every page) and text cells that can never
 * turn into formulas. Reports feed plain values in; this module decides how they look in Excel and LibreOffice.
 */

/** Number formats as German offices expect them (Excel localises separators on display). */
export const formats = {
  euro: '#,##0.00 €',
  hours: '#,##0.00',
  integer: '#,##0',
  percent: '0.0 %',
  date: 'dd.mm.yyyy',
  text: '@',
} as const;

export type ColumnKind = 'text' | 'integer' | 'hours' | 'euro' | 'date' | 'percent';

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  /** width in characters; defaults by kind */
  width?: number;
}

/** A plain value per column; euro in cents, hours in hundredths, dates as ISO text; null leaves the cell empty. */
export type RowValues<K extends string = string> = Record<K, string | number | null>;

const defaultWidth: Record<ColumnKind, number> = { text: 28, integer: 10, hours: 10, euro: 14, date: 12, percent: 10 };

/** Lotse as creator and fixed dates, so the same data gives the same file contents. */
function stamp(wb: { creator: string; lastModifiedBy: string; created: Date; modified: Date }, createdAt: Date): void {
  wb.creator = 'Lotse';
  wb.lastModifiedBy = 'Lotse';
  wb.created = createdAt;
  wb.modified = createdAt;
}

/** A new workbook with Lotse as creator and fixed dates so the same data gives the same file contents. */
export function createWorkbook(createdAt: Date = new Date(Date.UTC(2000, 0, 1))): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stamp(wb, createdAt);
  return wb;
}

/** ISO date → a real Excel date (UTC midnight, so no time zone shifts the day). */
export function excelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/**
 * Writes user text as a text cell. exceljs emits every string as a string cell (never a formula), and the text
 * format '@' keeps Excel from re-interpreting it when edited, so "=HYPERLINK(...)" in a name stays harmless text.
 */
export function setText(cell: ExcelJS.Cell, text: string | null): void {
  cell.value = text ?? '';
  cell.numFmt = formats.text;
}

/** Converts one plain value to its cell value and format. */
export function setValue(cell: ExcelJS.Cell, kind: ColumnKind, value: string | number | null): void {
  if (value === null) {
    cell.value = null;
    return;
  }
  switch (kind) {
    case 'text':
      setText(cell, String(value));
      return;
    case 'euro':
      // cents → euros as a real number; cents/100 is the nearest double to the exact amount
      cell.value = Number(value) / 100;
      cell.numFmt = formats.euro;
      return;
    case 'hours':
      cell.value = Number(value) / 100;
      cell.numFmt = formats.hours;
      return;
    case 'integer':
      cell.value = Number(value);
      cell.numFmt = formats.integer;
      return;
    case 'percent':
      cell.value = Number(value);
      cell.numFmt = formats.percent;
      return;
    case 'date':
      cell.value = typeof value === 'string' ? excelDate(value) : value;
      cell.numFmt = formats.date;
      return;
  }
}

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's rules for sheet names: at most 31 characters, none of \ / ? * [ ] : */
function sheetName(name: string): string {
  return name.slice(0, 31).replace(/[\\/?*[\]:]/g, '-');
}

export interface TableSheet {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  firstDataRow: number;
  /** last data row; equals headerRow when there are no rows */
  lastDataRow: number;
  /** 1-based column index of a key */
  col(key: string): number;
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string[]): number {
  title.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    setText(cell, line);
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  return title.length > 0 ? title.length + 2 : 1;
}

function styleHeader(cell: ExcelJS.Cell, header: string): void {
  setText(cell, header);
  cell.font = { bold: true };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  cell.border = { bottom: { style: 'thin' } };
}

/** Frozen header, autofilter over header and data, and the print layout; the same for both writers. */
function tableLayout(headerRow: number, lastDataRow: number, columnCount: number, landscape: boolean | undefined) {
  return {
    views: [{ state: 'frozen' as const, xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    autoFilter: { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastDataRow, headerRow), column: columnCount } },
    pageSetup: {
      paperSize: 9,
      orientation: landscape === false ? ('portrait' as const) : ('landscape' as const),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
  };
}

/**
 * A sheet with optional title lines, then a bold, frozen, filterable header row and the data rows. Print layout:
 * A4 landscape, fit to one page wide, header row repeated on every printed page.
 */
export function addTableSheet<K extends string>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: ColumnSpec<K>[],
  rows: RowValues<K>[],
  opts: { title?: string[]; landscape?: boolean } = {},
): TableSheet {
  const sheet = wb.addWorksheet(sheetName(name));
  const headerRow = writeTitle(sheet, opts.title ?? []);
  columns.forEach((c, i) => {
    styleHeader(sheet.getCell(headerRow, i + 1), c.header);
    sheet.getColumn(i + 1).width = c.width ?? defaultWidth[c.kind];
  });
  rows.forEach((r, ri) => {
    columns.forEach((c, ci) => setValue(sheet.getCell(headerRow + 1 + ri, ci + 1), c.kind, r[c.key]));
  });
  const lastDataRow = headerRow + rows.length;
  const layout = tableLayout(headerRow, lastDataRow, columns.length, opts.landscape);
  sheet.views = layout.views;
  sheet.autoFilter = layout.autoFilter;
  sheet.pageSetup = { ...sheet.pageSetup, ...layout.pageSetup };
  const index = new Map(columns.map((c, i) => [c.key as string, i + 1]));
  return {
    sheet,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow,
    col(key) {
      const i = index.get(key);
      if (i === undefined) throw new Error(`unknown column ${key}`);
      return i;
    },
  };
}

/**
 * A SUM formula under a column with its cached result set to the value Lotse computed, so viewers that do not
 * recalculate show the right figure and those that do (LibreOffice, Excel) arrive at the same one.
 */
export function addSumCell(t: TableSheet, row: number, key: string, kind: 'euro' | 'hours' | 'integer', computed: number): ExcelJS.Cell {
  const col = t.col(key);
  const letter = columnLetter(col);
  const cell = t.sheet.getCell(row, col);
  const result = kind === 'integer' ? computed : computed / 100;
  cell.value =
    t.lastDataRow >= t.firstDataRow
      ? { formula: `SUM(${letter}${t.firstDataRow}:${letter}${t.lastDataRow})`, result }
      : 0;
  cell.numFmt = kind === 'euro' ? formats.euro : kind === 'hours' ? formats.hours : formats.integer;
  cell.font = { bold: true };
  cell.border = { top: { style: 'thin' } };
  return cell;
}

/** Writes the workbook to a file. */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await wb.xlsx.writeFile(file);
}

/** Document properties of a workbook (File → Properties): what it is, for whom, which filter or period. */
export interface WorkbookProperties {
  title: string;
  subject: string;
  description: string;
  keywords: string;
  category: string;
  created: Date;
}

/**
 * A workbook of one table sheet exactly like `addTableSheet` makes it, written through exceljs' streaming
 * writer: each row goes to the file as it is added instead of living in memory as cell objects, so a list of
 * 100,000 people needs a fraction of the memory and time. For single-table exports that may grow that large.
 */
export async function writeTableWorkbook<K extends string>(
  file: string,
  props: WorkbookProperties,
  name: string,
  columns: ColumnSpec<K>[],
  rows: Iterable<RowValues<K>> & { length: number },
  opts: { title?: string[]; landscape?: boolean; footer?: string } = {},
): Promise<void> {
  await withoutDeprecationWarnings(() => streamTable(file, props, name, columns, rows, opts));
}

/**
 * exceljs' streaming writer zips through archiver, whose helper passes string entries to the deprecated
 * `Buffer()` constructor (safe there: strings, never sizes). Node warns about that only for code outside
 * node_modules, which a bundled Lotse is, so the first export would print a DeprecationWarning on the console.
 * Deprecation output is muted while the writer runs; Node reports DEP0005 once per process, so it stays quiet.
 */
async function withoutDeprecationWarnings(fn: () => Promise<void>): Promise<void> {
  const before = process.noDeprecation;
  process.noDeprecation = true;
  try {
    await fn();
  } finally {
    process.noDeprecation = before;
  }
}

async function streamTable<K extends string>(
  file: string,
  props: WorkbookProperties,
  name: string,
  columns: ColumnSpec<K>[],
  rows: Iterable<RowValues<K>> & { length: number },
  opts: { title?: string[]; landscape?: boolean; footer?: string },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  stamp(wb, props.created);
  wb.title = props.title;
  wb.subject = props.subject;
  wb.description = props.description;
  wb.keywords = props.keywords;
  wb.category = props.category;
  const title = opts.title ?? [];
  const headerRow = title.length > 0 ? title.length + 2 : 1;
  const layout = tableLayout(headerRow, headerRow + rows.length, columns.length, opts.landscape);
  const sheet = wb.addWorksheet(sheetName(name), {
    views: layout.views,
    pageSetup: layout.pageSetup,
    ...(opts.footer ? { headerFooter: { oddFooter: opts.footer } } : {}),
  });
  sheet.autoFilter = layout.autoFilter;
  // widths must be known before the first row is committed: the streaming writer emits <cols> with it
  sheet.columns = columns.map((c) => ({ width: c.width ?? defaultWidth[c.kind] }));
  writeTitle(sheet, title);
  for (let i = 1; i < headerRow; i++) sheet.getRow(i).commit();
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => styleHeader(header.getCell(i + 1), c.header));
  header.commit();
  let r = headerRow + 1;
  for (const values of rows) {
    const row = sheet.getRow(r++);
    columns.forEach((c, ci) => setValue(row.getCell(ci + 1), c.kind, values[c.key]));
    row.commit();
  }
  sheet.commit();
  await wb.commit();
}
