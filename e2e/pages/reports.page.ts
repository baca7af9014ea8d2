import type { Download, Page } from '@playwright/test';

/** Page object of Berichte → Namentliche Listen: the named participant list, in the coordinator's words. */
export class NamedListPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/berichte`);
    await this.page.getByRole('heading', { name: 'Berichte', exact: true }).waitFor();
    await this.page.getByRole('tablist', { name: 'Art des Berichts' }).getByRole('tab', { name: 'Namentliche Listen' }).click();
    await this.page.getByRole('heading', { name: 'Teilnehmendenliste (namentlich)' }).waitFor();
    // the remembered columns have arrived once the checkboxes show
    await this.column('Nachname').waitFor();
  }

  section() {
    return this.page.getByRole('region', { name: 'Teilnehmendenliste (namentlich)' });
  }

  column(label: string) {
    return this.section().getByRole('checkbox', { name: label, exact: true });
  }

  async choose(label: string, value: string) {
    await this.section().getByRole('combobox', { name: label, exact: true }).selectOption({ label: value });
  }

  count() {
    return this.page.getByTestId('participant-list-count');
  }

  notice() {
    return this.page.getByTestId('personal-data-notice');
  }

  /** Clicks Exportieren… and returns the browser download (web mode). */
  async export(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.section().getByRole('button', { name: 'Exportieren…' }).click();
    return downloading;
  }
}
