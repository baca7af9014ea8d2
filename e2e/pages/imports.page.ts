import { expect, type Page } from '@playwright/test';

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

  /** Types the sender and waits for the preview read for that sender (its remembered decisions come with it). */
  senderField() {
    return this.page.getByLabel('Absender', { exact: true });
  }

  async setSender(sender: string) {
    const field = this.senderField();
    await field.fill(sender);
    await field.blur();
    await expect(this.page.getByTestId('value-choices')).toHaveAttribute('data-sender', sender);
  }

  /** The line of values a catalogue recognised in one column. */
  recognised(field: 'residenceStatus' | 'nationality' | 'commune') {
    return this.page.getByTestId(`recognised-${field}`);
  }

  unknownValues() {
    return this.page.getByTestId('unknown-value');
  }

  /** The row of a value no catalogue knows, with its count and its choice. */
  unknownValue(value: string) {
    return this.unknownValues().filter({ has: this.page.getByRole('cell', { name: `„${value}“`, exact: true }) });
  }

  choiceFor(value: string) {
    return this.page.getByLabel(`Zuordnung für „${value}“`, { exact: true });
  }

  async chooseFor(value: string, label: string) {
    await this.choiceFor(value).selectOption({ label });
  }

  previewRows() {
    return this.page.getByTestId('preview-row');
  }

  /** The preview's row of the file's row `row`. */
  previewRow(row: string) {
    return this.previewRows().filter({ has: this.page.getByRole('cell', { name: row, exact: true }) });
  }

  /** Confirms the undo dialog after checking that it names what goes. */
  async confirmUndo(names: string) {
    const dialog = this.page.getByRole('alertdialog');
    await expect(dialog).toContainText(names);
    await dialog.getByRole('button', { name: 'Rückgängig machen' }).click();
    await expect(dialog).toHaveCount(0);
  }

  count(key: 'rowsTotal' | 'new' | 'matched' | 'duplicates' | 'rejected' | 'warnings') {
    return this.page.getByTestId(`count-${key}`).locator('span').first();
  }
}
