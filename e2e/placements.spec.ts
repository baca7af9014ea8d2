import fs from 'node:fs';
import { expect, test } from './fixtures.js';
import { ParticipantsPage } from './pages/participants.page.js';
import { germanHundredths, PlacementsPage } from './pages/placements.page.js';

// seeding the demo takes a while on a busy machine; the fixture's setup counts toward the test's time
test.describe.configure({ timeout: 180_000 });

// the demo's placements run from September 2026; pin the browser's "today" so the current week is known
const today = new Date('2026-11-24T10:00:00+01:00');

test('fill a commune week of hours by keyboard and see the month sum', async ({ page, demo }) => {
  await page.clock.setFixedTime(today);
  const agh = new PlacementsPage(page);
  await agh.open(demo.openUrl);
  await agh.tab('Stunden');
  await agh.chooseCommune('Döbeln');
  await expect(page.getByTestId('week-label')).toHaveText('Woche vom 23.11.2026 bis 29.11.2026');
  await expect(agh.hoursRows()).toHaveCount(3);
  await expect(page.getByTestId('month-sum-2026-11')).toBeVisible();
  const before = await agh.monthSum('2026-11');

  const names = await agh.hoursRows().locator('th').allTextContents();
  const person = (i: number) => names[i]!.split(' · ')[0]!.trim();

  // row 1: Monday to Friday with Tab, then on through Saturday and Sunday into row 2
  await agh.cell(person(0), 'Mo 23.11.2026').click();
  for (const value of ['3,5', '4', '4', '4', '3,5']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Tab'); // Saturday
  await page.keyboard.press('Tab'); // Sunday → row 2, Monday
  await expect(agh.cell(person(1), 'Mo 23.11.2026')).toBeFocused();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter'); // same day, next person
  await expect(agh.cell(person(2), 'Mo 23.11.2026')).toBeFocused();
  await page.keyboard.type('7,75');
  await page.keyboard.press('Enter');

  const totals = agh.hoursRows().getByTestId('week-total');
  await expect(totals).toHaveText(['19', '2', '7,75']);
  await agh.saveHours();
  await expect(page.locator('.fui-ToastTitle').filter({ hasText: '7 Einträge gespeichert' })).toBeVisible();

  // 28,75 h more at 0,80 € = 23,00 € more
  await expect
    .poll(async () => agh.monthSum('2026-11'))
    .toEqual({ hoursX100: before.hoursX100 + 2875, cents: before.cents + 2300 });

  // the saved values come back from the database
  await page.reload();
  await agh.tab('Stunden');
  await agh.chooseCommune('Döbeln');
  await expect(agh.cell(person(0), 'Mo 23.11.2026')).toHaveValue('3,5');
  await expect(agh.cell(person(2), 'Mo 23.11.2026')).toHaveValue('7,75');

  // the statement shows the same sum, and exports it as a workbook
  await agh.tab('Abrechnung');
  await page.getByLabel('Monat').fill('2026-11');
  const sumRow = page.getByTestId('statement-sum');
  await expect(sumRow).toBeVisible();
  const cells = await sumRow.getByRole('cell').allTextContents();
  expect(germanHundredths(cells[5]!)).toBe(before.cents + 2300);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als Excel exportieren' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('AGH-Abrechnung Döbeln 2026-11.xlsx');
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('quota board, warnings on a new placement, an invalid cell, closing with outcome and the certificate', async ({ page, demo }) => {
  await page.clock.setFixedTime(today);
  const agh = new PlacementsPage(page);
  await agh.open(demo.openUrl);

  // Döbeln is full (3 of 3) with one person waiting
  const doebeln = agh.board('Döbeln');
  await expect(doebeln.getByTestId('slot-counts')).toContainText('3 Plätze');
  await expect(doebeln.getByTestId('slot-counts')).toContainText('3 belegt');
  await expect(doebeln.getByTestId('slot-counts')).toContainText('0 frei');
  await expect(doebeln.getByTestId('slot-counts')).toContainText('1 wartend');

  // a new placement in Döbeln needs a reason
  await doebeln.getByRole('button', { name: 'Neuer Einsatz' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuer AGH-Einsatz' });
  await expect(dialog.getByText('Alle Plätze dieser Kommune sind belegt')).toBeVisible();
  const person = dialog.getByLabel('Teilnehmende Person');
  await person.selectOption({ index: 1 });
  await dialog.getByLabel('Einsatzstelle').fill('Bauhof Döbeln');
  await dialog.getByLabel('Tätigkeit').fill('Stadtverschönerung');
  await dialog.getByLabel('Antrag gestellt am').fill('2026-11-20');
  await dialog.getByLabel('Beginn').fill('2026-11-25');
  await dialog.getByLabel('Stunden je Woche').fill('30');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText(/alle 3 AGH-Plätze sind belegt/)).toBeVisible();
  await dialog.getByLabel('Begründung für das Überschreiten der Plätze').fill('Bauhof hat einen Zusatzplatz');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const warnings = dialog.getByTestId('placement-warnings');
  await expect(warnings).toContainText('Beginn weniger als 14 Tage nach dem Antrag.');
  await expect(warnings).toContainText('Mehr als 25 Stunden je Woche geplant (30).');
  await expect(warnings).toContainText('Keine unterschriebene Teilnahmevereinbarung erfasst.');
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(doebeln.getByTestId('slot-counts')).toContainText('4 belegt');

  // hours on a day before that placement's start are refused, naming the person and the day
  await agh.tab('Stunden');
  await agh.chooseCommune('Döbeln');
  await expect(agh.hoursRows()).toHaveCount(4);
  // the newcomer starts on Wednesday: Monday's cell is disabled
  const disabled = page.locator('input[disabled]');
  await expect(disabled).toHaveCount(2);
  // a value above 10 h is marked and not saved
  const first = agh.hoursRows().locator('input:not([disabled])').first();
  await first.fill('11');
  await agh.saveHours();
  await expect(page.getByTestId('hours-error')).toContainText('Höchstens 10 Stunden am Tag');

  // close a placement with its outcome; the certificate is offered and downloads as PDF
  await agh.tab('Plätze');
  const row = doebeln.getByRole('row').filter({ hasText: 'Bauhof Döbeln' }).filter({ hasText: 'aktiv' }).first();
  const rowName = (await row.getByRole('cell').first().textContent())!;
  await row.getByRole('button', { name: `Beenden: ${rowName}` }).click();
  const close = page.getByRole('dialog', { name: `Einsatz beenden: ${rowName}` });
  await close.getByLabel('Letzter Tag').fill('2026-11-30');
  await close.getByLabel('Wie geht es weiter? (Verbleib)').selectOption({ label: 'Sozialversicherungspflichtige Beschäftigung' });
  await close.getByRole('button', { name: 'Beenden' }).click();
  const cert = page.getByRole('dialog', { name: `Teilnehmerbescheinigung: ${rowName}` });
  await expect(cert.getByText('Einsatz beendet. Teilnehmerbescheinigung jetzt erstellen?')).toBeVisible();
  await cert.getByLabel('Zweisprachig (Deutsch/Englisch)').check();
  const download = page.waitForEvent('download');
  await cert.getByRole('button', { name: 'PDF erstellen' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^Teilnehmerbescheinigung .+\.pdf$/);
  expect(fs.readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(doebeln.getByTestId('slot-counts')).toContainText('3 belegt');

  // the person's Verlauf names the outcome in German, not by its code
  const people = new ParticipantsPage(page);
  await people.open(demo.openUrl);
  const [lastName, firstName] = rowName.split(',').map((x) => x.trim());
  await people.search(lastName!);
  await people.rows().filter({ hasText: lastName! }).filter({ hasText: firstName! }).first().click();
  await people.openTab('Verlauf');
  await expect(page.getByTestId('history-entry').filter({ hasText: 'Sozialversicherungspflichtige Beschäftigung' }).first()).toBeVisible();
  await expect(page.getByTestId('history-entry').filter({ hasText: 'sv_beschaeftigung' })).toHaveCount(0);
});
