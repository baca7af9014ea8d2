import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors.js';
import { defaultReadLimits, limitErrors, tooLarge, type ReadLimits } from './limits.js';
import { isEncrypted, openDocumentKind, openOds } from './ods.js';
import { NotAWorkbookError, openXlsx } from './xlsx.js';
import { zipEntries, type ZipEntry } from './zip.js';

/** One cell as the importer sees it: formulas, rich text and hyperlinks already reduced to their value. */
export type Cell = string | number | boolean | Date | null;

export interface RawRow {
  /** row number as Excel shows it (CSV: record number, counted so that the header record is 1 — see csv below) */
  rowNumber: number;
  cells: Cell[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

export type WorkbookKind = 'xlsx' | 'ods' | 'csv';

export interface RawWorkbook {
  kind: WorkbookKind;
  sheets: RawSheet[];
}

function fileError(code: 'unsupported_format' | 'password_protected' | 'corrupt_file' | 'not_a_spreadsheet' | 'empty_file', de: string, en: string): AppError {
  return new AppError(code, de, en);
}

export const errors = {
  unsupported: () =>
    fileError(
      'unsupported_format',
      'Dieses Dateiformat (altes Excel .xls) wird nicht gelesen – bitte als .ods oder .xlsx speichern und erneut importieren.',
      'Old .xls files are not supported – please save as .ods or .xlsx.',
    ),
  password: () =>
    fileError(
      'password_protected',
      'Die Datei ist mit einem Kennwort geschützt. Bitte in Excel oder LibreOffice ohne Kennwort speichern und erneut importieren.',
      'The file is password protected.',
    ),
  corrupt: () =>
    fileError(
      'corrupt_file',
      'Die Datei ist beschädigt oder unvollständig (z. B. abgebrochener Download) und kann nicht gelesen werden.',
      'The file is corrupt or truncated.',
    ),
  notSpreadsheet: () =>
    fileError(
      'not_a_spreadsheet',
      'Die Datei ist keine Tabelle (weder .xlsx, .ods noch CSV). Bitte eine Excel-, LibreOffice- oder CSV-Datei wählen.',
      'The file is not a spreadsheet.',
    ),
  empty: () => fileError('empty_file', 'Die Datei ist leer.', 'The file is empty.'),
};

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Old OLE/CFB container: either a binary .xls or an encrypted (password-protected) OOXML package. */
function isCfb(head: Buffer): boolean {
  return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

const knownBinary: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
];

/**
 * Reads a participant list from disk. File-level problems become AppErrors with the codes, checked from
 * the bytes, not the file name, so a PNG renamed .xlsx is still recognised.
 */
export interface ReadHooks {
  /** called every few thousand rows of a workbook; throwing from it (a cancelled job) stops the read */
  onRows?: (rowsRead: number) => void;
  /** safety limits (Einstellungen → Import); defaults below */
  limits?: Partial<ReadLimits>;
}

export { defaultReadLimits, type ReadLimits } from './limits.js';

const checkCell = (v: Cell, rowNumber: number, limits: ReadLimits): void => {
  if (typeof v === 'string' && v.length > limits.maxCellChars) throw limitErrors.longCell(rowNumber, v.length, limits);
};

/**
 * Counts what a file holds across all its sheets, so that its rows (which the preview keeps in memory) stay
 * bounded: data rows against the row setting, cells (each row as wide as its last value) against the cell limit.
 */
function rowCounter(limits: ReadLimits): (row: RawRow) => void {
  let cells = 0;
  return (row) => {
    cells += row.cells.length;
    if (cells > limits.maxCells) throw limitErrors.cells(limits);
  };
}

function checkRows(count: number, limits: ReadLimits): void {
  if (count > limits.maxRows) throw limitErrors.rows(limits);
}

/**
 * Sums the unpacked sizes the zip's central directory declares, before anything is decompressed. Refuses
 * archives that would unpack beyond the limit (zip bombs) or use ZIP64 sizes no participant list needs.
 */
export function declaredUnpackedBytes(buf: Buffer): number {
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(buf);
  } catch {
    throw errors.corrupt();
  }
  let total = 0;
  for (const e of entries.values()) {
    if (e.size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += e.size;
  }
  return total;
}

/** A workbook opened for reading: its sheet names, and each sheet's rows delivered in order as they are read. */
export interface WorkbookSource {
  kind: WorkbookKind;
  sheetNames: string[];
  /** calls onRow for every row of sheet `index` that holds a value; throwing from onRow stops the read */
  readSheet(index: number, onRow: (row: RawRow) => void): Promise<void>;
  /** every sheet in one pass, where the format keeps all sheets in one part (.ods); else sheet by sheet */
  readAll?(onRow: (row: RawRow, sheet: number) => void): Promise<void>;
}

/** Every sheet with all its rows (the preview and the tests; an import streams through openWorkbook instead). */
export async function readWorkbook(file: string, hooks: ReadHooks = {}): Promise<RawWorkbook> {
  const source = await openWorkbook(file, hooks);
  return { kind: source.kind, sheets: await readAllSheets(source) };
}

/** Every sheet of an opened workbook with all its rows. */
export async function readAllSheets(source: WorkbookSource): Promise<RawSheet[]> {
  if (source.readAll) {
    const all: RawSheet[] = source.sheetNames.map((name) => ({ name, rows: [] }));
    await source.readAll((row, sheet) => all[sheet]!.rows.push(row));
    return all;
  }
  const sheets: RawSheet[] = [];
  for (let i = 0; i < source.sheetNames.length; i++) {
    const rows: RawRow[] = [];
    await source.readSheet(i, (row) => rows.push(row));
    sheets.push({ name: source.sheetNames[i]!, rows });
  }
  return sheets;
}

export async function openWorkbook(file: string, hooks: ReadHooks = {}): Promise<WorkbookSource> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not_found', 'Die Datei wurde nicht gefunden.', 'File not found.');
  }
  if (stat.size === 0) throw errors.empty();
  const limits: ReadLimits = { ...defaultReadLimits, ...hooks.limits };
  if (stat.size > limits.maxFileMb * 1024 * 1024) {
    throw tooLarge(
      `Die Datei ist ${(stat.size / 1024 / 1024).toFixed(0)} MB groß (erlaubt: ${limits.maxFileMb} MB). Bitte aufteilen oder die Grenze ` +
        'unter Einstellungen → Import erhöhen. Es wurde nichts importiert.',
      `File larger than ${limits.maxFileMb} MB.`,
    );
  }
  const buf = fs.readFileSync(file);
  if (isCfb(buf)) {
    // directory entry names are UTF-16LE; an encrypted OOXML package holds "EncryptedPackage"
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw errors.password();
    throw errors.unsupported();
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    return openZipSource(buf, hooks, limits);
  }
  if (knownBinary.some((sig) => startsWith(buf, sig))) throw errors.notSpreadsheet();
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls' || ext === '.ods' || ext === '.xlsx') {
    // text in a file named like a workbook: an HTML "xls" export or something else entirely
    if (/^\s*<(!doctype|html|\?xml)/i.test(buf.subarray(0, 200).toString('latin1'))) throw errors.unsupported();
  }
  const text = decodeText(buf);
  if (text === null) throw errors.notSpreadsheet();
  if (text.trim() === '') throw errors.empty();
  // Excel's "sep=;" first line names the separator; it is no record
  const hint = /^sep=(.)\r?\n/i.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  const sep = hint ? hint[1]! : detectSeparator(body);
  const counted = rowCounter(limits);
  return {
    kind: 'csv',
    sheetNames: ['CSV'],
    readSheet: async (_index, onRow) => {
      let count = 0;
      for (const row of csvRecords(body, sep, limits)) {
        checkRows(++count, limits);
        for (const c of row.cells) checkCell(c, row.rowNumber, limits);
        counted(row);
        onRow(row);
        // hand the thread back often, so a consumer writing the rows gets its database answers without delay
        if (count % 500 === 0) {
          if (count % 2000 === 0) hooks.onRows?.(count);
          await new Promise((r) => setImmediate(r));
        }
      }
    },
  };
}

