import path from 'node:path/posix';
import type { Cell, RawRow } from './read.js';
import { eachElement, type ElementHandlers } from './elements.js';
import { limitErrors, type ReadLimits } from './limits.js';
import { attr, decodeXml, isNameEnd, nameAt } from './xml-text.js';
import { readEntryText, streamEntryText, ZipError, zipEntries, type ZipEntry } from './zip.js';

/**
 * Lotse's own reader for the part of SpreadsheetML (.xlsx) a participant list uses: sheet names and order, shared
 * and inline strings (rich text joined), numbers, booleans, cached formula results, error cells as empty, and dates
 * from the cell's number format (1900 and 1904 date systems). It streams each sheet while it unpacks and keeps
 * nothing but the rows. Why not exceljs's streaming reader: it builds a style and value object per cell, which
 * made reading the largest part of an import, and it hangs on a broken deflate stream instead of failing.
 */
// the test of the XML decoding imports it from here, where the workbook reader uses it
export { decodeXml };

export interface XlsxHooks {
  /** every complete row with at least one value; throw to stop (limits, cancel) */
  onRow: (row: RawRow) => void;
  /** called after each unpacked piece of a sheet with the rows read so far in all sheets */
  onProgress?: (rowsRead: number) => void;
}

// ---------- XML text helpers ----------

