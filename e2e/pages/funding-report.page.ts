import type { Download, Page } from '@playwright/test';

/** Page object of Berichte → Förderbericht: report kind, period, Prüfung and export, in the coordinator's words. */
export class FundingReportPage {
  constructor(private readonly page: Page) {}

  /** Opens the report of a program; without a period the page chooses the default of the kind. */
  async open(openUrl: string, frame: { programId?: number; kind?: 'interim' | 'program_end'; from?: string; to?: string } = {}) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(frame)) if (v !== undefined) q.set(k, String(v));
    await this.page.goto(`${openUrl}#/berichte${q.size > 0 ? `?${q.toString()}` : ''}`);
    await this.page.getByRole('heading', { name: 'Berichte', exact: true }).waitFor();
    await this.page.getByTestId('report-preview').waitFor();
  }

  kind(label: 'Zwischennachweis (Haushaltsjahr)' | 'Verwendungsnachweis (Programmende)') {
    return this.page.getByRole('radio', { name: label });
  }

  confirmDialog() {
    return this.page.getByRole('alertdialog', { name: 'Verwendungsnachweis für ein laufendes Programm?' });
  }

  checks() {
    return this.page.getByTestId('checks');
  }

  finding(code: string) {
    return this.page.getByTestId(`finding-${code}`);
  }

  /** Opens the records behind a finding and returns their rows. */
  async showRecords(code: string) {
    await this.finding(code).getByRole('button', { name: 'Datensätze anzeigen' }).click();
    return this.finding(code).getByTestId('finding-record');
  }

  async export(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Als Excel exportieren' }).click();
    return downloading;
  }
}