function hasEndOfCentralDirectory(buf: Buffer): boolean {
  const from = Math.max(0, buf.length - 65_557);
  return buf.subarray(from).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;
}

/** A zip package: an .xlsx workbook or an OpenDocument spreadsheet, after the checks every zip passes first. */
async function openZipSource(buf: Buffer, hooks: ReadHooks, limits: ReadLimits): Promise<WorkbookSource> {
  // a truncated download lacks the zip's central directory at the end
  if (!hasEndOfCentralDirectory(buf)) throw errors.corrupt();
  if (declaredUnpackedBytes(buf) > limits.maxUnpackedMb * 1024 * 1024) {
    throw tooLarge(
      `Die Datei würde entpackt mehr als ${limits.maxUnpackedMb} MB belegen und wird aus Sicherheitsgründen nicht gelesen. ` +
        'Bitte die Liste in Excel oder LibreOffice neu speichern. Es wurde nichts importiert.',
      'The workbook would unpack beyond the safety limit (zip bomb?).',
    );
  }
  const fileError = (err: unknown): unknown => {
    if (err instanceof AppError) return err;
    // a zip without a workbook: some other zip renamed
    if (err instanceof NotAWorkbookError) return errors.notSpreadsheet();
    return errors.corrupt();
  };
  try {
    const entries = zipEntries(buf);
    const kind = openDocumentKind(buf, entries);
    // an OpenDocument text or presentation is no list
    if (kind === 'other') throw errors.notSpreadsheet();
    if (kind === 'spreadsheet') {
      if (isEncrypted(buf, entries, limits)) throw errors.password();
      return await odsSource(await openOds(buf, entries, limits), hooks, limits, fileError);
    }
    return await xlsxSource(await openXlsx(buf, limits), hooks, limits, fileError);
  } catch (err) {
    throw fileError(err);
  }
}

