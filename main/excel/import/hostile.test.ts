import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/contract/index.js';
import type { SerializedError } from '../../../shared/errors.js';
import { tempApp } from '../../test/temp-db.js';
import { analyseInWorker, ReadWorker } from './in-worker.js';
import type { ReadLimits } from './limits.js';

/**
 * The hostile file classes of issue 12, each generated here at a size that still hits its limit: every one must
 * end in a clear error within seconds — read on the reading thread, with participants.list answering meanwhile.
 */
const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const today = '2026-11-24';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeAll(async () => {
  app = await tempApp();
});
afterAll(() => app.dispose());

/** A valid .xlsx (correct CRCs) around the given sheet rows and shared strings, so the bytes reach the XML reader. */
export async function xlsxWith(rowsXml: string, sharedStrings: string | null = null, styles = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${rowsXml}</sheetData></worksheet>`);
  if (sharedStrings !== null) zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${ns}">${sharedStrings}</sst>`);
  if (styles) zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="${ns}">${styles}</styleSheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nachname</t></is></c><c r="B1" t="inlineStr"><is><t>Vorname</t></is></c></row>';
const person = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Haddad</t></is></c><c r="B${r}" t="inlineStr"><is><t>Noor</t></is></c></row>`;

function save(name: string, bytes: Buffer | string): string {
  const file = path.join(app.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/**
 * Reads on the reading thread while participants.list is called again and again; returns the error the read ends
 * with (or null). Every list call must answer while the file is read.
 */
async function read(file: string, limits: Partial<ReadLimits> = {}): Promise<{ error: SerializedError | null }> {
  const reading = analyseInWorker({ file, today, limits, stream: false }).then(
    () => null,
    (err: unknown) => (err as { toJSON?: () => SerializedError }).toJSON?.() ?? { code: 'internal' as const, message: String(err) },
  );
  const latencies = await listWhile(reading);
  const error = await reading;
  // the list kept answering while the file was read (how fast is the bench's business, not a test's)
  expect(latencies.length).toBeGreaterThan(0);
  return { error };
}

/** Calls participants.list again and again while `work` runs; returns each call's latency. */
async function listWhile(work: Promise<unknown>): Promise<number[]> {
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  const latencies: number[] = [];
  while (!done) {
    const t0 = performance.now();
    const r = await app.router.call('participants.list', { limit: 1 });
    expect(r.ok).toBe(true);
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return latencies;
}

describe('hostile spreadsheets (issue 12)', () => {
  it('refuses the 2 KB file with the cell reference ZZZZZZ2 through the preview, naming the column limit', async () => {
    const file = save('zzzzzz.xlsx', await xlsxWith(`${header}<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>`));
    expect(fs.statSync(file).size).toBeLessThan(2048);
    const handle = app.ctx.files.register({ path: file, name: 'zzzzzz.xlsx', temporary: false });
    const r = await app.router.call('imports.preview', { handle });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('file_too_complex');
    expect(r.error.message).toContain('16.384 Spalten');
  });

  it('refuses one row longer than the element limit while unpacking it, not after', async () => {
    const huge = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(17 * 1024 * 1024)}</t></is></c></row>`;
    const file = save('riesenzeile.xlsx', await xlsxWith(header + huge));
    expect(fs.statSync(file).size).toBeLessThan(100 * 1024);
    const { error } = await read(file);
    expect(error?.code).toBe('file_too_complex');
    expect(error?.message).toContain('eine Zeile ist länger als erlaubt');
  });

  it('refuses a row of more than 16,384 cells and rows of 1,000,000 columns', async () => {
    const wide = `<row r="2">${'<c><v>1</v></c>'.repeat(16_385)}</row>`;
    const a = await read(save('breit.xlsx', await xlsxWith(header + wide)));
    expect(a.error?.code).toBe('file_too_complex');
    // the class scaled down: 20 rows far to the right, bounded by the element limit instead of 2 GB of padding
    const far = Array.from({ length: 20 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>1</v></c><c r="ALLPP${i + 2}"><v>2</v></c></row>`).join('');
    const b = await read(save('spalten.xlsx', await xlsxWith(header + far)));
    expect(b.error?.code).toBe('file_too_complex');
    expect(b.error?.message).toContain('Zeile 2');
  });

  it('refuses row numbers past 1,048,576, whether written or counted', async () => {
    const a = await read(save('zeile.xlsx', await xlsxWith(`${header}<row r="1048577"><c><v>1</v></c></row>`)));
    expect(a.error?.code).toBe('file_too_complex');
    expect(a.error?.message).toContain('1.048.576 Zeilen');
    // row elements without numbers count on: the limit scaled down to 1,000 rows
    const many = header + '<row><c><v>1</v></c></row>'.repeat(1_001);
    const b = await read(save('zeilen.xlsx', await xlsxWith(many)), { maxRowNumber: 1_000 });
    expect(b.error?.code).toBe('file_too_complex');
  });

  it('refuses a shared-string table past its entries or characters, and a part past its size', async () => {
    const sst = '<si><t>Nachname</t></si><si><t>Vorname</t></si>' + '<si><t>Wort</t></si>'.repeat(10_000);
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>${person(2)}`;
    const file = save('texte.xlsx', await xlsxWith(rows, sst));
    expect((await read(file)).error).toBeNull();
    expect((await read(file, { maxSharedStrings: 5_000 })).error?.code).toBe('file_too_complex');
    expect((await read(file, { maxSharedStringChars: 20_000 })).error?.message).toContain('gemeinsamen Texte');
    const styled = save('stile.xlsx', await xlsxWith(header + person(2), null, `<cellXfs>${'<xf numFmtId="0"/>'.repeat(2_000)}</cellXfs>`));
    expect((await read(styled, { maxPartMb: 0.01 })).error?.code).toBe('file_too_complex');
  });

  it('refuses more cells than the cell limit across the rows a preview holds', async () => {
    const rows = header + Array.from({ length: 200 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>N</t></is></c><c r="CV${i + 2}"><v>1</v></c></row>`).join('');
    const file = save('zellen.xlsx', await xlsxWith(rows));
    expect((await read(file)).error).toBeNull();
    const r = await read(file, { maxCells: 10_000 });
    expect(r.error?.code).toBe('file_too_complex');
    expect(r.error?.message).toContain('10.000 Zellen');
  });

  it('refuses a CSV whose quoted field never closes as soon as it passes the cell limit', async () => {
    const file = save('anfuehrung.csv', `Nachname;Vorname;Bemerkung\r\nHaddad;Noor;"${'x'.repeat(5 * 1024 * 1024)}\r\n`);
    const { error } = await read(file);
    expect(error?.code).toBe('too_large');
    expect(error?.message).toContain('schließendes Anführungszeichen');
    const wide = await read(save('breit.csv', `Nachname;Vorname\r\n${'x;'.repeat(20_000)}\r\n`));
    expect(wide.error?.code).toBe('file_too_complex');
  });

  it('ends a file that exhausts the reading thread’s heap with a clear error, and the process reads on', async () => {
    // 600,000 distinct shared strings: within every count limit, but far beyond a 48 MB heap
    const sst = Array.from({ length: 600_000 }, (_, i) => `<si><t>Person-${i}-abcdefghij</t></si>`).join('');
    const file = save('speicher.xlsx', await xlsxWith(header, sst));
    const { error } = await read(file, { workerHeapMb: 48 });
    expect(error?.code).toBe('file_too_complex');
    expect(error?.message).toContain('48 MB');
    // the process is fine: the next file reads as usual
    expect((await read(save('danach.xlsx', await xlsxWith(header + person(2))))).error).toBeNull();
  }, 60_000);

  it('cancels a preview mid-file: the reading thread ends and the call answers "cancelled"', async () => {
    const lines = ['Nachname;Vorname;Geburtsdatum'];
    for (let i = 0; i < 150_000; i++) lines.push(`Name${i};Vorname${i % 97};01.02.1990`);
    const file = save('lang.csv', lines.join('\r\n'));
    const handle = app.ctx.files.register({ path: file, name: 'lang.csv', temporary: false });
    const jobId = 'vorschau-1';
    let reported = 0;
    const onProgress = (e: ProgressEvent) => {
      if (e.jobId !== jobId) return;
      reported++;
      // cancelled as soon as reading is under way
      if (reported === 1) void app.router.call('system.cancelJob', { jobId });
    };
    app.ctx.events.on('progress', onProgress);
    const r = await app.router.call('imports.preview', { handle }, { jobId });
    app.ctx.events.off('progress', onProgress);
    expect(reported).toBeGreaterThan(0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('cancelled');
  }, 30_000);

  it('a reading thread started ahead and stopped before its job refuses the job instead of hanging', async () => {
    const worker = new ReadWorker();
    worker.stop();
    await expect(worker.run({ file: save('nie.csv', 'Nachname;Vorname\r\nHaddad;Noor\r\n'), today, stream: false })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
