import type { Cell } from './read.js';
import { isRealDate } from '../../../shared/domain/dates.js';

/** Trimmed text with inner whitespace and line breaks collapsed; empty → null. Numbers without exponent noise. */
export function text(cell: Cell): string | null {
  if (cell === null) return null;
  let s: string;
  if (typeof cell === 'string') {
    // most cells need no change; checking that is far cheaper than a regex replace on every cell of a big list
    if (isTidy(cell)) return cell;
    s = cell;
  } else if (typeof cell === 'number') s = Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  else if (typeof cell === 'boolean') s = cell ? 'ja' : 'nein';
  else s = isoFromDate(cell);
  // as typed input (shared/domain/common.ts): NFC, and no control characters — a NUL or a stray escape in a list
  // cell is dropped rather than stored
  s = s.normalize('NFC').replace(/[\s\u00a0\u2007\u202f]+/g, ' ').replace(/\p{Cc}/gu, '').trim();
  return s === '' ? null : s;
}

/** Non-empty, no leading or trailing space, no whitespace but single plain spaces, nothing NFC could change. */
function isTidy(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (s.charCodeAt(i + 1) === 32) return false;
    } else if (c < 32 || (c >= 0x7f && c <= 0xa0) || c >= 0x300 || (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))) {
      return false;
    }
  }
  return true;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** exceljs builds dates in UTC; rounding to the minute absorbs float noise of the serial number. */
export function isoFromDate(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Excel's 1900 serial day number (with its fictional 29.02.1900) to an ISO date. */
export function isoFromSerial(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return isoFromDate(new Date(ms));
}

export type DateKind = 'birth' | 'past';
export type DateResult = { ok: true; value: string | null } | { ok: false; reason: 'invalid_date' | 'out_of_range' };

function subtractYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`;
}

/**
 * Two-digit years take the century that makes a past date – for birth dates one that also gives an age of at
 * least 14 on `today`.
 */
function fullYear(yy: number, m: number, d: number, kind: DateKind, today: string): number {
  const limit = kind === 'birth' ? subtractYears(today, 14) : today;
  const candidate = 2000 + yy;
  return `${candidate}-${pad(m)}-${pad(d)}` <= limit ? candidate : 1900 + yy;
}

function ymd(y: number, m: number, d: number): DateResult {
  if (!isRealDate(y, m, d)) return { ok: false, reason: 'invalid_date' };
  return { ok: true, value: `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` };
}

/** Real Excel dates, serial numbers (also typed as text), dd.mm.yyyy, d.m.yy, yyyy-mm-dd, with or without time. */
export function parseDate(cell: Cell, kind: DateKind, today: string): DateResult {
  if (cell === null) return { ok: true, value: null };
  if (cell instanceof Date) return { ok: true, value: isoFromDate(cell) };
  // a bare year (1990) is no serial day number of 1905; without day and month it is no date
  const bareYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;
  if (typeof cell === 'number') {
    if (bareYear(cell)) return { ok: false, reason: 'invalid_date' };
    if (cell >= 1 && cell < 2_958_466) return { ok: true, value: isoFromSerial(cell) };
    return { ok: false, reason: 'invalid_date' };
  }
  if (typeof cell === 'boolean') return { ok: false, reason: 'invalid_date' };
  const s = cell.trim().replace(/\s+(\d{1,2}:\d{2}(:\d{2})?(\.\d+)?)\s*(uhr)?$/i, '').replace(/T\d{2}:\d{2}.*$/, '');
  if (s === '' || s === '-' || s === '–') return { ok: true, value: null };
  let m = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4}|\d{2})\.?$/.exec(s);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = m[3]!.length === 2 ? fullYear(Number(m[3]), mo, d, kind, today) : Number(m[3]);
    return ymd(y, mo, d);
  }
  m = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.?\s*([a-zäA-ZÄ]{3,9})\.?\s*(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const mo = monthNumber(m[2]!);
    if (mo === null) return { ok: false, reason: 'invalid_date' };
    const d = Number(m[1]);
    const y = m[3]!.length === 2 ? fullYear(Number(m[3]), mo, d, kind, today) : Number(m[3]);
    return ymd(y, mo, d);
  }
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    return ymd(fullYear(Number(m[3]), mo, d, kind, today), mo, d);
  }
  if (/^\d{1,7}([.,]\d+)?$/.test(s)) {
    const n = Number(s.replace(',', '.'));
    if (bareYear(n)) return { ok: false, reason: 'invalid_date' };
    if (n >= 1 && n < 2_958_466) return { ok: true, value: isoFromSerial(n) };
  }
  return { ok: false, reason: 'invalid_date' };
}

const months = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'];
const monthAliases: Record<string, number> = { mae: 3, may: 5, oct: 10, dec: 12 };

/** "Mai", "März", "Okt.", "December" → 1–12; null for anything else. */
function monthNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/ä/g, 'ae').slice(0, 3);
  const i = months.indexOf(key);
  if (i >= 0) return i + 1;
  return monthAliases[key] ?? null;
}

const genderWords: Record<string, 'w' | 'm' | 'd'> = {
  w: 'w', weiblich: 'w', female: 'w', f: 'w', frau: 'w', fem: 'w', woman: 'w', girl: 'w', maedchen: 'w', wbl: 'w', weibl: 'w',
  m: 'm', maennlich: 'm', male: 'm', mann: 'm', herr: 'm', man: 'm', boy: 'm', junge: 'm', mnl: 'm', maennl: 'm',
  d: 'd', divers: 'd', diverse: 'd', x: 'd', other: 'd', andere: 'd', nonbinary: 'd', nichtbinaer: 'd', inter: 'd',
};

/** w / m / d or null for anything else (empty, "keine Angabe", unknown words). */
export function parseGender(cell: Cell): 'w' | 'm' | 'd' | null {
  const t = text(cell);
  if (!t) return null;
  const key = t.toLowerCase().replace(/ä/g, 'ae').replace(/[^a-z]/g, '');
  return genderWords[key] ?? null;
}

/** The first CEFR level found: "A2.1" → A2, "B1 (Zertifikat)" → B1, "keine" → null. */
export function parseLevel(cell: Cell): 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | null {
  const t = text(cell);
  if (!t) return null;
  const m = /(?:^|[^A-Z0-9])([ABC][12])(?![0-9])/.exec(t.toUpperCase());
  return (m?.[1] as 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | undefined) ?? null;
}

export function isValidEmail(value: string): boolean {
  return /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().]{2,}$/.test(value);
}
