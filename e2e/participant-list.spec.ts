import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.js';
import { ParticipantsPage } from './pages/participants.page.js';
import { NamedListPage } from './pages/reports.page.js';

// the demo server seeds and starts per test; on a busy machine that alone can take most of the default minute
test.describe.configure({ timeout: 120_000 });

/** The exported sheet read back: header row and data rows (from the row under the header). */
async function readList(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Teilnehmende')!;
  const header = (ws.getRow(5).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let r = 6; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return { wb, header, rows };
}

function peopleCount(text: string): number {
  const m = /^([\d.]+) Person/.exec(text);
  if (!m) throw new Error(`no count in "${text}"`);
  return Number(m[1]!.replace(/\./g, ''));
}

test('Berichte: choose columns for a program, export the named list and read it back; the choice is remembered', async ({ page, demo }) => {
  const list = new NamedListPage(page);
  await list.open(demo.openUrl);
  await expect(list.notice()).toContainText('personenbezogene Daten');
  // program columns need a program
  await expect(list.column('Programmstatus')).toBeDisabled();
  await list.choose('Programm', 'AGH Mittelsachsen');
  await expect(list.column('Programmstatus')).toBeEnabled();
  await list.column('Aktenzeichen').uncheck();
  await list.column('Sprachniveau').uncheck();
  await list.column('Telefon').check();
  await list.column('Programmstatus').check();
  await expect(list.count()).toHaveText(/^\d+ Personen? werden? exportiert\./);
  const expected = peopleCount(await list.count().innerText());
  expect(expected).toBeGreaterThan(0);

  const download = await list.export();
  expect(download.suggestedFilename()).toMatch(/^Teilnehmendenliste_AGH-Mittelsachsen_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = path.join(demo.dataDir, 'liste.xlsx');
  await download.saveAs(file);
  const { wb, header, rows } = await readList(file);
  expect(header).toEqual(['Nachname', 'Vorname', 'Geburtsdatum', 'Wohnort/Kommune', 'Aufenthaltsstatus', 'Telefon', 'Programmstatus']);
  expect(rows).toHaveLength(expected);
  expect(wb.title).toBe('Teilnehmendenliste (namentlich) – AGH Mittelsachsen');
  for (const r of rows) {
    expect(typeof r[0]).toBe('string');
    // a real date, not text
    if (r[2] !== undefined && r[2] !== null) expect(r[2]).toBeInstanceOf(Date);
    expect(['interessiert', 'aktiv', 'abgeschlossen', 'abgebrochen']).toContain(r[6]);
  }
  await expect(page.locator('.fui-ToastTitle', { hasText: `Teilnehmendenliste erstellt: ${download.suggestedFilename()}` })).toBeVisible();

  // the same people as the Teilnehmende list with the same filter
  const participants = new ParticipantsPage(page);
  await participants.open(demo.openUrl);
  await page.getByLabel('Programm', { exact: true }).selectOption({ label: 'AGH Mittelsachsen' });
  await expect(participants.count()).toHaveText(`${expected} Treffer`);

  // the column choice survives a reload
  await page.reload();
  await list.open(demo.openUrl);
  await expect(list.column('Telefon')).toBeChecked();
  await expect(list.column('Aktenzeichen')).not.toBeChecked();
});

test('Teilnehmende: export the list as filtered, with its visible columns', async ({ page, demo }) => {
  const participants = new ParticipantsPage(page);
  await participants.open(demo.openUrl);
  await page.getByLabel('Wohnort', { exact: true }).selectOption({ label: 'Freiberg' });
  await expect(participants.count()).toHaveText(/^\d+ Treffer$/);
  const shown = Number((await participants.count().innerText()).replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Namentliche Liste exportieren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Teilnehmendenliste (namentlich)' });
  await expect(dialog).toContainText('personenbezogene Daten');
  await expect(dialog.getByTestId('participant-list-export-count')).toHaveText(new RegExp(`^${shown} Personen? werden? exportiert\\.`));
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exportieren…' }).click();
  const download = await downloading;
  const file = path.join(demo.dataDir, 'freiberg.xlsx');
  await download.saveAs(file);
  await expect(dialog).toBeHidden();

  const { header, rows } = await readList(file);
  expect(header).toEqual(['Nachname', 'Vorname', 'Geburtsdatum', 'Wohnort/Kommune', 'Aufenthaltsstatus', 'Aktenzeichen']);
  expect(rows).toHaveLength(shown);
  expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['Freiberg']));
  // in the list's order: by name
  const names = rows.map((r) => `${String(r[0])}, ${String(r[1])}`);
  const firstRow = participants.rows().first();
  await expect(firstRow).toContainText(names[0]!);
});
