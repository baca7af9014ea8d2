/**
 * `node --import tsx bench/xml-scanner.ts`: the measurement behind keeping Lotse's own XML scanning instead of a
 * SAX tokenizer (saxes, which exceljs uses). Both read the same 50,000-row sheet, unpacked piece by piece; saxes
 * only tokenizes (no values built), so its figure is a lower bound. Then both meet one hostile row of 16 MB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { defaultReadLimits } from '../main/excel/import/limits.js';
import { openXlsx } from '../main/excel/import/xlsx.js';
import { streamEntryText, zipEntries } from '../main/excel/import/zip.js';
import { writeImportFiles } from './import-files.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-xml-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median CPU time of the process (all its threads) over 7 runs: steadier than wall time on a shared machine. */
async function time(fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000);
  }
  return median(runs);
}

async function ownReader(buf: Buffer): Promise<number> {
  const wb = await openXlsx(buf, defaultReadLimits);
  let rows = 0;
  await wb.readSheet(0, { onRow: () => rows++ });
  return rows;
}

async function saxesTokens(buf: Buffer, part: string): Promise<number> {
  const entry = zipEntries(buf).get(part)!;
  const parser = new SaxesParser({ position: false });
  let rows = 0;
  let longest = 0;
  parser.on('opentag', (t) => {
    if (t.name === 'row') rows++;
  });
  parser.on('text', (t) => (longest = Math.max(longest, t.length)));
  for await (const chunk of streamEntryText(buf, entry)) parser.write(chunk);
  parser.close();
  return rows;
}

const { xlsx } = await writeImportFiles(dir, 50_000);
const buf = fs.readFileSync(xlsx);
const sheet = 'xl/worksheets/sheet1.xml';
const xmlMb = zipEntries(buf).get(sheet)!.size / 1024 / 1024;
const own = await time(() => ownReader(buf));
const sax = await time(() => saxesTokens(buf, sheet));
process.stdout.write(`50,000-row sheet (${xmlMb.toFixed(1)} MB XML): own reader with values ${own.toFixed(0)} ms CPU, saxes tokens only ${sax.toFixed(0)} ms CPU\n`);

// one row of 16 MB text: saxes gathers it whole before it reports anything; the own scanner stops at its limit
const zip = new JSZip();
for (const [name, f] of Object.entries((await JSZip.loadAsync(buf)).files)) if (!f.dir && name !== sheet) zip.file(name, await f.async('string'));
zip.file(sheet, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>${'x'.repeat(64 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`);
const hostile = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const refused = await ownReader(hostile).then(() => 'read', (e: Error) => e.message.slice(0, 60));
const ownMs = performance.now() - t0;
const t1 = performance.now();
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed - heap0)), 2);
await saxesTokens(hostile, sheet);
clearInterval(timer);
process.stdout.write(`64 MB text in one row: own scanner ${ownMs.toFixed(0)} ms (${refused}), saxes ${(performance.now() - t1).toFixed(0)} ms, heap growth ≥ ${(peak / 1024 / 1024).toFixed(0)} MB with no limit to stop it\n`);
fs.rmSync(dir, { recursive: true, force: true });