/** The namespace prefix ("x:" or "") of the document's root element, seen in its first chunk. */
function prefixOf(root: string): (first: string) => string {
  return (first) => {
    const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>]`).exec(first);
    return m?.[1] ?? '';
  };
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * The text of a shared or inline string: every <t> joined, phonetic guides (<rPh>) left out. One pass over the
 * element (each '<' looked at once), so a hostile string costs time in proportion to its length.
 */
export function stringText(el: string): string {
  const plain = plainString(el);
  if (plain !== null) return plain;
  let out = '';
  let i = 0;
  for (;;) {
    const lt = el.indexOf('<', i);
    if (lt < 0) return out;
    const gt = el.indexOf('>', lt);
    if (gt < 0) return out;
    i = gt + 1;
    const name = nameAt(el, lt + 1, gt);
    // closing tags, comments and processing instructions hold no text of their own
    if (!/^[A-Za-z_]/.test(name) || el[gt - 1] === '/') continue;
    const local = localName(name);
    if (local === 'rPh') {
      const end = el.indexOf(`</${name}>`, i);
      if (end < 0) return out;
      i = end + name.length + 3;
    } else if (local === 't') {
      const [text, next] = elementText(el, i, `</${name}>`);
      out += text;
      i = next;
    }
  }
}

/** The two forms nearly every shared string has (one <t>, no markup inside), without looking at each tag. */
function plainString(el: string): string | null {
  if (!el.endsWith('</t></si>')) return null;
  const from = el.startsWith('<si><t>') ? 7 : el.startsWith('<si><t xml:space="preserve">') ? 28 : -1;
  if (from < 0) return null;
  const text = el.slice(from, -9);
  return text.includes('<') ? null : decodeXml(text);
}

/** The text of a <t> from just after its start tag to `close`: XML-escaped, or literal inside CDATA (never from Excel). */
function elementText(el: string, from: number, close: string): [string, number] {
  let out = '';
  let i = from;
  for (;;) {
    const lt = el.indexOf('<', i);
    if (lt < 0) return [out + decodeXml(el.slice(i)), el.length];
    out += decodeXml(el.slice(i, lt));
    if (el.startsWith('<![CDATA[', lt)) {
      const end = el.indexOf(']]>', lt + 9);
      if (end < 0) return [out + el.slice(lt + 9), el.length];
      out += el.slice(lt + 9, end);
      i = end + 3;
      continue;
    }
    // the close tag, or markup that does not belong into a <t>: the text ends here either way
    return [out, el.startsWith(close, lt) ? lt + close.length : lt];
  }
}

// ---------- workbook parts ----------

interface Relationship {
  type: string;
  target: string;
}

/** A small part (workbook, relationships, styles) inflated at once, after its declared size passed the limit. */
function partText(buf: Buffer, entry: ZipEntry, limits: ReadLimits): string {
  if (entry.size > limits.maxPartMb * 1024 * 1024) throw limitErrors.part(limits);
  return readEntryText(buf, entry);
}

function relationships(buf: Buffer, entries: Map<string, ZipEntry>, file: string, limits: ReadLimits): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const entry = entries.get(file);
  if (!entry) return rels;
  const xml = partText(buf, entry, limits);
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, { type: attr(m[0], 'Type') ?? '', target: decodeXml(target) });
  }
  return rels;
}

function resolve(fromDir: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : path.normalize(path.join(fromDir, target));
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, plus the East Asian ones Excel uses). */
const builtinDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when, outside quoted text, escapes and [colour]/[locale] brackets, it has d m y h s. */
export function isDateFormat(code: string): boolean {
  // Excel's format codes have at most 255 characters; a longer one is no date format and never worth a regex
  if (code.length > 255) return false;
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index: whether its number format is a date. */
function dateStyles(buf: Buffer, entries: Map<string, ZipEntry>, file: string | null, limits: ReadLimits): boolean[] {
  const entry = file ? entries.get(file) : undefined;
  if (!entry) return [];
  const xml = partText(buf, entry, limits);
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, decodeXml(code));
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs[\s>][\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:[\w.-]+:)?xf[\s/>][^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : builtinDateFormats.has(id));
  }
  return out;
}

/** The scanner's settings for one kind of element of a streamed part, with the element-size limit. */
function elements(limits: ReadLimits, root: string, name: string, each: (el: string) => void): ElementHandlers {
  return {
    tag: (first) => `${prefixOf(root)(first)}${name}`,
    each,
    maxChars: limits.maxElementChars,
    tooLong: () => limitErrors.element(name === 'row' ? 'eine Zeile' : 'ein Text', limits),
  };
}

/** The shared-string table, held in memory while the sheets are read: its entries and characters are capped. */
async function sharedStrings(buf: Buffer, entries: Map<string, ZipEntry>, file: string | null, limits: ReadLimits): Promise<string[]> {
  const entry = file ? entries.get(file) : undefined;
  const out: string[] = [];
  if (!entry) return out;
  let chars = 0;
  const scan = await eachElement(
    streamEntryText(buf, entry),
    elements(limits, 'sst', 'si', (el) => {
      const s = stringText(el);
      chars += s.length;
      if (out.length >= limits.maxSharedStrings || chars > limits.maxSharedStringChars) throw limitErrors.sharedStrings(limits);
      out.push(s);
    }),
  );
  if (scan.unfinished) throw new ZipError('shared strings cut off');
  return out;
}

/**
 * "AB12" → 27 (0-based column); -1 for a reference without letters. Stops counting past `max`, so a reference
 * like "ZZZZZZ2" is simply too far right (the caller refuses it) and never a width to pad a row to.
 */
export function columnOf(ref: string, max: number): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > max) return max;
  }
  return n - 1;
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// ---------- the reader ----------

/** The zip holds no SpreadsheetML workbook; `openDocument` when it looks like an OpenDocument file (.ods). */
export class NotAWorkbookError extends ZipError {
  constructor(readonly openDocument: boolean) {
    super('no workbook part');
  }
}

export interface XlsxWorkbook {
  sheetNames: string[];
  /** reads one sheet (by position), calling hooks.onRow for each row with a value */
  readSheet: (index: number, hooks: XlsxHooks) => Promise<void>;
}

export async function openXlsx(buf: Buffer, limits: ReadLimits): Promise<XlsxWorkbook> {
  const entries = zipEntries(buf);
  const rootRels = relationships(buf, entries, '_rels/.rels', limits);
  const officeDoc = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDoc ? resolve('', officeDoc.target) : 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPath);
  if (!workbookEntry) throw new NotAWorkbookError(entries.has('content.xml') || entries.has('mimetype'));
  const workbookXml = partText(buf, workbookEntry, limits);
  const dir = path.dirname(workbookPath);
  const rels = relationships(buf, entries, `${dir}/_rels/${path.basename(workbookPath)}.rels`, limits);
  const partOf = (suffix: string) => {
    const r = [...rels.values()].find((x) => x.type.endsWith(suffix));
    return r ? resolve(dir, r.target) : null;
  };
  const pr = /<(?:[\w.-]+:)?workbookPr\s[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const date1904 = ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  const styles = dateStyles(buf, entries, partOf('/styles'), limits);
  const strings = await sharedStrings(buf, entries, partOf('/sharedStrings'), limits);

  const sheets: { name: string; part: string }[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const name = decodeXml(attr(m[0], 'name') ?? '');
    const id = /\s[\w.-]+:id=("([^"]*)"|'([^']*)')/.exec(m[0]);
    const rel = id ? rels.get(id[2] ?? id[3] ?? '') : undefined;
    // chart sheets and macro sheets hold no list
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name, part: resolve(dir, rel.target) });
  }

  const values: CellValues = { strings, styles, date1904 };
  let rowsRead = 0;
  const readSheet = async (index: number, hooks: XlsxHooks): Promise<void> => {
    const sheet = sheets[index];
    const entry = sheet ? entries.get(sheet.part) : undefined;
    if (!entry) throw new ZipError('sheet part missing');
    const rows = new RowParser(values, limits);
    const scan = await eachElement(
      streamEntryText(buf, entry),
      {
        ...elements(limits, 'worksheet', 'row', (el) => {
          const row = rows.parse(el);
          if (row) {
            rowsRead++;
            hooks.onRow(row);
          }
        }),
        tag: (first) => rows.usePrefix(prefixOf('worksheet')(first)),
      },
      () => hooks.onProgress?.(rowsRead),
    );
    // a sheet that ends inside a row was cut off (the zip's checks passed, so it was written that way)
    if (scan.unfinished) throw new ZipError('sheet cut off inside a row');
  };
  return { sheetNames: sheets.map((s) => s.name), readSheet };
}

/** What turns a cell's raw text into a value: the shared strings, which styles are dates, the date system. */
interface CellValues {
  strings: string[];
  styles: boolean[];
  date1904: boolean;
}

/**
 * Turns one <row> element into a row of values. Every position is checked against Excel's bounds before anything
 * is allocated for it: a row number past the last Excel row, a cell past column XFD and more row elements than
 * Excel has rows are refused.
 */
class RowParser {
  private cellOpen = '<c';
  private vOpen = '<v';
  private vClose = '</v>';
  private cClose = '</c>';
  private nextRow = 1;
  private elements = 0;

  constructor(
    private readonly values: CellValues,
    private readonly limits: ReadLimits,
  ) {}

  /** The sheet's namespace prefix ("x:" or ""); returns the row element's name. */
  usePrefix(p: string): string {
    this.cellOpen = `<${p}c`;
    this.vOpen = `<${p}v`;
    this.vClose = `</${p}v>`;
    this.cClose = `</${p}c>`;
    return `${p}row`;
  }

  /** The row with its values, or null when it holds none. */
  parse(el: string): RawRow | null {
    const limits = this.limits;
    if (++this.elements > limits.maxRowNumber) throw limitErrors.rowNumber(limits);
    const tagEnd = el.indexOf('>');
    const r = Number(attr(el.slice(0, tagEnd), 'r'));
    const rowNumber = Number.isInteger(r) && r > 0 ? r : this.nextRow;
    if (rowNumber > limits.maxRowNumber) throw limitErrors.rowNumber(limits);
    this.nextRow = rowNumber + 1;
    if (el[tagEnd - 1] === '/') return null;
    const cells: Cell[] = [];
    let any = false;
    let col = 0;
    let pos = tagEnd + 1;
    for (;;) {
      const start = el.indexOf(this.cellOpen, pos);
      if (start < 0) break;
      if (!isNameEnd(el[start + this.cellOpen.length])) {
        pos = start + this.cellOpen.length;
        continue;
      }
      const gt = el.indexOf('>', start);
      if (gt < 0) break;
      const tag = el.slice(start, gt);
      const ref = attr(tag, 'r');
      const refCol = ref ? columnOf(ref, limits.maxColumns) : -1;
      if (refCol >= 0) col = refCol;
      const at = col++;
      if (at >= limits.maxColumns) throw limitErrors.column(rowNumber, limits);
      if (el[gt - 1] === '/') {
        pos = gt + 1;
        continue;
      }
      const end = el.indexOf(this.cClose, gt);
      const body = el.slice(gt + 1, end < 0 ? el.length : end);
      pos = end < 0 ? el.length : end + this.cClose.length;
      let value = this.cellValue(tag, body);
      if (typeof value === 'string') {
        if (value.length > limits.maxCellChars) throw limitErrors.longCell(rowNumber, value.length, limits);
        if (value === '') value = null;
      }
      if (value === null) continue;
      while (cells.length < at) cells.push(null);
      cells[at] = value;
      any = true;
    }
    return any ? { rowNumber, cells } : null;
  }

  private cellValue(tag: string, body: string): Cell {
    const type = attr(tag, 't');
    if (type === 'inlineStr') return stringText(body);
    let raw: string | null = null;
    const vs = body.indexOf(this.vOpen);
    if (vs >= 0 && isNameEnd(body[vs + this.vOpen.length])) {
      const vgt = body.indexOf('>', vs);
      if (vgt >= 0 && body[vgt - 1] !== '/') {
        const vEnd = body.indexOf(this.vClose, vgt);
        raw = body.slice(vgt + 1, vEnd < 0 ? body.length : vEnd);
      }
    }
    if (raw === null) return null;
    if (type === 's') return this.values.strings[Number(raw)] ?? null;
    if (type === 'str') return decodeXml(raw);
    if (type === 'b') return raw === '1' || raw === 'true';
    if (type === 'e') return null;
    if (type === 'd') {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    if (raw === '') return null;
    const n = Number(raw);
    if (!Number.isFinite(n)) return null;
    const s = Number(attr(tag, 's') ?? 0);
    return this.values.styles[s] ? serialToDate(n, this.values.date1904) : n;
  }
}
