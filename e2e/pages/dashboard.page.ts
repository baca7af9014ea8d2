import type { Page } from '@playwright/test';

/** Page object of the Übersicht and its drill-down lists. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/uebersicht`);
    await this.page.getByRole('heading', { name: 'Übersicht' }).waitFor();
    await this.page.getByTestId('communes-chart').waitFor();
  }

  card(id: string) {
    return this.page.getByTestId(`card-${id}`);
  }

  /** The participants-count button in a commune's table row. */
  communeParticipants(name: string) {
    return this.page.getByRole('button', { name: `Teilnehmende aus ${name} anzeigen` });
  }

  /** Bars of the first series (participants per commune), in the order of the commune table. */
  participantBars() {
    return this.page.getByTestId('communes-chart').locator('.recharts-bar').first().locator('.recharts-bar-rectangle');
  }

  /** A target's row (Ziele laut Zuwendungsbescheid): label, planned, reached, share. */
  target(key: string) {
    return this.page.getByTestId(`target-${key}`);
  }

  listHeading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  listRows() {
    return this.page.getByTestId('drilldown-row');
  }
}
