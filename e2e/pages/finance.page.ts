import type { Page } from '@playwright/test';

/** Page object of Finanzen: plan, receipts with import, budget and Mittelabrufe, in the coordinator's words. */
export class FinancePage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/finanzen`);
    await this.page.getByRole('heading', { name: 'Finanzen', exact: true }).waitFor();
    await this.page.getByRole('tab', { name: 'Finanzierungsplan' }).waitFor();
  }

  tab(name: 'Finanzierungsplan' | 'Belege' | 'Budget' | 'Mittelabrufe') {
    return this.page.getByRole('tab', { name });
  }

  plan() {
    return this.page.getByTestId('plan-form');
  }

  /** Fills row `n` (1-based) of the expenditure positions. */
  async position(n: number, p: { key: string; label: string; kind?: string; planned?: string; percent?: string }) {
    const form = this.plan();
    await form.getByLabel(`Schlüssel ${n}`).fill(p.key);
    await form.getByLabel(`Bezeichnung ${n}`).fill(p.label);
    if (p.kind) await form.getByLabel(`Art ${n}`).selectOption(p.kind);
    if (p.planned !== undefined) await form.getByLabel(`Geplant (€) ${n}`).fill(p.planned);
    if (p.percent !== undefined) await form.getByLabel(`Prozent ${n}`).fill(p.percent);
  }

  importBox() {
    return this.page.getByTestId('receipt-import');
  }

  budgetRow(key: string) {
    return this.page.getByTestId('budget-positions').locator(`[data-position="${key}"]`);
  }
}
