import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { tempDir } from '../../test/temp-db.js';
import { analyseFile } from './analyse.js';

/**
 * Bad files (issues 8 and 12): mutated .xlsx and .csv files must each end in a clean analysis or a specific
 * file-level error — never a crash, a hang or unbounded memory. Byte mutations mostly stop at the zip's CRC check;
 * the structure-aware cases keep the zip valid and mutate its XML, so they test the XML reader and its limits.
 * Both run on this thread (no reading thread to catch them): the limits alone must hold. FUZZ_CASES and
 * FUZZ_XML_CASES raise the counts (the bench runs 1,000 each).
 */
const cases = Number(process.env.FUZZ_CASES ?? 200);
/** structure-aware cases: the zip stays valid (correct CRCs), its XML is mutated, so every case reaches the XML reader */
const xmlCases = Number(process.env.FUZZ_XML_CASES ?? 150);
const today = '2026-11-24';
const allowed = new Set([
  'unsupported_format', 'password_protected', 'corrupt_file', 'not_a_spreadsheet', 'empty_file', 'no_data_rows', 'too_large', 'file_too_complex',
]);

let dir: { dir: string; cleanup: () => void };
let xlsx: Buffer;
let csv: Buffer;

/** A small deterministic generator, so a failing case can be reproduced from its number. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function listWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Liste');
  ws.addRow(['Teilnehmerliste AGH']);
  ws.addRow([]);
  ws.addRow(['Nachname', 'Vorname', 'Geb.-Datum', 'Geschlecht', 'Wohnort', 'E-Mail']);
  for (let i = 0; i < 40; i++) ws.addRow([`Müller${i}`, 'Amina', new Date(Date.UTC(1980 + (i % 20), i % 12, 3)), 'w', 'Döbeln', `a${i}@example.org`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let peakRss = 0;
async function outcome(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir.dir, name);
  fs.writeFileSync(file, bytes);
  try {
    const a = await analyseFile(file, { today, limits: { maxFileMb: 5, maxRows: 100_000, maxCellChars: 2_000, maxUnpackedMb: 100, maxElementChars: 4 * 1024 * 1024 } });
    expect(a).toBeTruthy();
    return 'ok';
  } catch (err) {
    if (!(err instanceof AppError)) throw new Error(`${name}: unexpected ${(err as Error)?.stack ?? String(err)}`);
    expect(allowed.has(err.code) || err.code === 'not_found', `${name}: ${err.code}`).toBe(true);
    expect(err.message.length).toBeGreaterThan(10);
    return err.code;
  } finally {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    fs.rmSync(file, { force: true });
  }
}

beforeAll(async () => {
  dir = tempDir('lotse-fuzz-');
  xlsx = await listWorkbook();
  csv = Buffer.from('Nachname;Vorname;Geburtsdatum\r\n' + Array.from({ length: 40 }, (_, i) => `"Al-Hassan ${i}";Omar;0${1 + (i % 9)}.03.1990`).join('\r\n'), 'utf8');
});
afterAll(() => dir.cleanup());

/** Fragments that probe the reader's bounds and its handling of markup it does not expect. */
const fragments = [
  '<c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c>', '<row r="99999999">', '<row r="1048577"/>', '<row>', '</row>', '<c>', '</c>',
  '<![CDATA[', ']]>', '<t>', '</t>', '<si>', '</si>', '<rPh>', '&#xFFFFFFFF;', '&#0;', '&amp', '_xD800_', '<c t="s"><v>999999999</v></c>',
  '<c t="d"><v>kein Datum</v></c>', '<c s="99999"><v>1e308</v></c>', '<x:row>', '"', "'", '<', '>', '/>', '\u0000', '\uFFFF', '<?xml?>', '<!-- ',
];

/** One to three mutations of an XML text: cuts, deletions, repetitions, hostile fragments, changed characters. */
function mutateXml(xml: string, r: () => number): string {
  let out = xml;
  for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
    const at = Math.floor(r() * out.length);
    const len = 1 + Math.floor(r() * 400);
    switch (Math.floor(r() * 8)) {
      case 0:
        out = out.slice(0, at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 2: // a stretch repeated up to 2,000 times: long rows, many cells, many strings
        out = out.slice(0, at) + out.slice(at, at + len).repeat(1 + Math.floor(r() * 2_000)) + out.slice(at);
        break;
      case 3:
        out = out.slice(0, at) + fragments[Math.floor(r() * fragments.length)]! + out.slice(at);
        break;
      case 4: // one character changed into another markup character or a digit
        out = out.slice(0, at) + '<>/"=&;0123456789 '[Math.floor(r() * 18)]! + out.slice(at + 1);
        break;
      case 5: // every closing tag of one element gone
        out = out.split(['</row>', '</c>', '</t>', '</si>', '</v>'][Math.floor(r() * 5)]!).join('');
        break;
      case 6: // deep nesting
        out = out.slice(0, at) + '<row><c>'.repeat(1 + Math.floor(r() * 5_000)) + out.slice(at);
        break;
      default: // numbers made huge
        out = out.replace(/\d+/g, (d) => (r() < 0.05 ? '9'.repeat(1 + Math.floor(r() * 30)) : d));
    }
  }
  return out;
}

