/**
 * One import measurement in its own process, so its peak memory (maxRSS) is its own. Prints one JSON line.
 * mode "lotse": Lotse's full import (read, validate, match against the database, commit) into DB.
 * mode "exceljs": exceljs's raw streaming read of the same .xlsx (every cell value touched), the baseline.
 * mode "exceljs-csv": exceljs's read of the CSV form of the same list (its CSV reader streams the file through
 *   fast-csv into a worksheet), the baseline for the CSV form.
 * mode "csv-raw": a plain streaming read of the CSV, split into fields (a lower bound for reading, shown too).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import ExcelJS from 'exceljs';
import { openDatabase } from '../main/db/open.js';
import { commitImport } from '../main/features/imports/imports.service.js';

const [mode, file, dbPath] = process.argv.slice(2) as [string, string, string | undefined];
const t0 = performance.now();
let rows = 0;
if (mode === 'exceljs') {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      let cells = 0;
      (row as ExcelJS.Row).eachCell(() => cells++);
      if (cells) rows++;
    }
  }
} else if (mode === 'exceljs-csv') {
  const wb = new ExcelJS.Workbook();
  // raw: values as read, without exceljs's default per-value date guessing (which takes 40 s for this file)
  const ws = await wb.csv.readFile(file, { parserOptions: { delimiter: ';' }, map: (v: unknown) => v });
  ws.eachRow(() => rows++);
} else if (mode === 'csv-raw') {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.split(';').length > 1) rows++;
} else {
  const open = await openDatabase(dbPath!, { create: false });
  const res = await commitImport(open, file, file.split('/').at(-1)!, {});
  rows = res.imported + res.existingMatched;
  await open.close();
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, rows, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
