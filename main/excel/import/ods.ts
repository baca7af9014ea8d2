import type { Cell, RawRow } from './read.js';
import { limitErrors, tooComplex, type ReadLimits } from './limits.js';
import { OdsContentScanner, type OdsPrefixes } from './ods-scanner.js';
import { attr, decodeEntities, nameAt } from './xml-text.js';
import { readEntryText, streamEntryText, ZipError, type ZipEntry } from './zip.js';

/**
 * Lotse's own reader for the part of an OpenDocument spreadsheet (.ods, LibreOffice Calc) a participant list uses:
 * the tables of content.xml in order, text (paragraphs, spaces, tabs, line breaks; comments left out), numbers
 * (office:value), dates (office:date-value), booleans, and the repeat counts LibreOffice writes for runs of equal
 * cells and rows. Covered cells (under a merged cell) are empty positions. Like the .xlsx reader it streams the
 * part while it unpacks; repeats cost nothing while they are empty, and a repeated value is bounded by the columns,
 * rows and cells limits before it is copied.
 */
export interface OdsHooks {
  /** every row with at least one value, with the position of its table; throw to stop (limits, cancel) */
  onRow: (row: RawRow, table: number) => void;
  onProgress?: (rowsRead: number) => void;
}

export interface OdsWorkbook {
  sheetNames: string[];
  /** reads one table (by position), or every table when `index` is null, in one pass over the content */
  read: (index: number | null, hooks: OdsHooks) => Promise<void>;
}

/** LibreOffice's own maximum; more tables in one file are no participant list. */
const MAX_TABLES = 10_000;

const namespaces: Record<keyof OdsPrefixes, string> = {
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
};

