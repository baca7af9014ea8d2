import type { Page } from '@playwright/test';

/** Page object of Programme: what a coordinator does there, in their words. */
export class ProgramsPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/programme`);
    await this.page.getByRole('heading', { name: 'Programme' }).waitFor();
  }

  async startNew() {
    await this.page.getByRole('button', { name: 'Neues Programm' }).click();
  }

  async createCommune(name: string, district: string) {
    await this.page.getByRole('button', { name: 'Neue Kommune' }).click();
    const form = this.page.getByRole('group', { name: 'Kommune anlegen' });
    await form.getByLabel('Name der Kommune').fill(name);
    await form.getByLabel('Landkreis').fill(district);
    await form.getByRole('button', { name: 'Anlegen' }).click();
    await form.waitFor({ state: 'detached' });
  }

  row(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