describe('importer under bad files', () => {
  it(`survives ${cases} mutated .xlsx and .csv files (truncated, bit-flipped, garbage) with a clean result or a specific error`, { timeout: 300_000 }, async () => {
    const seen: Record<string, number> = {};
    for (let n = 0; n < cases; n++) {
      const r = rng(n + 1);
      const base = n % 2 === 0 ? xlsx : csv;
      const ext = n % 2 === 0 ? 'xlsx' : 'csv';
      const bytes = Buffer.from(base);
      let mutated: Buffer;
      switch (n % 4) {
        case 0: // truncated at a random point
          mutated = bytes.subarray(0, Math.floor(r() * bytes.length));
          break;
        case 1: // a few flipped bits
          for (let k = 0; k < 1 + Math.floor(r() * 8); k++) {
            const at = Math.floor(r() * bytes.length);
            bytes[at] = bytes[at]! ^ (1 << Math.floor(r() * 8));
          }
          mutated = bytes;
          break;
        case 2: // a block overwritten with random bytes
          {
            const at = Math.floor(r() * bytes.length);
            for (let k = at; k < Math.min(bytes.length, at + 64); k++) bytes[k] = Math.floor(r() * 256);
            mutated = bytes;
          }
          break;
        default: // pure garbage of a random length
          mutated = Buffer.from(Array.from({ length: Math.floor(r() * 4096) }, () => Math.floor(r() * 256)));
      }
      const code = await outcome(`case-${n}.${ext}`, mutated);
      seen[code] = (seen[code] ?? 0) + 1;
    }
    // the mutations really hit: some files still read, many are refused for a reason
    expect(Object.keys(seen).length).toBeGreaterThan(2);
    expect(peakRss).toBeLessThan(1024 * 1024 * 1024);
  });

  it(`survives ${xmlCases} valid zips with mutated XML (structure-aware: the mutations reach the XML reader)`, { timeout: 300_000 }, async () => {
    const base = await JSZip.loadAsync(xlsx);
    const parts = new Map<string, string>();
    for (const name of Object.keys(base.files)) if (!base.files[name]!.dir) parts.set(name, await base.files[name]!.async('string'));
    const targets = [...parts.keys()];
    const weighted = (r: () => number) => {
      // mostly the sheet and the shared strings, where the data is; sometimes any other part
      const x = r();
      if (x < 0.55) return 'xl/worksheets/sheet1.xml';
      if (x < 0.85 && parts.has('xl/sharedStrings.xml')) return 'xl/sharedStrings.xml';
      return targets[Math.floor(r() * targets.length)]!;
    };
    const seen: Record<string, number> = {};
    let slowest = 0;
    for (let n = 0; n < xmlCases; n++) {
      const r = rng(10_000 + n);
      const target = weighted(r);
      const zip = new JSZip();
      for (const [name, text] of parts) zip.file(name, name === target ? mutateXml(text, r) : text);
      const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
      const t0 = performance.now();
      const code = await outcome(`xml-${n}.xlsx`, bytes);
      slowest = Math.max(slowest, performance.now() - t0);
      seen[code] = (seen[code] ?? 0) + 1;
    }
    // past the zip layer: most cases read or end in a reason of their own, not in the zip's CRC check
    expect(seen.ok ?? 0).toBeGreaterThan(xmlCases / 4);
    expect((seen.corrupt_file ?? 0) + (seen.not_a_spreadsheet ?? 0)).toBeLessThan(xmlCases / 2);
    expect(Object.keys(seen).length).toBeGreaterThan(2);
    expect(slowest).toBeLessThan(10_000);
    expect(peakRss).toBeLessThan(1024 * 1024 * 1024);
  });

  it('refuses a zip bomb from the sizes it declares, before unpacking', async () => {
    const zip = await JSZip.loadAsync(xlsx);
    // 300 MB of one repeated byte compresses to a few hundred kilobytes
    zip.file('xl/media/bombe.bin', Buffer.alloc(300 * 1024 * 1024, 0x41));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const t0 = performance.now();
    expect(await outcome('bombe.xlsx', bomb)).toBe('too_large');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('refuses a cell of 1 MB text and a list beyond the row limit, naming the limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Liste');
    ws.addRow(['Nachname', 'Vorname', 'Bemerkung']);
    ws.addRow(['Nowak', 'Daria', 'x'.repeat(1024 * 1024)]);
    expect(await outcome('riesenzelle.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).toBe('too_large');

    const big = ['Nachname;Vorname', ...Array.from({ length: 100_001 }, (_, i) => `N${i};V`)].join('\n');
    expect(await outcome('zu-lang.csv', Buffer.from(big))).toBe('too_large');
  });

  it('reads a sheet whose last row is row 1,048,576 in bounded time', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Liste');
    ws.addRow(['Nachname', 'Vorname', 'Geburtsdatum']);
    ws.addRow(['Haddad', 'Noor', '01.02.1990']);
    ws.getRow(1_048_576).getCell(1).value = 'Anzahl: 1';
    const t0 = performance.now();
    const code = await outcome('letzte-zeile.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(['ok', 'no_data_rows']).toContain(code);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('refuses deeply nested XML in a sheet without a crash', async () => {
    const zip = await JSZip.loadAsync(xlsx);
    const depth = 200_000;
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row>'.repeat(depth)}${'</row>'.repeat(depth)}</sheetData></worksheet>`);
    const nested = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const code = await outcome('verschachtelt.xlsx', nested);
    expect(allowed.has(code) || code === 'ok').toBe(true);
  });
});
