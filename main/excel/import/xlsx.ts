import path from 'node:path/posix';
import type { Cell, RawRow } from './read.js';
import { readEntryText, streamEntryText, ZipError, zipEntries, type ZipEntry } from './zip.js';

/**
 * Lotse's own reader for the part of SpreadsheetML (.xlsx) a participant list uses: sheet names and order, shared
 * and inline strings (rich text joined), numbers, booleans, cached formula results, error cells as empty, and dates
 * from the cell's number format (1900 and 1904 date systems). It streams each sheet while it unpacks and keeps
 * nothing but the rows. Why not exceljs's streaming reader: it builds a style and value object per cell, which
 * made reading the largest part of an import, and it hangs on a broken deflate stream instead of failing.
 */
export interface XlsxSheet {
  name: string;
  rows: RawRow[];
}

export interface XlsxHooks {
  /** every complete row with at least one value; throw to stop (limits, cancel) */
  onRow: (row: RawRow) => void;
  /** called after each unpacked piece of a sheet with the rows read so far in all sheets */
  onProgress?: (rowsRead: number) => void;
  maxCellChars: number;
  onLongCell: (rowNumber: number, length: number) => never;
}

// ---------- XML text helpers ----------

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, then OOXML's _xHHHH_ escapes (Excel writes a line break inside a cell as _x000D_). */
export function decodeXml(s: string): string {
  if (s.includes('&')) {
    s = s.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return named[name]!;
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** The value of one attribute in a start tag, either quote style, after any whitespace (tabs and line breaks too). */
function attr(tag: string, name: string): string | null {
  for (let at = tag.indexOf(`${name}=`); at >= 0; at = tag.indexOf(`${name}=`, at + 1)) {
    const before = tag.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const q = tag[at + name.length + 1];
    if (q !== '"' && q !== "'") return null;
    const end = tag.indexOf(q, at + name.length + 2);
    return end < 0 ? null : tag.slice(at + name.length + 2, end);
  }
  return null;
}

const isNameEnd = (ch: string | undefined) => ch === ' ' || ch === '>' || ch === '/' || ch === '\t' || ch === '\n' || ch === '\r';

/**
 * Calls `each` for every complete `<tag …/>` or `<tag …>…</tag>` element in a stream of text chunks, carrying an
 * unfinished element over to the next chunk. `tag` includes the namespace prefix the document uses, if any.
 */
async function eachElement(chunks: AsyncIterable<string>, tag: (first: string) => string, each: (el: string) => void, after?: () => void): Promise<void> {
  let pending = '';
  let open = '';
  let close = '';
  for await (const chunk of chunks) {
    if (!open) {
      open = `<${tag(chunk)}`;
      close = `</${open.slice(1)}>`;
    }
    pending = pending ? pending + chunk : chunk;
    let pos = 0;
    for (;;) {
      const start = pending.indexOf(open, pos);
      if (start < 0) {
        pos = Math.max(pos, pending.length - open.length);
        break;
      }
      if (start + open.length >= pending.length) {
        pos = start;
        break;
      }
      if (!isNameEnd(pending[start + open.length])) {
        pos = start + open.length;
        continue;
      }
      const gt = pending.indexOf('>', start);
      if (gt < 0) {
        pos = start;
        break;
      }
      let end: number;
      if (pending[gt - 1] === '/') end = gt + 1;
      else {
        const c = pending.indexOf(close, gt);
        if (c < 0) {
          pos = start;
          break;
        }
        end = c + close.length;
      }
      each(pending.slice(start, end));
      pos = end;
    }
    pending = pending.slice(pos);
    after?.();
  }
}

/** The namespace prefix ("x:" or "") of the document's root element, seen in its first chunk. */
function prefixOf(root: string): (first: string) => string {
  return (first) => {
    const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>]`).exec(first);
    return m?.[1] ?? '';
  };
}

/** The text of a shared or inline string: every <t> joined, phonetic guides (<rPh>) left out. */
function stringText(el: string): string {
  if (el.includes('rPh')) el = el.replace(/<([\w.-]+:)?rPh[\s>][\s\S]*?<\/([\w.-]+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>((?:[^<]|<!\[CDATA\[[\s\S]*?\]\]>)*)<\/(?:[\w.-]+:)?t>)/g;
  for (let m = re.exec(el); m; m = re.exec(el)) {
    const t = m[1] ?? '';
    // CDATA (rare, never from Excel) is literal text; everything else is XML-escaped
    out += t.includes('<![CDATA[') ? t.split(/<!\[CDATA\[|\]\]>/).map((part, i) => (i % 2 ? part : decodeXml(part))).join('') : decodeXml(t);
  }
  return out;
}

// ---------- workbook parts ----------

interface Relationship {
  type: string;
  target: string;
}

function relationships(buf: Buffer, entries: Map<string, ZipEntry>, file: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const entry = entries.get(file);
  if (!entry) return rels;
  const xml = readEntryText(buf, entry);
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
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index: whether its number format is a date. */
function dateStyles(buf: Buffer, entries: Map<string, ZipEntry>, file: string | null): boolean[] {
  const entry = file ? entries.get(file) : undefined;
  if (!entry) return [];
  const xml = readEntryText(buf, entry);
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

async function sharedStrings(buf: Buffer, entries: Map<string, ZipEntry>, file: string | null): Promise<string[]> {
  const entry = file ? entries.get(file) : undefined;
  const out: string[] = [];
  if (!entry) return out;
  await eachElement(streamEntryText(buf, entry), (first) => `${prefixOf('sst')(first)}si`, (el) => out.push(stringText(el)));
  return out;
}

/** "AB12" → 27 (0-based column). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
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

export async function openXlsx(buf: Buffer): Promise<XlsxWorkbook> {
  const entries = zipEntries(buf);
  const rootRels = relationships(buf, entries, '_rels/.rels');
  const officeDoc = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDoc ? resolve('', officeDoc.target) : 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPath);
  if (!workbookEntry) throw new NotAWorkbookError(entries.has('content.xml') || entries.has('mimetype'));
  const workbookXml = readEntryText(buf, workbookEntry);
  const dir = path.dirname(workbookPath);
  const rels = relationships(buf, entries, `${dir}/_rels/${path.basename(workbookPath)}.rels`);
  const partOf = (suffix: string) => {
    const r = [...rels.values()].find((x) => x.type.endsWith(suffix));
    return r ? resolve(dir, r.target) : null;
  };
  const pr = /<(?:[\w.-]+:)?workbookPr\s[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const date1904 = ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  const styles = dateStyles(buf, entries, partOf('/styles'));
  const strings = await sharedStrings(buf, entries, partOf('/sharedStrings'));

  const sheets: { name: string; part: string }[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const name = decodeXml(attr(m[0], 'name') ?? '');
    const id = /\s[\w.-]+:id=("([^"]*)"|'([^']*)')/.exec(m[0]);
    const rel = id ? rels.get(id[2] ?? id[3] ?? '') : undefined;
    // chart sheets and macro sheets hold no list
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name, part: resolve(dir, rel.target) });
  }

  let rowsRead = 0;
  const readSheet = async (index: number, hooks: XlsxHooks): Promise<void> => {
    const sheet = sheets[index];
    const entry = sheet ? entries.get(sheet.part) : undefined;
    if (!entry) throw new ZipError('sheet part missing');
    let cellOpen = '<c';
    let vOpen = '<v';
    let vClose = '</v>';
    let cClose = '</c>';
    let nextRow = 1;
    const parseRow = (el: string) => {
      const tagEnd = el.indexOf('>');
      const r = Number(attr(el.slice(0, tagEnd), 'r'));
      const rowNumber = Number.isInteger(r) && r > 0 ? r : nextRow;
      nextRow = rowNumber + 1;
      if (el[tagEnd - 1] === '/') return;
      const cells: Cell[] = [];
      let any = false;
      let col = 0;
      let pos = tagEnd + 1;
      for (;;) {
        const start = el.indexOf(cellOpen, pos);
        if (start < 0) break;
        if (!isNameEnd(el[start + cellOpen.length])) {
          pos = start + cellOpen.length;
          continue;
        }
        const gt = el.indexOf('>', start);
        const tag = el.slice(start, gt);
        const ref = attr(tag, 'r');
        if (ref) col = columnOf(ref);
        const at = col++;
        if (el[gt - 1] === '/') {
          pos = gt + 1;
          continue;
        }
        const end = el.indexOf(cClose, gt);
        const body = el.slice(gt + 1, end < 0 ? el.length : end);
        pos = end < 0 ? el.length : end + cClose.length;
        const type = attr(tag, 't');
        let value: Cell = null;
        if (type === 'inlineStr') value = stringText(body);
        else {
          let raw: string | null = null;
          const vs = body.indexOf(vOpen);
          if (vs >= 0 && isNameEnd(body[vs + vOpen.length])) {
            const vgt = body.indexOf('>', vs);
            if (body[vgt - 1] !== '/') raw = body.slice(vgt + 1, body.indexOf(vClose, vgt));
          }
          if (raw !== null) {
            if (type === 's') value = strings[Number(raw)] ?? null;
            else if (type === 'str') value = decodeXml(raw);
            else if (type === 'b') value = raw === '1' || raw === 'true';
            else if (type === 'e') value = null;
            else if (type === 'd') {
              const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
              value = Number.isNaN(d.getTime()) ? null : d;
            } else if (raw !== '') {
              const n = Number(raw);
              if (Number.isFinite(n)) {
                const s = Number(attr(tag, 's') ?? 0);
                value = styles[s] ? serialToDate(n, date1904) : n;
              }
            }
          }
        }
        if (typeof value === 'string') {
          if (value.length > hooks.maxCellChars) hooks.onLongCell(rowNumber, value.length);
          if (value === '') value = null;
        }
        if (value === null) continue;
        while (cells.length < at) cells.push(null);
        cells[at] = value;
        any = true;
      }
      if (any) {
        rowsRead++;
        hooks.onRow({ rowNumber, cells });
      }
    };
    await eachElement(
      streamEntryText(buf, entry),
      (first) => {
        const p = prefixOf('worksheet')(first);
        cellOpen = `<${p}c`;
        vOpen = `<${p}v`;
        vClose = `</${p}v>`;
        cClose = `</${p}c>`;
        return `${p}row`;
      },
      parseRow,
      () => hooks.onProgress?.(rowsRead),
    );
  };
  return { sheetNames: sheets.map((s) => s.name), readSheet };
}
