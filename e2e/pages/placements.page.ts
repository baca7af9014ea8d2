import type { Locator, Page } from '@playwright/test';

/** "1.234,56 €" / "178,5" → hundredths (cents or hours × 100), exact. */
export function germanHundredths(text: string): number {
  const t = text.replace(/[€\s\u00a0.]/g, '');
  const [whole, frac = ''] = t.split(',');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

/** Page object of AGH: boards, hours grid and statement, in the coordinator's words. */
export class PlacementsPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/agh`);
    await this.page.getByRole('heading', { name: 'AGH – Arbeitsgelegenheiten' }).waitFor();
  }

  async tab(name: 'Plätze' | 'Stunden' | 'Abrechnung') {
    await this.page.getByRole('tab', { name }).click();
  }

  board(commune: string): Locator {
    return this.page.getByTestId(`board-${commune}`);
  }

  async chooseCommune(name: string) {
    await this.page.getByLabel('Kommune').selectOption({ label: name });
  }

  /** The hours cell of a person on a day, e.g. ('Müller, Anna', 'Mo 23.11.2026'). */
  cell(person: string, day: string): Locator {
    return this.page.getByRole('textbox', { name: `${person}, ${day}`, exact: true });
  }

  hoursRows(): Locator {
    return this.page.locator('tbody tr');
  }

  /** "Monat November 2026: 178,5 Stunden · 142,80 €" → { hoursX100, cents } */
  async monthSum(month: string): Promise<{ hoursX100: number; cents: number }> {
    const text = (await this.page.getByTestId(`month-sum-${month}`).textContent()) ?? '';
    const m = /:\s*([\d.,]+)\s*Stunden\s*·\s*([\d.,]+)\s*€/.exec(text.replace(/\u00a0/g, ' '));
    if (!m) throw new Error(`no month sum in "${text}"`);
    return { hoursX100: germanHundredths(m[1]!), cents: germanHundredths(m[2]!) };
  }

  async saveHours() {
    await this.page.getByRole('button', { name: 'Stunden speichern' }).click();
  }
}
