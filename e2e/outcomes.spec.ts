import { api, idByName } from './api.js';
import { expect, test } from './fixtures.js';
import { FairsPage } from './pages/fairs.page.js';
import { ParticipantsPage } from './pages/participants.page.js';

// each test seeds the demo and starts its own server; on a busy machine that alone takes a while
test.describe.configure({ timeout: 180_000 });

test('a fair contact with an employment contract becomes an outcome in one step, credited to the fair', async ({ page, demo }) => {
  const fairs = new FairsPage(page);
  await fairs.open(demo.openUrl);
  const rows = page.getByRole('row').filter({ hasText: 'Firmenkontaktbörse „Unternehmen trifft Bewerber/-in“' });
  await rows.last().getByRole('link').click();
  await fairs.tab('Kennzahlen');
  const laterBefore = Number((await fairs.figure('laterOutcomes').locator('span').first().innerText()).trim());

  await fairs.tab(/^Kontakte/);
  const contact = fairs.contractRowsOfParticipants().first();
  const person = (await contact.getByRole('cell').first().innerText()).trim();
  const company = (await contact.getByRole('cell').nth(1).innerText()).trim();
  await contact.getByRole('button', { name: 'Ergebnis erfassen' }).click();

  // prefilled from the contact: kind from the contract, the fair's day, the company and the fair as source
  const dialog = page.getByRole('dialog', { name: `Ergebnis erfassen: ${person}` });
  const kind = dialog.getByLabel('Ergebnis', { exact: true });
  await expect(kind.locator('option:checked')).toHaveText(/Sozialversicherungspflichtige Beschäftigung|Berufsausbildung/);
  await expect(dialog.getByLabel('Unternehmen').locator('option:checked')).toHaveText(company);
  await expect(dialog.getByLabel('Herkunft (Börse / Aktivität)').locator('option:checked')).toContainText('Firmenkontaktbörse');
  await dialog.getByRole('button', { name: 'Ergebnis erfassen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'Ergebnis gespeichert' })).toBeVisible();

  await fairs.tab('Kennzahlen');
  await expect(fairs.figure('laterOutcomes')).toContainText(String(laterBefore + 1));
});

test('Merkmale bei Eintritt: stored at the start, corrected only with a reason', async ({ page, demo }) => {
  const programId = await idByName(demo, 'programs.list', 'Arbeitsmarktmentoren Dresden');
  const dresden = await idByName(demo, 'communes.list', 'Dresden');
  const person = await api(demo, 'participants.create', {
    data: { lastName: 'Eintritt', firstName: 'Nadia', birthDate: '1992-06-15', communeId: dresden, residenceStatus: 'Duldung', germanLevel: 'A2', consentDate: '2026-01-10' },
  });
  await api(demo, 'enrollments.create', { participantId: person.id, programId, status: 'aktiv', startDate: '2026-02-01' });

  await page.goto(`${demo.openUrl}#/teilnehmende/${person.id}/programme`);
  const people = new ParticipantsPage(page);
  await expect(page.getByRole('heading', { name: 'Eintritt, Nadia' })).toBeVisible();
  const card = page.locator('[data-testid^="entry-snapshot-"]');
  await expect(card).toContainText('Merkmale bei Eintritt: Arbeitsmarktmentoren Dresden · Stand 01.02.2026');
  await expect(card).toContainText('1992');
  await expect(card).toContainText('A2');

  await card.getByRole('button', { name: 'Korrigieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merkmale bei Eintritt korrigieren: Arbeitsmarktmentoren Dresden' });
  await dialog.getByLabel('Deutschniveau').selectOption('B1');
  await dialog.getByRole('button', { name: 'Korrektur speichern' }).click();
  await expect(dialog.getByText('Bitte eine Begründung angeben (mindestens 3 Zeichen).')).toBeVisible();
  await dialog.getByLabel(/^Begründung der Korrektur/).fill('Einstufungstest vom Januar nachgereicht');
  await dialog.getByRole('button', { name: 'Korrektur speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('B1');
  await expect(card).toContainText('Korrigiert: Einstufungstest vom Januar nachgereicht');

  // the Verlauf keeps the before and after values
  await people.openTab('Verlauf');
  const entry = page.getByTestId('history-entry').filter({ hasText: 'Merkmale bei Eintritt korrigiert' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Deutschniveau: A2 → B1');

  // the person's own data did not change: the correction belongs to the enrollment
  await people.openTab('Stammdaten');
  await expect(page.getByLabel('Deutschniveau')).toHaveValue('A2');
});

test('Nachbefragung: a due follow-up gets its result and leaves the open list', async ({ page, demo }) => {
  await page.goto(`${demo.openUrl}#/berichte?tab=followups`);
  await expect(page.getByRole('heading', { name: 'Nachbefragung (Verbleib nach Austritt)' })).toBeVisible();
  const rows = page.getByTestId('followup-row');
  await expect(rows.first()).toBeVisible();
  const open = await rows.count();
  const name = (await rows.first().getByRole('cell').first().innerText()).trim();

  await rows.first().getByRole('button', { name: `Nachbefragung erfassen: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Nachbefragung: ${name}` });
  await dialog.getByLabel('Verbleib jetzt').selectOption({ label: 'Berufsausbildung' });
  await dialog.getByRole('checkbox', { name: 'Ergebnis beim Austritt hat gehalten' }).check();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'Nachbefragung gespeichert' })).toBeVisible();
  await expect(rows).toHaveCount(open - 1);

  await page.getByRole('checkbox', { name: 'auch erledigte zeigen' }).check();
  await expect(rows.filter({ hasText: name }).filter({ hasText: 'Berufsausbildung · gehalten' })).toHaveCount(1);
});
