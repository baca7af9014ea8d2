import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { tempDir } from '../../test/temp-db.js';
import { libreOfficeList, odsBytes, odsContent, writeOds } from '../fixtures/ods.js';
import { analyseFile } from './analyse.js';
import { readWorkbook, type ReadLimits } from './read.js';

/**
 * The .ods reader (issue 19 item 6): LibreOffice's own output, the parts of OpenDocument a list uses, and hostile
 * files that must end in a specific German/English error within the .xlsx reader's limits — never a hang, a crash
 * or unbounded memory.
 */
const today = '2026-12-03';
let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir('lotse-ods-');
});
afterAll(() => dir.cleanup());

let n = 0;
async function file(content: string, opts: Parameters<typeof odsBytes>[1] = {}): Promise<string> {
  return writeOds(path.join(dir.dir, `liste-${n++}.ods`), content, opts);
}

const table = (name: string, rows: string) => `<table:table table:name="${name}">${rows}</table:table>`;
const row = (cells: string, attrs = '') => `<table:table-row${attrs}>${cells}</table:table-row>`;
const text = (s: string, attrs = '') => `<table:table-cell office:value-type="string"${attrs}><text:p>${s}</text:p></table:table-cell>`;
const header = row(text('Nachname') + text('Vorname') + text('Geburtsdatum'));

