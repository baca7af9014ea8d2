import { expect, test } from './fixtures.js';
import { ProgramsPage } from './pages/programs.page.js';

/** zod's own wording in either language (issue 19: "Too small: expected number to be >0"). */
const rawZod = /Too small|Too big|Zu klein: |Zu groß: |expected (number|string|array|object|boolean)|erwartet (number|string|Zahl)|received|erhalten|Invalid input|Ungültige Eingabe: /;

test('an empty commune row gets German field messages on its own row, and they leave with the row', async ({ page, lotse }) => {
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = page.getByRole('dialog', { name: 'Programm anlegen' });
  await dialog.getByLabel('Name').fill('AGH Testkreis');
  await dialog.getByLabel('Beginn').fill('2026-01-01');
  await dialog.getByRole('button', { name: 'Kommune hinzufügen' }).click();
  await programs.createCommune('Freiberg', 'Mittelsachsen');
  const rows = dialog.getByTestId('commune-row');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByLabel('Plätze').fill('');

  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(rows.nth(0)).toContainText('Bitte eine Kommune wählen');
  await expect(rows.nth(0)).toContainText('Anzahl der Plätze als ganze Zahl eingeben');
  await expect(rows.nth(1)).not.toContainText('Bitte');
  await expect(dialog).not.toContainText(rawZod);

  await rows.nth(0).getByRole('button', { name: 'Entfernen' }).click();
  await expect(rows).toHaveCount(1);
  await expect(dialog).not.toContainText('Bitte eine Kommune wählen');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(programs.row('AGH Testkreis')).toContainText('Freiberg (3)');
});

test('in the English UI the same messages are English', async ({ page, lotse }) => {
  // a string script: the e2e project compiles without DOM types
  await page.addInitScript({ content: "localStorage.setItem('lotse.lang', 'en')" });
  await page.goto(`${lotse.openUrl}#/programme`);
  await page.getByRole('button', { name: 'New program' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create program' });
  await dialog.getByRole('button', { name: 'Add commune' }).click();
  await dialog.getByTestId('commune-row').getByLabel('Places').fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Please choose a commune', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Enter the number of places as a whole number (0 or more)')).toBeVisible();
  await expect(dialog.getByText('Required', { exact: true }).first()).toBeVisible();
  await expect(dialog).not.toContainText(rawZod);
  await expect(dialog).not.toContainText(/Pflichtfeld|Bitte/);
});
