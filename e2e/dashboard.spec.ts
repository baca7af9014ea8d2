import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.js';
import { DashboardPage } from './pages/dashboard.page.js';

// the demo server seeds and starts per test; on a busy machine that alone can take most of the default minute
test.describe.configure({ timeout: 120_000 });

test('the demo dashboard: a commune leads to its participants, bar and table agree with the list', async ({ page, demo }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.open(demo.openUrl);
  await expect(dashboard.card('enrolled')).toBeVisible();

  // table row: Freiberg's participants
  const button = dashboard.communeParticipants('Freiberg');
  const shown = Number((await button.innerText()).replace(/\./g, ''));
  expect(shown).toBeGreaterThan(0);
  await button.click();
  await expect(dashboard.listHeading()).toHaveText('Teilnehmende aus: Freiberg');
  await expect(page.getByTestId('drilldown-count')).toHaveText(`${shown} ${shown === 1 ? 'Eintrag' : 'Einträge'}`);
  await expect(dashboard.listRows()).toHaveCount(shown);
  await expect(dashboard.listRows().first().getByRole('link')).toHaveAttribute('href', /#\/teilnehmende\/\d+$/);

  // back, then Freiberg's bar in the chart (bars follow the table order; Recharts may skip zero-height bars)
  await page.getByRole('button', { name: 'Zurück zur Übersicht' }).click();
  await page.getByTestId('communes-chart').waitFor();
  const rows = page.locator('[data-testid^="commune-row-"]');
  const names = (await rows.locator('td:first-child').allInnerTexts()).map((x) => x.trim());
  const counts = (await rows.locator('td:nth-child(2)').allInnerTexts()).map((x) => Number(x.replace(/\./g, '')));
  const bars = dashboard.participantBars();
  await expect(bars.first()).toBeVisible();
  const at = names.indexOf('Freiberg');
  const index = (await bars.count()) === names.length ? at : counts.slice(0, at).filter((c) => c > 0).length;
  await bars.nth(index).click();
  await expect(dashboard.listHeading()).toHaveText('Teilnehmende aus: Freiberg');
  await expect(dashboard.listRows()).toHaveCount(shown);

  // a breakdown figure: women in the period, the list has as many rows as the table says
  await page.getByRole('button', { name: 'Zurück zur Übersicht' }).click();
  const women = page.getByRole('table', { name: 'Geschlecht' }).getByRole('row', { name: /weiblich/ }).getByRole('button');
  const womenCount = Number((await women.innerText()).replace(/\./g, ''));
  await women.click();
  await expect(dashboard.listHeading()).toHaveText('Geschlecht: weiblich');
  await expect(dashboard.listRows()).toHaveCount(womenCount);
});

test('export the program-end report after confirming it for a running program: its figures equal the dashboard', async ({ page, demo }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.open(demo.openUrl);
  const enrolled = Number((await dashboard.card('enrolled').locator('span').last().innerText()).replace(/\./g, ''));
  const from = page.url().match(/from=([\d-]+)/)?.[1];
  const to = page.url().match(/to=([\d-]+)/)?.[1];

  await page.getByRole('tab', { name: 'Berichte' }).click();
  await page.getByRole('heading', { name: 'Berichte' }).waitFor();
  // the AGH program still runs: a Verwendungsnachweis needs an explicit yes
  await page.getByRole('radio', { name: 'Verwendungsnachweis (Programmende)' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, Verwendungsnachweis erstellen' }).click();
  // the dashboard's period on the report page
  await page.getByLabel('Zeitraum von').fill(from ?? '2026-01-01');
  await page.getByLabel('Zeitraum bis').fill(to ?? '2026-11-24');
  await expect(page.getByTestId('report-preview').getByRole('row').first()).toContainText(String(enrolled));
  await page.getByLabel('Ausgangslage und Ziele').fill('=1+1 bleibt Text');
  await page.getByRole('button', { name: 'Sachbericht speichern' }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'Sachbericht gespeichert' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als Excel exportieren' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Verwendungsnachweis_AGH-Mittelsachsen_.*\.xlsx$/);
  const file = path.join(demo.dataDir, 'report.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = wb.worksheets.map((w) => w.name);
  expect(sheets[0]).toBe('Deckblatt');
  expect(sheets).toEqual(expect.arrayContaining(['Übersicht', 'Teilnehmende nach Merkmalen', 'Kommunen und AGH', 'Ergebnisse', 'Netzwerk', 'Sachbericht']));
  const ov = wb.getWorksheet('Übersicht')!;
  let value: unknown;
  ov.eachRow((row) => {
    if (row.getCell(1).value === 'Teilnehmende im Zeitraum') value = row.getCell(2).value;
  });
  expect(value).toBe(enrolled);
  const narrative = wb.getWorksheet('Sachbericht')!;
  expect(narrative.getCell('C2').value).toBe('=1+1 bleibt Text');
  expect(fs.existsSync(file)).toBe(true);
});