/** Reports progress every 2,000 rows read, and counts the rows and cells of the file against their limits. */
function rowChecks(hooks: ReadHooks, limits: ReadLimits) {
  let lastReport = 0;
  const counted = rowCounter(limits);
  let count = 0;
  return {
    row: (row: RawRow) => {
      checkRows(++count, limits);
      counted(row);
    },
    restart: () => {
      count = 0;
    },
    progress: (read: number) => {
      if (read - lastReport >= 2000) {
        lastReport = read;
        hooks.onRows?.(read);
      }
    },
  };
}

async function xlsxSource(
  wb: Awaited<ReturnType<typeof openXlsx>>,
  hooks: ReadHooks,
  limits: ReadLimits,
  fileError: (err: unknown) => unknown,
): Promise<WorkbookSource> {
  if (wb.sheetNames.length === 0) throw errors.notSpreadsheet();
  const checks = rowChecks(hooks, limits);
  return {
    kind: 'xlsx',
    sheetNames: wb.sheetNames,
    readSheet: async (index, onRow) => {
      // the row limit holds per sheet, the cell limit for the whole file
      checks.restart();
      try {
        await wb.readSheet(index, {
          onRow: (row) => {
            checks.row(row);
            onRow(row);
          },
          onProgress: checks.progress,
        });
      } catch (err) {
        throw fileError(err);
      }
    },
  };
}

async function odsSource(
  wb: Awaited<ReturnType<typeof openOds>>,
  hooks: ReadHooks,
  limits: ReadLimits,
  fileError: (err: unknown) => unknown,
): Promise<WorkbookSource> {
  if (wb.sheetNames.length === 0) throw errors.notSpreadsheet();
  const read = async (index: number | null, onRow: (row: RawRow, sheet: number) => void) => {
    const checks = rowChecks(hooks, limits);
    let current = -1;
    try {
      await wb.read(index, {
        onRow: (row, sheet) => {
          // the row limit holds per sheet, the cell limit for the whole file (as for .xlsx)
          if (sheet !== current) checks.restart();
          current = sheet;
          checks.row(row);
          onRow(row, sheet);
        },
        onProgress: checks.progress,
      });
    } catch (err) {
      throw fileError(err);
    }
  };
  return {
    kind: 'ods',
    sheetNames: wb.sheetNames,
    readSheet: (index, onRow) => read(index, (row) => onRow(row)),
    readAll: (onRow) => read(null, onRow),
  };
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (what German Excel writes). Null: binary. */
export function decodeText(buf: Buffer): string | null {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return buf.subarray(3).toString('utf8');
  if (startsWith(buf, [0xff, 0xfe])) return iconv.decode(buf.subarray(2), 'utf16le');
  if (startsWith(buf, [0xfe, 0xff])) return iconv.decode(buf.subarray(2), 'utf16be');
  const sample = buf.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return null;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) controls++;
  }
  if (controls > sample.length / 50) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'win1252');
  }
}

