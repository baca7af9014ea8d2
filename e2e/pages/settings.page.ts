import type { Page } from '@playwright/test';

/** Page object of Einstellungen: what a coordinator does there, in their words. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string, tab: 'allgemein' | 'sicherungen' | 'protokoll' | 'datenschutz' = 'allgemein') {
    await this.page.goto(`${openUrl}#/einstellungen/${tab}`);
    await this.page.getByRole('heading', { name: 'Einstellungen' }).waitFor();
  }

  tab(name: 'Allgemein' | 'Sicherungen' | 'Protokoll' | 'Datenschutz') {
    return this.page.getByRole('tab', { name });
  }

  async setCoordinatorName(name: string) {
    await this.page.getByLabel('Name der Koordinatorin / des Koordinators').fill(name);
    await this.page.getByRole('button', { name: 'Speichern' }).click();
    await this.page.getByText('Einstellungen gespeichert').first().waitFor();
  }

  async backUpNow() {
    await this.page.getByRole('button', { name: 'Jetzt sichern' }).click();
    await this.page.getByText(/Sicherung .* erstellt/).first().waitFor();
  }

  backupRows() {
    return this.page.getByTestId('backup-row');
  }

  auditRows() {
    return this.page.getByTestId('audit-row');
  }
}
