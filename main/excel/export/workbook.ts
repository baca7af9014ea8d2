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

/** A new workbook with Lotse as creator and fixed dates so the same data gives the same file contents. */
export function createWorkbook(createdAt: Date = new Date(Date.UTC(2000, 0, 1))): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lotse';
  wb.lastModifiedBy = 'Lotse';
  wb.created = createdAt;
  wb.modified = createdAt;
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

export interface TableSheet {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  firstDataRow: number;
  /** last data row; equals headerRow when there are no rows */
  lastDataRow: number;
  /** 1-based column index of a key */
  col(key: string): number;
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
  const sheet = wb.addWorksheet(name.slice(0, 31).replace(/[\\/?*[\]:]/g, '-'));
  const title = opts.title ?? [];
  title.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    setText(cell, line);
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  const headerRow = title.length > 0 ? title.length + 2 : 1;
  columns.forEach((c, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    setText(cell, c.header);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
    sheet.getColumn(i + 1).width = c.width ?? defaultWidth[c.kind];
  });
  rows.forEach((r, ri) => {
    columns.forEach((c, ci) => setValue(sheet.getCell(headerRow + 1 + ri, ci + 1), c.kind, r[c.key]));
  });
  const lastDataRow = headerRow + rows.length;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastDataRow, headerRow), column: columns.length } };
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: opts.landscape === false ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
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
