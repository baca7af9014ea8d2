import { expect, test } from './fixtures.js';
import { FramePage } from './pages/frame.page.js';
import { ProgramsPage } from './pages/programs.page.js';

test('a date is typed as TT.MM.JJJJ ("1.2.2026" too) and saved as that day; English reads DD/MM/YYYY', async ({ page, lotse }) => {
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = programs.dialog();
  const start = dialog.getByLabel('Beginn');
  await expect(start).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
  await dialog.getByLabel('Name').fill('Datumstest');
  await start.fill('1.2.2026');
  await start.blur();
  await expect(start).toHaveValue('01.02.2026');
  await dialog.getByLabel('Ende', { exact: true }).fill('31.12.2026');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(programs.row('Datumstest')).toContainText('01.02.2026');
  await expect(programs.row('Datumstest')).toContainText('31.12.2026');

  // an impossible date is refused, not saved as another day
  await programs.row('Datumstest').getByRole('button', { name: /Bearbeiten/ }).click();
  const edit = page.getByRole('dialog', { name: 'Programm bearbeiten' });
  await expect(edit.getByLabel('Beginn')).toHaveValue('01.02.2026');
  await edit.getByLabel('Ende', { exact: true }).fill('31.02.2026');
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toBeVisible();
  await expect(edit.getByText('Kein gültiges Kalenderdatum')).toBeVisible();
  await edit.getByRole('button', { name: 'Abbrechen' }).last().click();
  // the typed end date is a change: leaving asks first
  await page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' }).getByRole('button', { name: 'Verwerfen' }).click();
  await expect(edit).toBeHidden();

  await new FramePage(page).chooseLanguage('English');
  await page.getByRole('button', { name: 'New program' }).click();
  const english = page.getByRole('dialog', { name: 'Create program' });
  await expect(english.getByLabel('Start')).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  await english.getByLabel('Start').fill('1/2/2026');
  await english.getByLabel('Start').blur();
  await expect(english.getByLabel('Start')).toHaveValue('01/02/2026');
});
