import { expect, type Page } from '@playwright/test';

/** Page object of Heute, the start page: what is due, and how a coordinator settles or snoozes it. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  /** Opens the app at its start address, which is Heute. */
  async start(openUrl: string) {
    await this.page.goto(openUrl);
    await this.page.getByRole('heading', { name: 'Heute', exact: true }).waitFor();
  }

  /** Goes to Heute through the navigation and waits for the list's answer. */
  async openFromNavigation() {
    await this.page.getByRole('navigation').getByRole('tab', { name: /^Heute/ }).click();
    await this.page.getByRole('heading', { name: 'Heute', exact: true }).waitFor();
    await expect(this.list()).toHaveAttribute('aria-busy', 'false');
  }

  list() {
    return this.page.getByTestId('today-list');
  }

  /** The count on Heute's navigation item (Fluent's tab also renders a hidden copy of its content for layout). */
  badge() {
    return this.page.getByTestId('today-badge').filter({ visible: true });
  }

  item(title: string | RegExp) {
    return this.page.getByTestId('reminder').filter({ hasText: title });
  }

  async done(title: string | RegExp) {
    await this.item(title).getByRole('button', { name: 'Erledigt' }).click();
    await expect(this.item(title)).toHaveCount(0);
  }

  /** Opens the snooze dialog of an item and returns it. */
  async startSnooze(title: string | RegExp) {
    await this.item(title).getByRole('button', { name: 'Zurückstellen' }).click();
    return this.page.getByRole('dialog', { name: /^Zurückstellen/ });
  }
}
