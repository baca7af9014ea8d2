import { expect, test } from './fixtures.js';
import { DashboardPage } from './pages/dashboard.page.js';
import { ProgramsPage } from './pages/programs.page.js';
import { SettingsPage } from './pages/settings.page.js';

test.describe('first start', () => {
  test.use({ askName: true });

  test('asks for the coordinator name until it is given; the Protokoll then names her', async ({ page, lotse }) => {
    await page.goto(lotse.openUrl);
    const ask = page.getByRole('alertdialog', { name: 'Willkommen bei Lotse' });
    await expect(ask).toBeVisible();
    // skippable: "Später" lets her work now …
    await ask.getByRole('button', { name: 'Später' }).click();
    await expect(ask).toBeHidden();
    // … and the next start asks again (a new window has a new session)
    const next = await page.context().newPage();
    await next.goto(lotse.openUrl);
    const again = next.getByRole('alertdialog', { name: 'Willkommen bei Lotse' });
    await expect(again).toBeVisible();
    await again.getByRole('button', { name: 'Speichern' }).click();
    await expect(again.getByText('Pflichtfeld')).toBeVisible();
    await again.getByLabel('Ihr Name').fill('Anke Koordinatorin');
    await again.getByRole('button', { name: 'Speichern' }).click();
    await expect(again).toBeHidden();

    const settings = new SettingsPage(next);
    await settings.open(lotse.openUrl, 'protokoll');
    await expect(settings.auditRows().first()).toContainText('Anke Koordinatorin');
    await expect(settings.auditRows().filter({ hasText: 'unbekannt' })).toHaveCount(0);
    // once given, never asked again, and shown under Einstellungen
    await next.goto(`${lotse.openUrl}#/einstellungen/allgemein`);
    await expect(next.getByLabel('Name der Koordinatorin / des Koordinators')).toHaveValue('Anke Koordinatorin');
    await expect(next.getByRole('alertdialog')).toHaveCount(0);
  });
});

test('picks communes from the directory of Saxony instead of typing them', async ({ page, lotse }) => {
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = programs.dialog();
  await dialog.getByLabel('Name').fill('AGH Mittelsachsen');
  await dialog.getByLabel('Beginn').fill('2026-01-01');
  await dialog.getByRole('button', { name: 'Aus Gemeindeverzeichnis Sachsen' }).click();
  const picker = dialog.getByRole('group', { name: 'Kommunen aus dem Gemeindeverzeichnis Sachsen wählen' });
  const search = picker.getByLabel(/Gemeinde suchen/);
  await search.fill('großschirma');
  await picker.getByRole('checkbox', { name: /^Großschirma \(Mittelsachsen\) · 14522210/ }).check();
  // the tick stays while the search changes; umlauts may be typed without
  await search.fill('dobeln');
  await picker.getByRole('checkbox', { name: /^Döbeln \(Mittelsachsen\) · 14522080/ }).check();
  await expect(picker).toContainText('Ausgewählt: Großschirma, Döbeln');
  await picker.getByRole('button', { name: '2 Kommunen übernehmen' }).click();
  await expect(picker).toBeHidden();
  const rows = programs.communeRows();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByLabel('Kommune')).toHaveText(/Großschirma \(Mittelsachsen\)/);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  const row = programs.row('AGH Mittelsachsen');
  await expect(row).toContainText('Großschirma (3)');
  await expect(row).toContainText('Döbeln (3)');
});

test('a click-through list names each person with the date and the detail that made them count, under one title', async ({ page, demo }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.open(demo.openUrl);
  await page.getByLabel('Programm', { exact: true }).selectOption({ label: 'Arbeitsmarktmentoren Dresden' });
  await dashboard.card('completed').click();
  await expect(dashboard.listHeading()).toHaveText('Abgeschlossen');
  const first = dashboard.listRows().first();
  await expect(first.getByRole('link')).toHaveText(/^\p{L}[\p{L} '-]*, \p{L}/u);
  await expect(first.getByRole('cell').nth(2)).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
  await expect(first.getByRole('cell').nth(3)).not.toBeEmpty();
  await expect(dashboard.listRows()).not.toContainText([/Nr\. \d+/]);
});

test('a new fair belongs to the program in view, not the first one', async ({ page, demo }) => {
  await page.goto(`${demo.openUrl}#/boersen`);
  await page.getByRole('heading', { name: 'Firmenkontaktbörsen' }).waitFor();
  const filter = page.getByLabel('Programm', { exact: true });
  // option 0 is "Alle Programme"; the first program is what a new fair used to get
  const first = (await filter.locator('option').nth(1).textContent())!;
  const other = (await filter.locator('option').nth(2).textContent())!;
  expect(other).not.toBe(first);
  // the value selectOption picked (read back at once, the page may still be writing it into the address)
  const otherId = (await filter.selectOption({ label: other }))[0]!;
  await expect(filter).toHaveValue(otherId);
  await page.getByRole('button', { name: 'Neue Börse' }).click();
  const dialog = page.getByRole('dialog', { name: 'Börse anlegen' });
  await expect(dialog.getByLabel('Programm')).toHaveValue(otherId);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();

  // the program chosen on the Übersicht is the one in view on the fairs page too (its filter left at all programs)
  const dashboard = new DashboardPage(page);
  await dashboard.open(demo.openUrl);
  await page.getByLabel('Programm', { exact: true }).selectOption({ label: other });
  await page.goto(`${demo.openUrl}#/boersen`);
  await expect(filter).toHaveValue('');
  await page.getByRole('button', { name: 'Neue Börse' }).click();
  await expect(page.getByRole('dialog', { name: 'Börse anlegen' }).getByLabel('Programm')).toHaveValue(otherId);
});

test('the Übersicht shows AGH slots on a scale of their own and labels residence and work site', async ({ page, demo }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.open(demo.openUrl);
  await page.getByLabel('Programm', { exact: true }).selectOption({ label: 'AGH Mittelsachsen' });
  const agh = page.getByTestId('agh-chart');
  await expect(agh.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // its own axis: scaled to the slots (3 per commune), whatever the number of residents in the chart above
  const ticks = await agh.locator('.recharts-yAxis .recharts-cartesian-axis-tick-value').allTextContents();
  expect(Math.max(...ticks.map(Number))).toBeLessThanOrEqual(5);
  await expect(page.getByRole('columnheader', { name: 'Teilnehmende (Wohnort)' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'belegt (Einsatzort)' })).toBeVisible();
  await expect(page.getByTestId('success-definition')).toContainText('bezogen auf die im Zeitraum Ausgeschiedenen');
  // a program without AGH work: no AGH cards, no AGH chart
  await page.getByLabel('Programm', { exact: true }).selectOption({ label: 'Arbeitsmarktmentoren Dresden' });
  await expect(dashboard.card('enrolled')).toBeVisible();
  await expect(dashboard.card('filled')).toHaveCount(0);
  await expect(page.getByTestId('agh-chart')).toHaveCount(0);
});
