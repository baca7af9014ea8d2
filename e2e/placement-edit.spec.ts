import { expect, test } from './fixtures.js';
import { ParticipantsPage } from './pages/participants.page.js';
import { PlacementsPage } from './pages/placements.page.js';

// seeding the demo takes a while on a busy machine; the fixture's setup counts toward the test's time
test.describe.configure({ timeout: 180_000 });

const today = new Date('2026-11-24T10:00:00+01:00');

test("edit a placement's weekly hours, activate a waiting one, and find both in the person's AGH tab and Verlauf", async ({ page, demo }) => {
  await page.clock.setFixedTime(today);
  const agh = new PlacementsPage(page);
  await agh.open(demo.openUrl);
  const doebeln = agh.board('Döbeln');
  await expect(doebeln.getByTestId('slot-counts')).toContainText('3 belegt');

  // edit: the same form, prefilled; only the weekly hours change
  const row = doebeln.getByRole('row').filter({ hasText: 'aktiv' }).first();
  const name = (await row.getByRole('cell').first().textContent())!;
  const site = (await row.getByRole('cell').nth(1).textContent())!;
  await row.getByRole('button', { name: `Bearbeiten: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `AGH-Einsatz bearbeiten: ${name}` });
  await expect(dialog.getByLabel('Einsatzstelle')).toHaveValue(site);
  const hours = dialog.getByLabel('Stunden je Woche');
  await expect(hours).toBeFocused();
  const oldHours = await hours.inputValue();
  expect(oldHours).not.toBe('');
  const newHours = oldHours === '23,5' ? '24,5' : '23,5';
  await hours.fill(newHours);
  await page.keyboard.press('Enter');
  // the demo's placements may raise hints (e.g. no agreement); they are shown, then closed
  const warnings = dialog.getByTestId('placement-warnings');
  // saved: either the dialog closes at once, or it stays open showing the hints
  await expect.poll(async () => (await warnings.isVisible()) || !(await dialog.isVisible())).toBe(true);
  if (await warnings.isVisible()) await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(dialog).toBeHidden();
  const edited = doebeln.getByRole('row').filter({ hasText: name });
  await expect(edited.getByTestId('hours-per-week')).toHaveText(newHours);

  // a wrong value is refused on the field, nothing saved
  await edited.getByRole('button', { name: `Bearbeiten: ${name}` }).click();
  await dialog.getByLabel('Stunden je Woche').fill('-3');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText('Nicht negativ', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  // the typed -3 is a change: leaving asks first
  await page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' }).getByRole('button', { name: 'Verwerfen' }).click();
  await expect(dialog).toBeHidden();
  await expect(edited.getByTestId('hours-per-week')).toHaveText(newHours);

  // Döbeln is full: activating the waiting person needs a reason
  const waitingRow = doebeln.getByRole('row').filter({ hasText: 'wartend' }).first();
  const waitingName = (await waitingRow.getByRole('cell').first().textContent())!;
  await waitingRow.getByRole('button', { name: `Aktivieren: ${waitingName}` }).click();
  const activate = page.getByRole('dialog', { name: `Einsatz aktivieren: ${waitingName}` });
  await expect(activate.getByText('Alle Plätze dieser Kommune sind belegt')).toBeVisible();
  await activate.getByRole('button', { name: 'Aktivieren' }).click();
  await expect(activate.getByTestId('form-error')).toContainText('Döbeln: alle 3 AGH-Plätze sind belegt');
  await activate.getByLabel('Begründung für das Überschreiten der Plätze').fill('Bauhof stellt einen vierten Platz');
  await activate.getByRole('button', { name: 'Aktivieren' }).click();
  await expect(activate).toBeHidden();
  await expect(doebeln.getByTestId('slot-counts')).toContainText('4 belegt');
  await expect(doebeln.getByTestId('slot-counts')).toContainText('0 wartend');

  // the person's AGH tab shows the new hours and offers the same edit; the Verlauf names program and commune
  const people = new ParticipantsPage(page);
  await people.open(demo.openUrl);
  const [last, first] = name.split(',').map((s) => s.trim());
  await people.search(last!);
  await people.rows().filter({ hasText: last! }).filter({ hasText: first! }).first().click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await people.openTab('AGH');
  const tabRow = page.getByRole('row').filter({ hasText: site }).filter({ hasText: 'Döbeln' });
  await expect(tabRow.getByTestId('hours-per-week')).toHaveText(newHours);
  await expect(tabRow.getByRole('button', { name: /^Bearbeiten/ })).toBeVisible();
  await people.openTab('Verlauf');
  const entry = page.getByTestId('history-entry').filter({ hasText: 'AGH-Einsatz geändert' }).first();
  await expect(entry).toContainText(`Stunden je Woche: ${oldHours} → ${newHours}`);
  await expect(entry.getByTestId('history-context')).toContainText('Döbeln');
  await expect(entry.getByTestId('history-context')).not.toContainText(/\d/);
});
