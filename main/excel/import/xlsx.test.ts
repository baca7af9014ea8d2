import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { tempDir } from '../../test/temp-db.js';
import { readWorkbook, type RawSheet } from './read.js';
import { decodeXml, isDateFormat } from './xlsx.js';

/**
 * Lotse's own .xlsx reader on hand-written SpreadsheetML: the parts real programs write that exceljs never does
 * (namespace prefixes, inline strings, phonetic runs, the 1904 date system, ISO date cells, chart sheets, absolute
 * relationship targets, stored entries), so the reader is tested against the format, not against one writer.
 */
const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function workbook(
  parts: Record<string, string>,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

const rootRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function basicParts(extra: Partial<Record<string, string>> = {}, date1904 = false): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': rootRels,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><workbookPr${date1904 ? ' date1904="1"' : ''}/>
<sheets><sheet name="Diagramm" sheetId="3" r:id="rId3"/><sheet name="Liste &amp; Co" sheetId="2" r:id="rId2"/><sheet name="Erstes" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${rel}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="${rel}/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId4" Type="${rel}/styles" Target="styles.xml"/>
<Relationship Id="rId5" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${ns}"><numFmts count="3">
<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[Red]#,##0.00&quot; Std&quot;"/><numFmt numFmtId="166" formatCode="&quot;Tag&quot; 0"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${ns}" count="4" uniqueCount="4">
<si><t>Nachname</t></si><si><t xml:space="preserve">Vorname </t></si>
<si><r><rPr><b/></rPr><t>Al-</t></r><r><t>Hassan</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
<si><t>Zeile_x000D_Umbruch &amp; &#228;</t></si></sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>nur ein Blatt</t></is></c></row></sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="${ns}"><x:dimension ref="A1:H6"/><x:sheetData>
<x:row r="2" spans="1:8"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>Geb.-Datum</x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3" t="str"><x:f>"Om"&amp;"ar"</x:f><x:v>Omar</x:v></x:c><x:c r="C3" s="1"><x:v>32874</x:v></x:c><x:c r="D3" s="3"><x:v>7.5</x:v></x:c><x:c r="E3" t="b"><x:v>1</x:v></x:c><x:c r="F3" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="H3" s="4"><x:v>12</x:v></x:c></x:row>
<x:row><x:c t="s"><x:v>3</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Ri</x:t></x:r><x:r><x:t>ch</x:t></x:r></x:is></x:c><x:c s="2"><x:v>44927.75</x:v></x:c></x:row>
<x:row r="6"><x:c r="B6" t="d"><x:v>2020-02-29T00:00:00</x:v></x:c><x:c r="C6"><x:f>1+1</x:f></x:c><x:c r="D6" s="1"/></x:row>
<x:row r="7"/>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells></x:worksheet>`,
    'xl/chartsheets/sheet1.xml': `<?xml version="1.0"?><chartsheet xmlns="${ns}"/>`,
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) parts[k] = v;
  return parts;
}

let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

async function read(bytes: Buffer, name = 'liste.xlsx'): Promise<RawSheet[]> {
  const file = path.join(dir.dir, name);
  fs.writeFileSync(file, bytes);
  return (await readWorkbook(file)).sheets;
}

async function errorCode(bytes: Buffer, name: string): Promise<string> {
  return read(bytes, name).then(
    () => 'no error',
    (err: unknown) => (err instanceof AppError ? err.code : `crash: ${String(err)}`),
  );
}

describe('xlsx reader', () => {
  it('reads sheets in workbook order, skips chart sheets, and turns every cell kind into its value', async () => {
    const sheets = await read(await workbook(basicParts()));
    expect(sheets.map((s) => s.name)).toEqual(['Liste & Co', 'Erstes']);
    const rows = sheets[0]!.rows;
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 6]);
    expect(rows[0]!.cells).toEqual(['Nachname', 'Vorname ', 'Geb.-Datum']);
    const [name, formula, date, hours, flag, error, , days] = rows[1]!.cells;
    expect(name).toBe('Al-Hassan'); // rich text joined, phonetic guide left out
    expect(formula).toBe('Omar'); // cached result of a string formula
    expect(date).toEqual(new Date(Date.UTC(1990, 0, 1))); // built-in date format 14
    expect(hours).toBe(7.5); // [Red] and quoted text make no date
    expect(flag).toBe(true);
    expect(error ?? null).toBeNull();
    expect(days).toBe(12); // "Tag" is quoted text, not a d for day
    // cells without r attributes follow each other; custom date format with a time part
    expect(rows[2]!.cells.slice(0, 2)).toEqual(['Zeile\rUmbruch & ä', 'Rich']);
    expect(rows[2]!.cells[2]).toEqual(new Date(Date.UTC(2023, 0, 1, 18)));
    // ISO date cell; a formula without cached value and an empty styled cell are no values
    expect(rows[3]!.cells).toEqual([null, new Date(Date.UTC(2020, 1, 29))]);
    expect(rows[3]!.rowNumber).toBe(6);
  });

  it('honours the 1904 date system and stored (uncompressed) entries', async () => {
    const sheets = await read(await workbook(basicParts({}, true), 'STORE'));
    expect(sheets[0]!.rows[1]!.cells[2]).toEqual(new Date(Date.UTC(1994, 0, 2)));
  });

  it('finds a workbook part that is not at the usual path through the package relationships', async () => {
    const parts = basicParts();
    parts['_rels/.rels'] = rootRels.replace('xl/workbook.xml', 'xl/wb.xml');
    parts['xl/wb.xml'] = parts['xl/workbook.xml']!;
    parts['xl/_rels/wb.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!;
    delete parts['xl/workbook.xml'];
    delete parts['xl/_rels/workbook.xml.rels'];
    const sheets = await read(await workbook(parts));
    expect(sheets.map((s) => s.name)).toEqual(['Liste & Co', 'Erstes']);
    // a zip with no workbook at all is no spreadsheet; one with OpenDocument content is read as an .ods (ods.test.ts),
    // here one without any table
    expect(await errorCode(await workbook({ 'readme.txt': 'hallo' }), 'other.xlsx')).toBe('not_a_spreadsheet');
    expect(await errorCode(await workbook({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'calc.xlsx')).toBe(
      'not_a_spreadsheet',
    );
  });

  it('reads attributes after line breaks and tabs, and CDATA text', async () => {
    const parts = basicParts();
    parts['xl/worksheets/sheet2.xml'] = `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>
<row\n r="4"><c\n\tr="C4"\n\tt="inlineStr"><is><t><![CDATA[Tom & <Jerry>]]> &amp; Co</t></is></c><c\tr="E4"\ts="1"><v>32874</v></c></row>
</sheetData></worksheet>`;
    const [sheet] = await read(await workbook(parts));
    expect(sheet!.rows).toEqual([{ rowNumber: 4, cells: [null, null, 'Tom & <Jerry> & Co', null, new Date(Date.UTC(1990, 0, 1))] }]);
  });

  it('refuses a flipped bit in a sheet, a missing sheet part and a lying size as a corrupt file', async () => {
    const good = await workbook(basicParts());
    const zip = await JSZip.loadAsync(good);
    expect(zip.file('xl/worksheets/sheet2.xml')).not.toBeNull();
    // flip one byte in the middle of the compressed data of sheet2 (found by its local header name)
    const at = good.indexOf(Buffer.from('xl/worksheets/sheet2.xml')) + 'xl/worksheets/sheet2.xml'.length + 40;
    const flipped = Buffer.from(good);
    flipped[at] = flipped[at]! ^ 0x10;
    expect(await errorCode(flipped, 'flipped.xlsx')).toBe('corrupt_file');

    const parts = basicParts();
    delete parts['xl/worksheets/sheet2.xml'];
    expect(await errorCode(await workbook(parts), 'missing.xlsx')).toBe('corrupt_file');

    // the central directory claims a smaller unpacked size for sheet2 than it really has
    const lying = Buffer.from(good);
    const cd = lying.lastIndexOf(Buffer.from('xl/worksheets/sheet2.xml'));
    const header = cd - 46;
    expect(lying.readUInt32LE(header)).toBe(0x02014b50);
    lying.writeUInt32LE(lying.readUInt32LE(header + 24) - 10, header + 24);
    expect(await errorCode(lying, 'lying.xlsx')).toBe('corrupt_file');
  });

  it('decodes XML entities and OOXML escapes, and tells date formats from others', () => {
    expect(decodeXml('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#x1F600; _x005F_ _x000A_')).toBe('a <b> & "c" \'d\' 😀 _ \n');
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('[$-407]d. mmmm yyyy')).toBe(true);
    expect(isDateFormat('h:mm')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('#,##0.00 "Std"')).toBe(false);
    expect(isDateFormat('[Red]0.0')).toBe(false);
    expect(isDateFormat('@')).toBe(false);
  });

  it('reads what exceljs reads, for a random workbook of every cell kind (shared strings on and off)', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const value = (): ExcelJS.CellValue => {
      switch (Math.floor(rnd() * 9)) {
        case 0:
          return pick(['Müller', 'Ağa', 'Nguyễn Thị', '  Leer  ', 'a & b < c', 'Zeile\nzwei', '=keine Formel', '0042']);
        case 1:
          return Math.round(rnd() * 1e6) / 100;
        case 2:
          return new Date(Date.UTC(1950 + Math.floor(rnd() * 70), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
        case 3:
          return rnd() < 0.5;
        case 4:
          return { richText: [{ text: 'Al-' }, { font: { bold: true }, text: pick(['Hassan', 'Amin']) }] };
        case 5:
          return { formula: 'A1&"x"', result: pick(['ax', 'bx']) };
        case 6:
          return { formula: '1+1', result: 2 };
        case 7:
          return { text: 'mail@example.org', hyperlink: 'mailto:mail@example.org' };
        default:
          return null;
      }
    };
    for (const useSharedStrings of [true, false]) {
      const file = path.join(dir.dir, `zufall-${useSharedStrings}.xlsx`);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
      const ws = writer.addWorksheet('Zufall');
      for (let r = 0; r < 300; r++) {
        const row = ws.addRow(Array.from({ length: 8 }, value));
        row.eachCell((c) => {
          if (c.value instanceof Date) c.numFmt = pick(['dd.mm.yyyy', 'yyyy-mm-dd', 'd. mmmm yyyy']);
        });
        row.commit();
      }
      ws.commit();
      await writer.commit();

      const expected = new ExcelJS.Workbook();
      await expected.xlsx.readFile(file);
      const want: { rowNumber: number; cells: unknown[] }[] = [];
      expected.worksheets[0]!.eachRow((row, rowNumber) => {
        const cells: unknown[] = [];
        row.eachCell((cell, col) => {
          const v = cell.value as unknown;
          let plain: unknown = v;
          if (v && typeof v === 'object' && !(v instanceof Date)) {
            const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
            plain = o.richText ? o.richText.map((t) => t.text).join('') : 'result' in o ? o.result : o.text;
          }
          if (plain === '' || plain === null || plain === undefined) return;
          while (cells.length < col - 1) cells.push(null);
          cells[col - 1] = plain;
        });
        if (cells.length > 0) want.push({ rowNumber, cells });
      });
      const [sheet] = await read(fs.readFileSync(file), `zufall-${useSharedStrings}-kopie.xlsx`);
      expect(sheet!.rows).toEqual(want);
    }
  });
});