async function errorOf(f: string, limits: Partial<ReadLimits> = {}): Promise<AppError> {
  const err = await analyseFile(f, { today, limits }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const app = err as AppError;
  // every refusal speaks German to the user and English to the log
  expect(app.message.length).toBeGreaterThan(10);
  expect(app.toJSON().messageEn?.length ?? 1).toBeGreaterThan(0);
  return app;
}

describe('.ods reader', () => {
  it('reads the list LibreOffice saved: sheets in order, dates, numbers, paragraphs, spaces, merged title, no comment', async () => {
    const wb = await readWorkbook(await file(odsContent(libreOfficeList)));
    expect(wb.kind).toBe('ods');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Hinweise', 'Teilnehmende']);
    expect(wb.sheets[0]!.rows).toEqual([{ rowNumber: 1, cells: ['Bitte die Liste im zweiten Blatt pflegen.'] }]);
    const rows = wb.sheets[1]!.rows;
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 6, 7]);
    // the merged title spans three columns: its covered cells are empty positions
    expect(rows[0]!.cells).toEqual(['Teilnehmerliste Mittelsachsen']);
    expect(rows[1]!.cells).toEqual(['Name', 'Vorname', 'geb. am', 'Geschlecht', 'Wohnort', 'Az.', 'Bemerkung']);
    expect(rows[2]!.cells).toEqual(['Müller', 'Anna\nLena', new Date(Date.UTC(1990, 4, 14)), 'w', 'Döbeln', 4711, 'kommt  dienstags']);
    expect(rows[3]!.cells[6]).toBe('Kind & Kita');
    // the comment on G6 is no value of the cell
    expect(rows[4]!.cells).toEqual(['Nguyen', 'Thi Mai', new Date(Date.UTC(1985, 6, 3)), 'w', 'Roßwein']);
    expect(rows[5]!.cells).toEqual(['MÜLLER', 'Anna Lena', '14.05.1990', null, null, null, 'Dublette']);
  });

  it('turns the list into participants like an .xlsx: the list-like sheet, its header, the date as text', async () => {
    const a = await analyseFile(await file(odsContent(libreOfficeList)), { today });
    expect(a.kind).toBe('ods');
    expect(a.sheet).toBe('Teilnehmende');
    expect(a.sheets).toEqual([
      { name: 'Hinweise', rows: 1 },
      { name: 'Teilnehmende', rows: 6 },
    ]);
    expect(a.layout.headerRow).toBe(3);
    expect(a.table.rowsTotal).toBe(4);
    expect(a.table.accepted.map((r) => [r.record.lastName, r.record.firstName, r.record.birthDate])).toEqual([
      ['Müller', 'Anna Lena', '1990-05-14'],
      ['Haddad', 'Sara', '1997-01-20'],
      ['Nguyen', 'Thi Mai', '1985-07-03'],
      ['MÜLLER', 'Anna Lena', '1990-05-14'],
    ]);
    // a named sheet is read in one pass as well
    const named = await analyseFile(await file(odsContent(libreOfficeList)), { today, sheet: 'teilnehmende', onAccepted: () => undefined });
    expect(named.sheet).toBe('Teilnehmende');
  });

  it('repeats values across columns and rows, keeps positions past empty runs, reads every value type', async () => {
    const rows =
      row(text('x', ' table:number-columns-repeated="3"') + '<table:table-cell table:number-columns-repeated="2"/>' + text('y'), ' table:number-rows-repeated="2"') +
      row('<table:table-cell/>', ' table:number-rows-repeated="5"') +
      row(
        '<table:table-cell office:value-type="percentage" office:value="0.25"/>' +
          '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>WAHR</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="date" office:date-value="2024-02-29T13:45:00"/>' +
          '<table:table-cell office:value-type="date" office:date-value="2024-02-30"><text:p>30.02.2024</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="time" office:time-value="PT10H00M00S"><text:p>10:00</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="string"><text:p>a<text:tab/>b<text:line-break/>c<text:s text:c="3"/>d&#x263A;</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="string" office:string-value="Attribut"/>' +
          '<table:table-cell table:formula="of:=1/0" office:value-type="string" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>' +
          text('z'),
      ) +
      `<table:table-row-group>${row(text('in einer Gruppe'))}</table:table-row-group>`;
    const wb = await readWorkbook(await file(odsContent(table('T', rows))));
    const got = wb.sheets[0]!.rows;
    expect(got.map((r) => r.rowNumber)).toEqual([1, 2, 8, 9]);
    expect(got[0]!.cells).toEqual(['x', 'x', 'x', null, null, 'y']);
    expect(got[1]!.cells).toEqual(got[0]!.cells);
    expect(got[1]!.cells).not.toBe(got[0]!.cells);
    expect(got[2]!.cells).toEqual([0.25, true, new Date(Date.UTC(2024, 1, 29, 13, 45)), '30.02.2024', '10:00', 'a\tb\nc   d☺', 'Attribut', null, 'z']);
    expect(got[3]!.cells).toEqual(['in einer Gruppe']);
  });

  it('reads a file whose namespaces use other prefixes', async () => {
    const content = odsContent(table('T', header + row(text('Haddad') + text('Sara') + text('20.01.1997'))))
      .replaceAll('table:', 't:')
      .replace('xmlns:table="urn:oasis:names:tc:opendocument:xmlns:t:1.0"', 'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0"');
    const wb = await readWorkbook(await file(content));
    expect(wb.sheets[0]!.name).toBe('T');
    expect(wb.sheets[0]!.rows[1]!.cells).toEqual(['Haddad', 'Sara', '20.01.1997']);
  });

  it('refuses encrypted, non-spreadsheet, cut-off and empty OpenDocument files with their own errors', async () => {
    const content = odsContent(table('T', header + row(text('Haddad') + text('Sara') + text('20.01.1997'))));
    expect((await errorOf(await file(content, { encrypted: true }))).code).toBe('password_protected');
    expect((await errorOf(await file(content, { mimetype: 'application/vnd.oasis.opendocument.text' }))).code).toBe('not_a_spreadsheet');
    expect((await errorOf(await file(content.slice(0, content.indexOf('Sara'))))).code).toBe('corrupt_file');
    expect((await errorOf(await file(odsContent('')))).code).toBe('not_a_spreadsheet');
    expect((await errorOf(await file(odsContent(table('T', header))))).code).toBe('no_data_rows');
  });

  it('stops a repeated row or cell with a value at the row, column and cell limits, fast', async () => {
    const t0 = performance.now();
    const manyRows = odsContent(table('T', header + row(text('Haddad') + text('Sara'), ' table:number-rows-repeated="50000"')));
    expect((await errorOf(await file(manyRows), { maxRows: 1000 })).code).toBe('too_large');
    // past Excel's last row the count alone refuses it, before a single copy
    const endless = odsContent(table('T', header + row(text('Haddad') + text('Sara'), ' table:number-rows-repeated="100000000"')));
    expect((await errorOf(await file(endless))).code).toBe('file_too_complex');
    const wide = odsContent(table('T', header + row(text('x', ' table:number-columns-repeated="20000"'))));
    expect((await errorOf(await file(wide))).code).toBe('file_too_complex');
    const cells = odsContent(table('T', header + row(text('x', ' table:number-columns-repeated="16000"'), ' table:number-rows-repeated="5000"')));
    expect((await errorOf(await file(cells), { maxCells: 1_000_000 })).code).toBe('file_too_complex');
    const past = odsContent(table('T', header + row('<table:table-cell/>', ' table:number-rows-repeated="1048576"') + row(text('x'))));
    expect((await errorOf(await file(past))).code).toBe('file_too_complex');
    const spaces = odsContent(table('T', header + row(`<table:table-cell office:value-type="string"><text:p>a<text:s text:c="999999999"/></text:p></table:table-cell>`)));
    expect((await errorOf(await file(spaces))).code).toBe('too_large');
    // an empty run of any length costs nothing
    const empty = odsContent(table('T', header + row('<table:table-cell table:number-columns-repeated="999999999"/>', ' table:number-rows-repeated="999999999"')));
    expect((await errorOf(await file(empty))).code).toBe('no_data_rows');
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('refuses a row past the element limit and more tables than LibreOffice allows', async () => {
    const long = odsContent(table('T', header + row(text('x'.repeat(50)).repeat(20_000))));
    expect((await errorOf(await file(long), { maxElementChars: 100_000 })).code).toBe('file_too_complex');
    const tables = odsContent(Array.from({ length: 10_001 }, (_, i) => table(`T${i}`, '')).join(''));
    expect((await errorOf(await file(tables))).code).toBe('file_too_complex');
  });

  it('refuses a zip bomb in an .ods from the sizes it declares', async () => {
    const bomb = await odsBytes(odsContent(libreOfficeList), { extra: { 'Pictures/bombe.bin': Buffer.alloc(40 * 1024 * 1024, 0x41) } });
    const f = path.join(dir.dir, 'bombe.ods');
    fs.writeFileSync(f, bomb);
    expect((await errorOf(f, { maxUnpackedMb: 20 })).code).toBe('too_large');
  });
});

/** A small deterministic generator, so a failing case can be reproduced from its number. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Fragments that probe the .ods reader's bounds and markup it does not expect. */
const fragments = [
  ' table:number-rows-repeated="99999999"', ' table:number-columns-repeated="99999999"', ' table:number-columns-repeated="-5"',
  '<table:table-row>', '</table:table-row>', '<table:table-cell>', '</table:table-cell>', '<table:table table:name="X">', '</table:table>',
  '<text:p>', '</text:p>', '<text:s text:c="99999999"/>', '<office:annotation>', '<![CDATA[', ']]>', '&#xFFFFFFFF;', '&#0;', '&amp',
  ' office:value-type="date" office:date-value="9999-99-99"', ' office:value-type="float" office:value="1e999"', '<table:covered-table-cell/>',
  '"', "'", '<', '>', '/>', '\u0000', '\uFFFF', '<!-- ',
];

function mutate(xml: string, r: () => number): string {
  let out = xml;
  for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
    const at = Math.floor(r() * out.length);
    const len = 1 + Math.floor(r() * 400);
    switch (Math.floor(r() * 7)) {
      case 0:
        out = out.slice(0, at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 2: // a stretch repeated up to 2,000 times: long rows, many cells, many tables
        out = out.slice(0, at) + out.slice(at, at + len).repeat(1 + Math.floor(r() * 2_000)) + out.slice(at);
        break;
      case 3:
        out = out.slice(0, at) + fragments[Math.floor(r() * fragments.length)]! + out.slice(at);
        break;
      case 4: // every closing tag of one element gone
        out = out.split(['</table:table-row>', '</table:table-cell>', '</text:p>', '</table:table>'][Math.floor(r() * 4)]!).join('');
        break;
      case 5: // deep nesting
        out = out.slice(0, at) + '<table:table-row><table:table-cell>'.repeat(1 + Math.floor(r() * 5_000)) + out.slice(at);
        break;
      default: // numbers made huge
        out = out.replace(/\d+/g, (d) => (r() < 0.05 ? '9'.repeat(1 + Math.floor(r() * 30)) : d));
    }
  }
  return out;
}

const allowed = new Set(['corrupt_file', 'not_a_spreadsheet', 'empty_file', 'no_data_rows', 'too_large', 'file_too_complex', 'password_protected']);
const fuzzCases = Number(process.env.FUZZ_XML_CASES ?? 150);

describe('.ods reader under mutated content', () => {
  it(`survives ${fuzzCases} valid packages with mutated content.xml with a clean result or a specific error`, { timeout: 300_000 }, async () => {
    const base = odsContent(libreOfficeList);
    const seen: Record<string, number> = {};
    let slowest = 0;
    let peakRss = 0;
    for (let c = 0; c < fuzzCases; c++) {
      const f = await file(mutate(base, rng(20_000 + c)));
      const t0 = performance.now();
      let code = 'ok';
      try {
        await analyseFile(f, { today, limits: { maxFileMb: 5, maxRows: 100_000, maxUnpackedMb: 100, maxElementChars: 4 * 1024 * 1024 } });
      } catch (err) {
        if (!(err instanceof AppError)) throw new Error(`case ${c}: unexpected ${(err as Error)?.stack ?? String(err)}`);
        expect(allowed.has(err.code), `case ${c}: ${err.code}`).toBe(true);
        code = err.code;
      }
      slowest = Math.max(slowest, performance.now() - t0);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      fs.rmSync(f, { force: true });
      seen[code] = (seen[code] ?? 0) + 1;
    }
    // the mutations reach the reader: many files still read, others end in a reason of their own
    expect(seen.ok ?? 0).toBeGreaterThan(fuzzCases / 4);
    expect(Object.keys(seen).length).toBeGreaterThan(2);
    expect(slowest).toBeLessThan(10_000);
    expect(peakRss).toBeLessThan(1024 * 1024 * 1024);
  });
});
