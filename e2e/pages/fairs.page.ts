import { expect, type Page } from '@playwright/test';

/** Page object of Firmenkontaktbörsen: what a coordinator does on the day of a fair, in their words. */
export class FairsPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/boersen`);
    await this.page.getByRole('heading', { name: 'Firmenkontaktbörsen' }).waitFor();
  }

  async create(fair: { title: string; date: string; venue: string }) {
    await this.page.getByRole('button', { name: 'Neue Börse' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Börse anlegen' });
    await dialog.getByLabel('Titel').fill(fair.title);
    await dialog.getByLabel('Datum').fill(fair.date);
    await dialog.getByLabel('Ort').fill(fair.venue);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('heading', { name: fair.title }).waitFor();
  }

  async tab(name: RegExp | string) {
    await this.tabs().getByRole('tab', { name }).click();
  }

  tabs() {
    return this.page.getByRole('tablist', { name: 'Bereiche der Börse' });
  }

  async addCompany(name: string, offers: string[]) {
    await this.page.getByLabel('Unternehmen', { exact: true }).selectOption({ label: `${name} (Dresden)` });
    for (const o of offers) await this.page.getByRole('checkbox', { name: o }).check();
    await this.page.getByRole('button', { name: 'Zur Börse hinzufügen' }).click();
    await expect(this.page.getByTestId('company-row').filter({ hasText: name })).toBeVisible();
  }

  /** Type a name into a search box and press Enter, as at the door. */
  async typeAndEnter(box: 'checkin-search' | 'register-search', name: string, expectedStatus: RegExp) {
    const input = this.page.getByTestId(box).getByRole('combobox');
    await input.fill(name);
    await expect(this.page.getByTestId(box).getByRole('option').first()).toContainText(name);
    await input.press('Enter');
    await expect(this.page.getByTestId('checkin-status')).toHaveText(expectedStatus);
    await expect(input).toHaveValue('');
  }

  async recordContact(person: string, company: string, result: string) {
    await this.page.getByLabel('Teilnehmende/r').selectOption({ label: person });
    await this.page.getByLabel('Unternehmen', { exact: true }).selectOption({ label: company });
    await this.page.getByLabel('Ergebnis', { exact: true }).selectOption({ label: result });
    await this.page.getByRole('button', { name: 'Kontakt erfassen' }).click();
  }

  /** Contact rows of enrolled participants (no visitor badge) that offer to record the contract as an outcome. */
  contractRowsOfParticipants() {
    return this.page
      .getByTestId('contact-row')
      .filter({ has: this.page.getByRole('button', { name: 'Ergebnis erfassen' }) })
      .filter({ hasNotText: 'Besucher/-in' });
  }

  figure(key: string) {
    return this.page.getByTestId(`figure-${key}`);
  }
}
