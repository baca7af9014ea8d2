import { expect, test } from './fixtures.js';
import { ProgramsPage } from './pages/programs.page.js';

test('create a program with three communes of three slots each, reload, see it', async ({ page, lotse }) => {
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = page.getByRole('dialog', { name: 'Programm anlegen' });
  await dialog.getByLabel('Name').fill('AGH Testkreis');
  await dialog.getByLabel('Träger').fill('Landkreis Test');
  await dialog.getByLabel('Beginn').fill('2026-01-01');
  await dialog.getByLabel('Ende', { exact: true }).fill('2026-12-31');
  for (const name of ['Freiberg', 'Döbeln', 'Frankenberg/Sa.']) await programs.createCommune(name, 'Mittelsachsen');
  const rows = dialog.getByTestId('commune-row');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).getByLabel('Plätze')).toHaveValue('3');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await page.getByRole('heading', { name: 'Programme' }).waitFor();
  const row = programs.row('AGH Testkreis');
  await expect(row).toContainText('Döbeln (3)');
  await expect(row).toContainText('Freiberg (3)');
  await expect(row).toContainText('Frankenberg/Sa. (3)');
  await expect(row.getByRole('cell').nth(4)).toHaveText('9');
});

test('a program without a name is refused with the field message, nothing saved', async ({ page, lotse }) => {
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = page.getByRole('dialog', { name: 'Programm anlegen' });
  await dialog.getByLabel('Beginn').fill('2026-01-01');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText('Pflichtfeld')).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  // the typed start date is a change: leaving asks first
  await page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' }).getByRole('button', { name: 'Verwerfen' }).click();
  await expect(page.getByText('Noch keine Programme')).toBeVisible();
});

test('the demo data shows both source programs', async ({ page, demo }) => {
  await page.goto(`${demo.openUrl}#/programme`);
  await expect(page.getByRole('row').filter({ hasText: 'AGH Mittelsachsen' })).toContainText('Döbeln (3)');
  await expect(page.getByRole('row').filter({ hasText: 'Arbeitsmarktmentoren Dresden' })).toBeVisible();
});
