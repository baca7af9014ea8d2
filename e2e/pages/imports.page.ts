import type { Page } from '@playwright/test';

/** Page object of Import: drop a list, fix the column mapping, import, undo. */
export class ImportsPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/import`);
    await this.page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  }

  /** Drops a file on the drop zone the way a browser does (a DataTransfer carrying a File). */
  async drop(name: string, bytes: Buffer) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ b64, fileName }) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        // runs in the page; e2e's tsconfig has no DOM lib, so DataTransfer is typed by hand
        const page = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
        const dt = new page.DataTransfer();
        dt.items.add(new File([data], fileName));
        return dt;
      },
      { b64: bytes.toString('base64'), fileName: name },
    );
    await this.page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  }

  async mapColumn(column: string, field: string) {
    await this.page.getByLabel(`Feld für Spalte ${column}`).selectOption({ label: field });
  }

  count(key: 'rowsTotal' | 'new' | 'matched' | 'duplicates' | 'rejected' | 'warnings') {
    return this.page.getByTestId(`count-${key}`).locator('span').first();
  }
}
