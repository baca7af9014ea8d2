import path from 'node:path';
import ExcelJS from 'exceljs';
import { api } from './api.js';
import { expect, test } from './fixtures.js';
import { FinancePage } from './pages/finance.page.js';
import { FundingReportPage } from './pages/funding-report.page.js';

test.describe.configure({ timeout: 180_000 });

/** An accounting export as the bookkeeping hands it over: German amounts, one row without a position. */
const journal = [
  'Belegdatum;Beleg-Nr.;Lieferant;Buchungstext;Kostenart;Betrag EUR',
  '31.01.2026;G-01;Lohnbuchhaltung;Gehalt Januar;Personalausgaben;5.000,00',
  '01.02.2026;M-02;Vermieter GmbH;Miete Februar;miete;1.234,56 €',
  '03.02.2026;X-03;Unbekannt;ohne Position;;10,00',
].join('\r\n');

test('enter a plan, import a receipt list, see the budget and export the report with its two money sheets', async ({ page, lotse }) => {
  const program = await api(lotse, 'programs.create', { name: 'Geldprojekt', startDate: '2026-01-01', endDate: '2026-12-31', hourlyRateCents: 0 });
  const finance = new FinancePage(page);
  await finance.open(lotse.openUrl);

  // the Bewilligungsbescheid with three positions, one of them the Verwaltungspauschale
  const plan = finance.plan();
  await plan.getByLabel('Aktenzeichen').fill('SAB 2026/17');
  await plan.getByLabel('Bewilligungszeitraum von').fill('2026-01-01');
  await plan.getByLabel('bis', { exact: true }).fill('2026-12-31');
  await plan.getByLabel('Zuwendungsfähige Gesamtausgaben').fill('12.600,00');
  await finance.position(1, { key: 'personal', label: 'Personalausgaben', planned: '10.000,00' });
  await plan.getByRole('button', { name: 'Position hinzufügen' }).click();
  await finance.position(2, { key: 'miete', label: 'Miete', planned: '2.000' });
  await plan.getByRole('button', { name: 'Position hinzufügen' }).click();
  await finance.position(3, { key: 'verwaltung', label: 'Verwaltungspauschale', kind: 'pauschale', percent: '5' });
  await plan.getByLabel('Zuwendung', { exact: true }).fill('12.600');
  await plan.getByRole('button', { name: 'Bewilligungsbescheid speichern' }).click();
  const history = page.getByTestId('plan-history');
  await expect(history).toContainText('Fassung 1 · Bewilligungsbescheid');
  await expect(history).toContainText('Summe geplant: 12.600,00 €');

  // an Änderungsbescheid raises the rent; the first plan stays in the history
  await plan.getByLabel('Aktenzeichen').fill('SAB 2026/17-Ä1');
  await plan.getByLabel('Geplant (€) 2').fill('2.500');
  await plan.getByRole('button', { name: 'Als Änderungsbescheid speichern' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Fassung 2 · Änderungsbescheid');
  await expect(history.getByRole('listitem').first()).toContainText('Summe geplant: 13.125,00 €');
  await expect(history.getByRole('listitem').last()).toContainText('SAB 2026/17 ·');

  // the receipt list: previewed with its rejected row and reason, then imported in one go
  await finance.tab('Belege').click();
  await finance.importBox().locator('input[type="file"]').setInputFiles({ name: 'journal.csv', mimeType: 'text/csv', buffer: Buffer.from(journal, 'utf8') });
  const preview = page.getByTestId('receipt-preview');
  await expect(preview).toContainText('2 von 3 Zeilen werden importiert, Summe 6.234,56 €');
  await expect(preview.getByRole('row').filter({ hasText: 'Position fehlt' })).toContainText('4');
  await preview.getByRole('button', { name: '2 Belege importieren' }).click();
  await expect(page.getByTestId('receipt-list').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('receipt-batches')).toContainText('journal.csv');

  // the budget view: spent against plan per position
  await finance.tab('Budget').click();
  await expect(finance.budgetRow('personal')).toContainText('5.000,00 €');
  await expect(finance.budgetRow('miete')).toContainText('1.234,56 €');
  // the Pauschale is 5 % of what the other positions spent
  await expect(finance.budgetRow('verwaltung')).toContainText('311,73 €');
  await expect(page.getByTestId('budget-total-actual')).toHaveText('6.546,29 €');

  // the report carries the Nachweis and the Belegliste, with the same numbers
  const reports = new FundingReportPage(page);
  await reports.open(lotse.openUrl, { programId: program.id, kind: 'interim', from: '2026-01-01', to: '2026-12-31' });
  const download = await reports.export();
  const file = path.join(lotse.dataDir, 'bericht.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const nachweis = wb.getWorksheet('Zahlenmäßiger Nachweis')!;
  const belege = wb.getWorksheet('Belegliste')!;
  expect(nachweis).toBeDefined();
  expect(belege).toBeDefined();
  const cached = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'formula' in v ? Number(v.result ?? 0) : Number(v));
  const sums: Record<string, number> = {};
  belege.eachRow((row) => {
    const v = row.getCell(8).value;
    if (v && typeof v === 'object' && 'formula' in v && v.formula?.startsWith('SUMIF')) sums[String(row.getCell(6).value)] = cached(v);
  });
  expect(sums).toEqual({ personal: 5000, miete: 1234.56 });
  let total = 0;
  nachweis.eachRow((row) => {
    if (row.getCell(2).value === 'Summe Ausgaben') total = cached(row.getCell(4).value);
  });
  expect(total).toBeCloseTo(6546.29, 6);
});
