import { expect, test } from './fixtures.js';
import { libreOfficeList, odsBytes, odsContent } from '../main/excel/fixtures/ods.js';
import { ImportsPage } from './pages/imports.page.js';

// "Familie" is no header Lotse knows, so the coordinator has to map it to Nachname by hand
const csv = Buffer.from(
  '\ufeffFamilie;Vorname;Geburtsdatum;Ort;E-Mail\r\n' +
    'Müller;Anna;14.05.1990;Döbeln;anna@example.org\r\n' +
    'Schmidt;Jonas;1.2.85;Freiberg;jonas(at)web\r\n' +
    ';Ohne;01.01.1990;Döbeln;\r\n' +
    'Anzahl: 3\r\n',
);

test('drop a list, fix the mapping, import, undo', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  await imports.drop('liste.csv', csv);

  // without a last-name column every row is refused
  await expect(imports.count('rowsTotal')).toHaveText('3');
  await expect(imports.count('rejected')).toHaveText('3');
  await imports.mapColumn('Familie', 'Nachname');
  await expect(imports.count('new')).toHaveText('2');
  await expect(imports.count('rejected')).toHaveText('1');
  await expect(imports.count('warnings')).toHaveText('1');
  await expect(page.getByTestId('rejected-row')).toHaveText(['Zeile 4: Nachname fehlt – nicht übernommen']);
  await expect(page.getByRole('row').filter({ hasText: 'Schmidt' })).toContainText('01.02.1985');

  await page.getByRole('button', { name: '2 Personen importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('2 neu, 0 bereits vorhanden');
  const batch = page.getByTestId('batch-row');
  await expect(batch).toHaveCount(1);
  await expect(batch).toContainText('liste.csv');

  // the same file again adds nobody; the mapping "Familie → Nachname" was remembered
  await imports.drop('liste.csv', csv);
  await expect(imports.count('matched')).toHaveText('2');
  await expect(imports.count('new')).toHaveText('0');

  // undo asks first, naming what goes
  await batch.getByRole('button', { name: 'Rückgängig machen' }).click();
  await imports.confirmUndo('2 Personen, die mit diesem Import neu angelegt wurden');
  await expect(batch).toContainText('rückgängig gemacht');
  await page.reload();
  await imports.drop('liste.csv', csv);
  await expect(imports.count('new')).toHaveText('2');
});

test('an .ods list from LibreOffice: preview with the notes column, matched people named, undo confirmed', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  const ods = await odsBytes(odsContent(libreOfficeList));
  await imports.drop('liste.ods', ods);
  await expect(imports.count('rowsTotal')).toHaveText('4');
  await expect(imports.count('new')).toHaveText('3');
  await expect(imports.count('duplicates')).toHaveText('1');
  await expect(page.getByLabel('Feld für Spalte Bemerkung')).toHaveValue('notes');
  // the second Müller row names the row it repeats, and why
  await expect(imports.previewRow('7')).toContainText('wie Zeile 4 (Müller, Anna Lena, geb. 14.05.1990) – gleicher Name und gleiches Geburtsdatum');
  await page.getByRole('button', { name: '3 Personen importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 neu, 0 bereits vorhanden');

  // the same file again: every row names the person in Lotse it matched
  await imports.drop('liste.ods', ods);
  await expect(imports.count('matched')).toHaveText('3');
  await expect(imports.previewRow('6')).toContainText(/Nr\. \d+ Nguyen, Thi Mai, geb\. 03\.07\.1985 – gleicher Name und gleiches Geburtsdatum/);
  await page.getByRole('button', { name: '0 Personen importieren' }).click();
  const matched = page.getByRole('list', { name: 'Bereits erfasste Personen' });
  await expect(matched.getByRole('listitem')).toHaveCount(3);
  await expect(matched).toContainText('Haddad, Sara, geb. 20.01.1997');

  // undoing the first import names the three people it created; cancelling keeps everything
  const first = page.getByTestId('batch-row').last();
  await first.getByRole('button', { name: 'Rückgängig machen' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('3 Personen, die mit diesem Import neu angelegt wurden');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(first).not.toContainText('rückgängig gemacht');
  await first.getByRole('button', { name: 'Rückgängig machen' }).click();
  await imports.confirmUndo('3 Personen, die mit diesem Import neu angelegt wurden');
  await expect(first).toContainText('rückgängig gemacht');
});

test('the preview pages through every row of a long list, with each row\'s warnings', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  const lines = ['Nachname;Vorname;Geburtsdatum;E-Mail'];
  for (let i = 0; i < 130; i++) lines.push(`Name${i};Vorname;01.02.1990;${i === 125 ? 'kaputt' : `n${i}@example.org`}`);
  await imports.drop('lang.csv', Buffer.from(lines.join('\r\n')));
  await expect(imports.previewRows()).toHaveCount(20);
  await expect(page.getByText('20 von 130 Zeilen angezeigt')).toBeVisible();
  await page.getByRole('button', { name: 'Weitere Zeilen anzeigen (100)' }).click();
  await expect(imports.previewRows()).toHaveCount(120);
  await page.getByRole('button', { name: 'Weitere Zeilen anzeigen (10)' }).click();
  await expect(imports.previewRows()).toHaveCount(130);
  await expect(page.getByText('130 von 130 Zeilen angezeigt')).toBeVisible();
  await expect(page.getByRole('button', { name: /Weitere Zeilen/ })).toHaveCount(0);
  await expect(imports.previewRow('127')).toContainText('E-Mail-Adresse „kaputt“ sieht fehlerhaft aus');
});

test('a picture renamed .xlsx gets a specific message and nothing is imported', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  await imports.drop('liste.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]));
  await expect(page.getByRole('alert')).toContainText('keine Tabelle');
  await expect(page.getByText('Noch keine Importe.')).toBeVisible();
});

test('a hostile workbook (cell ZZZZZZ2) is refused with the limit named, and the app keeps working', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  await imports.drop('feindlich.xlsx', await zzzzzzWorkbook());
  await expect(page.getByRole('alert')).toContainText('zu komplex');
  await expect(page.getByRole('alert')).toContainText('16.384 Spalten');
  await imports.drop('liste.csv', csv);
  await expect(imports.count('rowsTotal')).toHaveText('3');
});

test('reading a long list can be stopped, and nothing is imported', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  const lines = ['Nachname;Vorname;Geburtsdatum'];
  for (let i = 0; i < 190_000; i++) lines.push(`Name${i};Vorname${i % 97};01.02.1990`);
  await imports.drop('lang.csv', Buffer.from(lines.join('\r\n')));
  await page.getByRole('button', { name: 'Lesen abbrechen' }).click();
  await expect(page.getByRole('alert')).toContainText('Lesen abgebrochen');
  await expect(page.getByText('Noch keine Importe.')).toBeVisible();
});

/** The 2 KB file of issue 12: one cell reference far beyond column XFD. */
async function zzzzzzWorkbook(): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = new JSZip();
  zip.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nachname</t></is></c></row><row r="2"><c r="ZZZZZZ2"><v>1</v></c></row></sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
