import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { tempDir } from '../../test/temp-db.js';
import { analyseFile } from './analyse.js';

/**
 * Bad files (issue 8): mutated .xlsx and .csv files must each end in a clean analysis or a specific file-level
 * error — never a crash, a hang or unbounded memory. FUZZ_CASES raises the count (the bench runs more).
 */
const cases = Number(process.env.FUZZ_CASES ?? 200);
const today = '2026-11-24';
const allowed = new Set(['unsupported_format', 'password_protected', 'corrupt_file', 'not_a_spreadsheet', 'empty_file', 'no_data_rows', 'too_large']);

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
    const a = await analyseFile(file, { today, limits: { maxFileMb: 5, maxRows: 100_000, maxCellChars: 2_000, maxUnpackedMb: 100 } });
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
