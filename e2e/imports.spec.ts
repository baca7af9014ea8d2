import { expect, test } from './fixtures.js';
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

  await batch.getByRole('button', { name: 'Rückgängig machen' }).click();
  await expect(batch).toContainText('rückgängig gemacht');
  await page.reload();
  await imports.drop('liste.csv', csv);
  await expect(imports.count('new')).toHaveText('2');
});

test('a picture renamed .xlsx gets a specific message and nothing is imported', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  await imports.drop('liste.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]));
  await expect(page.getByRole('alert')).toContainText('keine Tabelle');
  await expect(page.getByText('Noch keine Importe.')).toBeVisible();
});
