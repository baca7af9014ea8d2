import { expect, test } from './fixtures.js';
import { SettingsPage } from './pages/settings.page.js';

test('set the coordinator name, make a backup, see it listed and signed in the Protokoll', async ({ page, lotse }) => {
  const settings = new SettingsPage(page);
  await settings.open(lotse.openUrl);
  await settings.setCoordinatorName('Anke Beispiel');

  await page.reload();
  await page.getByRole('heading', { name: 'Einstellungen' }).waitFor();
  await expect(page.getByLabel('Name der Koordinatorin / des Koordinators')).toHaveValue('Anke Beispiel');

  await settings.tab('Sicherungen').click();
  await expect(page.getByText('Noch keine Sicherungen.')).toBeVisible();
  await settings.backUpNow();
  await expect(settings.backupRows()).toHaveCount(1);
  await expect(settings.backupRows().first()).toContainText('manuell');

  await settings.tab('Protokoll').click();
  const backupEntry = settings.auditRows().filter({ hasText: 'Sicherung' });
  await expect(backupEntry).toHaveCount(1);
  await expect(backupEntry).toContainText('Anke Beispiel');
  await expect(settings.auditRows().filter({ hasText: 'Geändert' })).toContainText('Anke Beispiel');
});

test('restoring a backup asks first and then brings back the earlier state', async ({ page, lotse }) => {
  const settings = new SettingsPage(page);
  await settings.open(lotse.openUrl);
  await settings.setCoordinatorName('Vor der Sicherung');
  await settings.tab('Sicherungen').click();
  await settings.backUpNow();
  await settings.tab('Allgemein').click();
  await settings.setCoordinatorName('Nach der Sicherung');

  await settings.tab('Sicherungen').click();
  await settings.backupRows().first().getByRole('button', { name: /Wiederherstellen/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Sicherung wiederherstellen?' });
  await expect(dialog).toContainText('Vorher wird der aktuelle Stand automatisch gesichert');
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await expect(page.getByText(/Wiederhergestellt aus/).first()).toBeVisible();
  // the safety backup of the state before the restore is listed too
  await expect(settings.backupRows().filter({ hasText: 'vor Wiederherstellung' })).toHaveCount(1);

  await settings.tab('Allgemein').click();
  await expect(page.getByLabel('Name der Koordinatorin / des Koordinators')).toHaveValue('Vor der Sicherung');
});

test('retention clean-up: set the final report date, see who is past retention, anonymise one with the explained confirmation', async ({ page, demo }) => {
  const settings = new SettingsPage(page);
  await settings.open(demo.openUrl, 'datenschutz');
  // the demo's model program ended in 2019: its people may already be past retention
  const rows = page.getByTestId('retention-row');
  await expect(page.getByText('Niemand ist über die Aufbewahrungsfrist hinaus.').or(rows.first())).toBeVisible();
  const initial = await rows.count();

  await page.getByRole('button', { name: 'Datenschutz bearbeiten: Arbeitsmarktmentoren Dresden' }).click();
  const dialog = page.getByRole('dialog', { name: /Datenschutz bearbeiten/ });
  await dialog.getByLabel('Aufbewahrung (Jahre nach Jahresende)').fill('0');
  await dialog.getByLabel('Verwendungsnachweis eingereicht am').fill('2020-12-31');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(() => rows.count()).toBeGreaterThan(initial);
  const before = await rows.count();
  await rows.first().getByRole('button', { name: 'Anonymisieren' }).click();
  const confirm = page.getByRole('dialog', { name: 'Daten anonymisieren?' });
  await expect(confirm).toContainText('Erhalten bleibt');
  await expect(confirm).toContainText('Geburtsjahr (für Altersgruppen)');
  await expect(confirm).toContainText('Vor- und Nachname');
  await confirm.getByRole('button', { name: 'Endgültig anonymisieren' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(before - 1);

  await settings.tab('Protokoll').click();
  await page.getByRole('combobox', { name: 'Aktion' }).click();
  await page.getByRole('option', { name: 'Anonymisiert' }).click();
  await expect(settings.auditRows()).toHaveCount(1);
  await expect(settings.auditRows().first()).toContainText('Aufbewahrungsfrist abgelaufen');
});