/** The separator whose count per line is most consistent over the first lines (; , or tab). */
export function detectSeparator(text: string): string {
  // the first lines are enough, and splitting a whole 50,000-line file only to look at 30 of them is not
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  let best = ';';
  let bestScore = -1;
  for (const sep of [';', ',', '\t']) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep)).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [c, f] of freq) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
    const score = modeCount * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [sep, score];
  }
  return best;
}

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) n++;
  }
  return n;
}

/**
 * RFC 4180 with the separator detected: quoted fields may hold separators, doubled quotes and line breaks.
 * Row numbers count records from 1 (empty lines included, as Excel shows them when it opens the file); the
 * importer re-bases them so the header record is 1. A line without any quote (nearly all of them) is split as a
 * whole; only records with quotes go through the field-by-field parser. Both run in linear time and stop at the
 * limits (record length, columns, records, quoted field length) before holding more.
 */
export function parseCsv(text: string, sep = detectSeparator(text), limits: ReadLimits = defaultReadLimits): RawRow[] {
  return [...csvRecords(text, sep, limits)];
}

/** The records of parseCsv one at a time, so reading and importing can interleave. */
export function* csvRecords(text: string, sep: string, limits: ReadLimits = defaultReadLimits): Generator<RawRow> {
  const lineEnd = /[\r\n]/g;
  let recordNo = 1;
  let i = 0;
  // the next quote at or after i (-1: none left), remembered so that a file without quotes is searched once
  let nextQuote = -2;
  // the record's own array becomes the cells (empty → null in place): one array less per row of a big list
  const toRow = (record: string[]): RawRow | null => {
    if (record.length > limits.maxColumns) throw limitErrors.column(recordNo, limits);
    const cells = record as Cell[];
    let any = false;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k] as string;
      if (c === '') cells[k] = null;
      else if (!any && c.trim() !== '') any = true;
    }
    return any ? { rowNumber: recordNo, cells } : null;
  };
  while (i < text.length) {
    if (recordNo > limits.maxRowNumber) throw limitErrors.rowNumber(limits);
    lineEnd.lastIndex = i;
    const m = lineEnd.exec(text);
    const end = m ? m.index : text.length;
    let record: string[];
    // a quote anywhere in the line: the record may continue past the line end
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
    if (nextQuote < 0 || nextQuote >= end) {
      if (end - i > limits.maxElementChars) throw limitErrors.element('eine Zeile', limits);
      record = text.slice(i, end).split(sep);
      i = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    } else [record, i] = quotedRecord(text, i, sep, recordNo, limits);
    const row = toRow(record);
    if (row) yield row;
    recordNo++;
  }
}

const isBlank = (ch: string) => ch === ' ' || ch === '\t';

/**
 * One record that holds quotes, from `start` to the end of its last line; returns its fields and where the next
 * begins. Quoted text is taken in slices between quotes, and a quoted field is refused as soon as it passes the
 * cell limit (an unclosed quote would otherwise swallow the rest of the file).
 */
function quotedRecord(text: string, start: number, sep: string, recordNo: number, limits: ReadLimits): [string[], number] {
  const record: string[] = [];
  let field = '';
  // only blanks so far: a quote here opens a quoted field, anywhere else it is text
  let blank = true;
  let i = start;
  while (i < text.length) {
    if (i - start > limits.maxElementChars) throw limitErrors.element('eine Zeile', limits);
    const ch = text[i]!;
    if (ch === '"' && blank) {
      field = '';
      i = quotedField(text, i + 1, recordNo, limits, (part) => (field += part));
      blank = false;
      continue;
    }
    if (ch === sep) {
      record.push(field);
      field = '';
      blank = true;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      return [record, i + (ch === '\r' && text[i + 1] === '\n' ? 2 : 1)];
    } else {
      field += ch;
      if (blank && !isBlank(ch)) blank = false;
      if (field.length > limits.maxCellChars) throw limitErrors.longCell(recordNo, field.length, limits);
    }
    i++;
  }
  record.push(field);
  return [record, i];
}

/** The inside of a quoted field from just after its opening quote; hands on its text and returns the index after its closing quote. */
function quotedField(text: string, from: number, recordNo: number, limits: ReadLimits, add: (part: string) => void): number {
  let length = 0;
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    const end = q < 0 ? text.length : q;
    length += end - i;
    if (length > limits.maxCellChars) throw limitErrors.longQuoted(recordNo, limits);
    add(text.slice(i, end));
    if (q < 0) return text.length;
    if (text[q + 1] !== '"') return q + 1;
    add('"');
    length++;
    i = q + 2;
  }
}
