import type { Page } from '@playwright/test';

/** The app frame around every page: navigation and the language switch. */
export class FramePage {
  constructor(private readonly page: Page) {}

  /** Opens the app at its start address (no page in the URL). */
  async start(openUrl: string) {
    await this.page.goto(openUrl);
  }

  navigation() {
    return this.page.getByRole('navigation');
  }

  /** The language select, found by either language's label. */
  languageSelect() {
    return this.page.getByLabel(/^(Sprache|Language)$/);
  }

  async chooseLanguage(name: 'Deutsch' | 'English') {
    await this.languageSelect().selectOption({ label: name });
  }
}