/** The prefixes the document binds to the three namespaces (LibreOffice: "table:", "text:", "office:"). */
function prefixesOf(first: string): OdsPrefixes {
  const head = first.slice(0, 64 * 1024);
  const out = { table: 'table:', text: 'text:', office: 'office:' };
  for (const key of Object.keys(namespaces) as (keyof OdsPrefixes)[]) {
    const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${namespaces[key].replace(/[.]/g, '\\.')}["']`).exec(head);
    if (m) out[key] = `${m[1]}:`;
  }
  return out;
}

export type OdsKind = 'spreadsheet' | 'other' | 'none';

/** What the package's mimetype (or, without one, its parts) says: an OpenDocument spreadsheet, another OpenDocument file, or neither. */
export function openDocumentKind(buf: Buffer, entries: Map<string, ZipEntry>): OdsKind {
  const mime = entries.get('mimetype');
  if (mime && mime.size < 200) {
    const type = readEntryText(buf, mime).trim();
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'spreadsheet';
    if (type.startsWith('application/vnd.oasis.opendocument')) return 'other';
  }
  return entries.has('content.xml') && !entries.has('[Content_Types].xml') ? 'spreadsheet' : 'none';
}

/** True when the package's manifest says its parts are encrypted (a password-protected .ods). */
export function isEncrypted(buf: Buffer, entries: Map<string, ZipEntry>, limits: ReadLimits): boolean {
  const manifest = entries.get('META-INF/manifest.xml');
  if (!manifest) return false;
  if (manifest.size > limits.maxPartMb * 1024 * 1024) throw limitErrors.part(limits);
  return /encryption-data[\s>/]/.test(readEntryText(buf, manifest));
}

export async function openOds(buf: Buffer, entries: Map<string, ZipEntry>, limits: ReadLimits): Promise<OdsWorkbook> {
  const content = entries.get('content.xml');
  if (!content) throw new ZipError('no content part');
  // first pass: the table names only (rows are skipped unparsed), so a sheet can be chosen before any row is held
  const sheetNames: string[] = [];
  await scan(buf, content, limits, {
    table: (tag, p) => {
      if (sheetNames.length >= MAX_TABLES) {
        throw tooComplex('die Datei hat zu viele Tabellenblätter', `${MAX_TABLES.toLocaleString('de-DE')} Blätter`, `more than ${MAX_TABLES} sheets`);
      }
      sheetNames.push(decodeEntities(attr(tag, `${p.table}name`) ?? '') || `Tabelle${sheetNames.length + 1}`);
    },
    row: () => undefined,
  });
  let rowsRead = 0;
  const read = async (index: number | null, hooks: OdsHooks): Promise<void> => {
    let table = -1;
    let rows: OdsRows | null = null;
    await scan(
      buf,
      content,
      limits,
      {
        table: () => {
          table++;
          rows = index === null || index === table ? new OdsRows(limits) : null;
        },
        row: (el, p) => {
          rows?.parse(el, p, (row) => {
            rowsRead++;
            hooks.onRow(row, table);
          });
        },
      },
      () => hooks.onProgress?.(rowsRead),
    );
  };
  return { sheetNames, read };
}

async function scan(
  buf: Buffer,
  content: ZipEntry,
  limits: ReadLimits,
  on: { table: (tag: string, p: OdsPrefixes) => void; row: (el: string, p: OdsPrefixes) => void },
  after?: () => void,
): Promise<void> {
  let scanner: OdsContentScanner | null = null;
  for await (const chunk of streamEntryText(buf, content)) {
    if (!scanner) {
      const p = prefixesOf(chunk);
      scanner = new OdsContentScanner(p, {
        table: (tag) => on.table(tag, p),
        row: (el) => on.row(el, p),
        maxChars: limits.maxElementChars,
        tooLong: () => limitErrors.element('eine Zeile', limits),
      });
    }
    scanner.write(chunk);
    after?.();
  }
  // a content part that ends inside a row was cut off (the zip's checks passed, so it was written that way)
  if (scanner?.unfinished) throw new ZipError('content cut off inside a row');
}

/** A repeat count attribute: a positive integer, 1 when absent or nonsense. */
function repeatOf(tag: string, name: string): number {
  const n = Number(attr(tag, name));
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

/**
 * Turns the row elements of one table into rows of values. Row and column positions count repeats; a value is
 * placed only within Excel's bounds (the same limits as the .xlsx reader), empty runs only move the position.
 */
class OdsRows {
  private nextRow = 1;
  private elements = 0;

  constructor(private readonly limits: ReadLimits) {}

  parse(el: string, p: OdsPrefixes, emit: (row: RawRow) => void): void {
    const limits = this.limits;
    if (++this.elements > limits.maxRowNumber) throw limitErrors.rowNumber(limits);
    const tagEnd = el.indexOf('>');
    const repeat = repeatOf(el.slice(0, tagEnd), `${p.table}number-rows-repeated`);
    const first = this.nextRow;
    this.nextRow = first + repeat;
    const cells = el[tagEnd - 1] === '/' ? [] : rowCells(el, tagEnd + 1, p, first, limits);
    if (cells.length === 0) return;
    if (this.nextRow - 1 > limits.maxRowNumber) throw limitErrors.rowNumber(limits);
    // a repeated row with values is handed on as often as it repeats; the rows and cells limits stop a huge count
    for (let k = 0; k < repeat; k++) emit({ rowNumber: first + k, cells: k === 0 ? cells : cells.slice() });
  }
}

/** The cells of one row from `from`; empty when the row holds no value. */
function rowCells(el: string, from: number, p: OdsPrefixes, rowNumber: number, limits: ReadLimits): Cell[] {
  const cellName = `${p.table}table-cell`;
  const coveredName = `${p.table}covered-table-cell`;
  const cells: Cell[] = [];
  let col = 0;
  let pos = from;
  for (;;) {
    const lt = el.indexOf('<', pos);
    if (lt < 0) break;
    const gt = el.indexOf('>', lt);
    if (gt < 0) break;
    const name = nameAt(el, lt + 1, gt);
    if (name !== cellName && name !== coveredName) {
      pos = gt + 1;
      continue;
    }
    const tag = el.slice(lt, gt);
    const repeat = repeatOf(tag, `${p.table}number-columns-repeated`);
    let body = '';
    if (el[gt - 1] === '/') pos = gt + 1;
    else {
      const close = `</${name}>`;
      const end = el.indexOf(close, gt);
      body = el.slice(gt + 1, end < 0 ? el.length : end);
      pos = end < 0 ? el.length : end + close.length;
    }
    // a covered cell lies under a merged cell: its position counts, its content (if any) is not shown
    const value = name === coveredName ? null : cellValue(tag, body, p, rowNumber, limits);
    const at = col;
    col += repeat;
    if (value === null) continue;
    if (col > limits.maxColumns) throw limitErrors.column(rowNumber, limits);
    while (cells.length < at) cells.push(null);
    for (let k = 0; k < repeat; k++) cells.push(value);
  }
  return cells;
}

function cellValue(tag: string, body: string, p: OdsPrefixes, rowNumber: number, limits: ReadLimits): Cell {
  // a formula error ("#DIV/0!") is no value, as in the .xlsx reader (LibreOffice marks it in its own namespace)
  if (attr(tag, 'calcext:value-type') === 'error') return null;
  const type = attr(tag, `${p.office}value-type`);
  if (type === 'float' || type === 'percentage' || type === 'currency') {
    const n = Number(attr(tag, `${p.office}value`));
    if (Number.isFinite(n)) return n;
  } else if (type === 'date') {
    const d = dateOf(attr(tag, `${p.office}date-value`));
    if (d) return d;
  } else if (type === 'boolean') {
    const b = attr(tag, `${p.office}boolean-value`);
    if (b === 'true' || b === 'false') return b === 'true';
  } else if (type === 'string') {
    const s = attr(tag, `${p.office}string-value`);
    if (s !== null) return checked(decodeEntities(s), rowNumber, limits);
  }
  // time values, strings, and anything whose value attribute is missing or broken: the text the cell shows
  return checked(cellText(body, p, limits.maxCellChars), rowNumber, limits);
}

function checked(s: string, rowNumber: number, limits: ReadLimits): string | null {
  if (s.length > limits.maxCellChars) throw limitErrors.longCell(rowNumber, s.length, limits);
  return s === '' ? null : s;
}

/** "1990-05-14" or "1990-05-14T08:30:00" (local time as written, taken as UTC like the .xlsx reader's dates). */
function dateOf(raw: string | null): Date | null {
  if (!raw) return null;
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/**
 * The text a cell shows: its paragraphs joined by line breaks, <text:s> as spaces, tabs and line breaks as
 * such, comments (<office:annotation>) left out. One pass; stops once the text passes `max` (the caller refuses it).
 */
export function cellText(body: string, p: OdsPrefixes, max: number): string {
  const para = [`${p.text}p`, `${p.text}h`];
  const annotation = `${p.office}annotation`;
  let out = '';
  let paragraphs = 0;
  let open = 0;
  let i = 0;
  while (out.length <= max) {
    const lt = body.indexOf('<', i);
    if (open > 0) out += decodeEntities(body.slice(i, lt < 0 ? body.length : lt));
    if (lt < 0) break;
    if (body.startsWith('<![CDATA[', lt)) {
      const end = body.indexOf(']]>', lt + 9);
      if (open > 0) out += body.slice(lt + 9, end < 0 ? body.length : end);
      i = end < 0 ? body.length : end + 3;
      continue;
    }
    const gt = body.indexOf('>', lt);
    if (gt < 0) break;
    i = gt + 1;
    const selfClosing = body[gt - 1] === '/';
    const name = nameAt(body, lt + 1, gt);
    if (name === annotation && !selfClosing) {
      const end = body.indexOf(`</${annotation}>`, i);
      i = end < 0 ? body.length : end + annotation.length + 3;
    } else if (para.includes(name)) {
      if (paragraphs++ > 0) out += '\n';
      if (!selfClosing) open++;
    } else if (name.startsWith('/') && para.includes(name.slice(1))) open = Math.max(0, open - 1);
    else if (open > 0) out += inlineText(name, body.slice(lt, gt), p, max - out.length + 1);
  }
  return out;
}

/** What an empty inline element stands for: <text:s text:c="n"/> n spaces (bounded), a tab, a line break. */
function inlineText(name: string, tag: string, p: OdsPrefixes, room: number): string {
  if (name === `${p.text}s`) {
    const n = Number(attr(tag, `${p.text}c`) ?? 1);
    return ' '.repeat(Math.max(0, Math.min(Number.isSafeInteger(n) && n > 0 ? n : 1, room)));
  }
  if (name === `${p.text}tab`) return '\t';
  if (name === `${p.text}line-break`) return '\n';
  return '';
}
