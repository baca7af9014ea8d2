import { expect, test } from './fixtures.js';
import { FramePage } from './pages/frame.page.js';
import { fieldLabel, ParticipantsPage } from './pages/participants.page.js';
import { ProgramsPage } from './pages/programs.page.js';

// the demo server seeds and starts per test; on a busy machine that alone can take most of the default minute
test.describe.configure({ timeout: 120_000 });

test('a missing name reads "Pflichtfeld" in German and "Required" after switching the UI to English', async ({ page, lotse }) => {
  const frame = new FramePage(page);
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = programs.dialog();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveAccessibleDescription('Pflichtfeld');
  // nothing typed: Abbrechen closes without asking
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();

  await frame.chooseLanguage('English');
  await page.getByRole('button', { name: 'New program' }).click();
  const english = page.getByRole('dialog', { name: 'Create program' });
  await english.getByRole('button', { name: 'Save' }).click();
  await expect(english.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Required');
  await expect(english).not.toContainText('Pflichtfeld');
});

test('the server refusing a taken program name puts its message under the Name field', async ({ page, demo }) => {
  const programs = new ProgramsPage(page);
  await programs.open(demo.openUrl);
  await programs.startNew();
  const dialog = programs.dialog();
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await name.fill('AGH Mittelsachsen');
  await dialog.getByLabel('Beginn').fill('01.01.2026');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(name).toHaveAccessibleDescription('Name schon vergeben');
  await expect(dialog.getByTestId('form-error')).toHaveCount(0);
  await expect(dialog).toBeVisible();
});

test('Escape with unsaved changes asks first; "Weiter bearbeiten" keeps the input, "Verwerfen" closes', async ({ page, lotse }) => {
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = programs.dialog();
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await name.fill('AGH Testkreis');

  await page.keyboard.press('Escape');
  const question = page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(question).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(name).toHaveValue('AGH Testkreis');

  // Escape in the question answers it like "Weiter bearbeiten", and does not close the form behind it
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(name).toHaveValue('AGH Testkreis');

  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await question.getByRole('button', { name: 'Verwerfen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /AGH Testkreis/ })).toHaveCount(0);
});

test('leaving the new-person page with a typed name asks first; "Weiter bearbeiten" stays on the page', async ({ page, lotse }) => {
  const frame = new FramePage(page);
  const participants = new ParticipantsPage(page);
  await participants.open(lotse.openUrl);
  await participants.startNew();
  await participants.fill({ Nachname: 'Kovalenko' });

  await frame.navigation().getByRole('tab', { name: 'Programme' }).click();
  const question = page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' });
  await question.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(page.getByRole('heading', { name: 'Person anlegen' })).toBeVisible();
  await expect(page.getByLabel(fieldLabel('Nachname'))).toHaveValue('Kovalenko');

  await frame.navigation().getByRole('tab', { name: 'Programme' }).click();
  await question.getByRole('button', { name: 'Verwerfen' }).click();
  await expect(page.getByRole('heading', { name: 'Programme' })).toBeVisible();
});

test('a reminder rule refuses a negative lead time on its field and saves a valid one', async ({ page, lotse }) => {
  await page.goto(`${lotse.openUrl}#/einstellungen`);
  await page.getByRole('tab', { name: 'Erinnerungen' }).click();
  const days = page.getByLabel('Tage: Dokument läuft ab', { exact: true });
  const row = page.getByRole('row').filter({ has: days });
  await days.fill('-1');
  await row.getByRole('button', { name: 'Speichern' }).click();
  await expect(days).toHaveAccessibleDescription('Mindestens 0');
  await days.fill('30');
  await row.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Regel gespeichert').first()).toBeVisible();
  await expect(days).not.toHaveAttribute('aria-invalid', 'true');
});
