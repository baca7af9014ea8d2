import { expect, type Page } from '@playwright/test';

/** A field's label exactly, allowing the asterisk Fluent adds to required fields. */
export function fieldLabel(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}

/** Page object of Teilnehmende: what a coordinator does there, in their words. */
export class ParticipantsPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/teilnehmende`);
    await this.page.getByRole('heading', { name: 'Teilnehmende', exact: true }).waitFor();
  }

  async startNew() {
    await this.page.getByRole('button', { name: 'Neue Person' }).click();
    await this.page.getByRole('heading', { name: 'Person anlegen' }).waitFor();
  }

  /** Fills the Stammdaten form; keys are the German field labels. */
  async fill(fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields)) {
      const field = this.page.getByLabel(fieldLabel(label));
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  async save() {
    await this.page.getByRole('button', { name: 'Speichern', exact: true }).click();
  }

  /**
   * Types a search and waits for its answer: the list keeps the previous result on screen while a newer one is on
   * its way, and a click on a row of the old result would open the wrong person or be lost when the rows change.
   */
  async search(text: string) {
    await this.page.getByLabel('Suche nach Name oder Fallnummer').fill(text);
    const table = this.page.getByRole('table', { name: 'Teilnehmende' });
    await expect(table).toHaveAttribute('data-search', text);
    await expect(table).toHaveAttribute('aria-busy', 'false');
  }

  rows() {
    return this.page.getByRole('table', { name: 'Teilnehmende' }).getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  count() {
    return this.page.getByTestId('participant-count');
  }

  searchField() {
    return this.page.getByLabel('Suche nach Name oder Fallnummer');
  }

  /** The spinner beside the count while a newer search is on its way. */
  loading() {
    return this.page.getByTestId('participant-list-loading');
  }

  async openTab(name: string) {
    await this.page.getByRole('tablist', { name: 'Bereiche der Person' }).getByRole('tab', { name }).click();
  }
}
