import { expect, test } from './fixtures.js';
import { fieldLabel, ParticipantsPage } from './pages/participants.page.js';

test('create Müller, find her by typing "mueller", enrol her where she is not eligible, see why, override', async ({ page, demo }) => {
  const people = new ParticipantsPage(page);
  await people.open(demo.openUrl);
  await expect(people.count()).toHaveText(/^\d+ Teilnehmende$/);

  await people.startNew();
  await people.fill({
    Nachname: 'Müller',
    Vorname: 'Aisha',
    Geburtsdatum: '1990-03-04',
    'Wohnort (Kommune)': 'Dresden',
    'In Sachsen seit': '2019-03-01',
    Fallnummer: 'E2E 4711',
  });
  // the residence title is a row of the person's title history (issue 14)
  await page.getByRole('button', { name: 'Titel hinzufügen' }).click();
  await people.fill({ Aufenthaltstitel: 'Niederlassungserlaubnis' });
  await people.save();
  await expect(page.getByRole('heading', { name: 'Müller, Aisha' })).toBeVisible();

  // the same person again (other spelling) is recognised as a duplicate
  await people.open(demo.openUrl);
  await people.startNew();
  await people.fill({ Nachname: 'MUELLER', Vorname: 'aisha', Geburtsdatum: '1990-03-04' });
  await people.save();
  const warning = page.getByTestId('duplicate-warning');
  await expect(warning).toContainText('Müller, Aisha, geb. 04.03.1990');
  await warning.getByRole('button', { name: 'Öffnen' }).click();
  await expect(page.getByRole('heading', { name: 'Müller, Aisha' })).toBeVisible();

  await people.open(demo.openUrl);
  await people.search('mueller');
  // the demo data has another Müller; every hit is a Müller, ours among them
  await expect(people.rows().filter({ hasText: 'Müller, Aisha' })).toHaveCount(1);
  await expect(people.rows().filter({ hasNotText: 'Müller' })).toHaveCount(0);
  await expect(people.count()).toHaveText(/^\d+ Treffer$/);
  await people.search('mueller aisha');
  await expect(people.rows()).toHaveCount(1);
  await people.rows().first().click();

  await people.openTab('Programme');
  await page.getByRole('button', { name: 'In Programm anmelden' }).click();
  const dialog = page.getByRole('dialog', { name: 'In Programm anmelden' });
  await dialog.getByLabel(fieldLabel('Programm')).selectOption({ label: 'Arbeitsmarktmentoren Dresden' });
  await dialog.getByLabel('Beginn').fill('2026-11-24');
  const eligibility = dialog.getByTestId('eligibility');
  await expect(eligibility).toContainText('Nicht teilnahmeberechtigt');
  await expect(eligibility).toContainText('Wohnort Dresden ✓');
  await expect(eligibility).toContainText('seit 7 Jahren in Sachsen ✗ (höchstens 5)');
  await dialog.getByRole('button', { name: 'In Programm anmelden' }).click();
  await expect(dialog.getByText('Eine Anmeldung trotz fehlender Voraussetzungen ist nur mit Begründung möglich').first()).toBeVisible();
  await dialog.getByLabel('Begründung der Ausnahme').fill('Zuweisung durch das Jobcenter');
  await dialog.getByRole('button', { name: 'In Programm anmelden' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: 'Arbeitsmarktmentoren Dresden' });
  await expect(row).toContainText('Nicht teilnahmeberechtigt');
  await expect(row).toContainText('seit 7 Jahren in Sachsen ✗ (höchstens 5)');
  await expect(row).toContainText('Ausnahme: Zuweisung durch das Jobcenter');

  // interessiert → aktiv is stored and shows in the Verlauf
  await row.getByRole('button', { name: /Teilnahme bearbeiten/ }).click();
  const edit = page.getByRole('dialog', { name: 'Teilnahme bearbeiten' });
  await edit.getByLabel('Status').selectOption({ label: 'aktiv' });
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('aktiv');

  await people.openTab('Verlauf');
  const entries = page.getByTestId('history-entry');
  await expect(entries.first()).toContainText('Programmteilnahme geändert');
  await expect(entries.first()).toContainText('Status: interessiert → aktiv');
  await expect(entries.last()).toContainText('Person angelegt');
});

test('bad input: a birth date in the future and a used case number get field messages, nothing saved', async ({ page, demo }) => {
  const people = new ParticipantsPage(page);
  await people.open(demo.openUrl);
  await expect(people.count()).toHaveText(/^\d+ Teilnehmende$/);
  const before = await people.count().textContent();
  await people.startNew();
  await people.fill({ Nachname: 'Neu', Vorname: 'Nora', Geburtsdatum: '2030-01-01' });
  await people.save();
  await expect(page.getByText('Das Geburtsdatum liegt in der Zukunft')).toBeVisible();
  await people.fill({ Geburtsdatum: '1990-01-01', Fallnummer: 'tn-dd-1021' });
  await people.save();
  await expect(page.getByText('Fallnummer bereits vergeben')).toBeVisible();
  await people.open(demo.openUrl);
  await expect(people.count()).toHaveText(before!);
  await people.search('Nora');
  await expect(people.count()).toHaveText('0 Treffer');
});

test('an eligibility rule edited on the program page is stored as data', async ({ page, demo }) => {
  await page.goto(`${demo.openUrl}#/programme`);
  await expect(page.getByTestId('quota-1').or(page.getByTestId('quota-2')).first()).toBeVisible();
  const agh = page.getByRole('row').filter({ hasText: 'AGH Mittelsachsen' });
  await agh.getByRole('button', { name: /Bearbeiten/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Programm bearbeiten' });
  await expect(dialog.getByTestId('rule-summary')).toHaveText(
    'Wohnort Freiberg, Frankenberg/Sa., Döbeln, Mittweida oder Flöha und leistungsberechtigt nach AsylbLG und Erwerbsstatus arbeitslos, langzeitarbeitslos oder nicht erwerbstätig und mindestens 18 Jahre alt',
  );
  const age = dialog.getByTestId('rule-condition').nth(3);
  await age.getByLabel('ab Jahre').fill('21');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await page.getByRole('row').filter({ hasText: 'AGH Mittelsachsen' }).getByRole('button', { name: /Bearbeiten/ }).click();
  await expect(page.getByRole('dialog', { name: 'Programm bearbeiten' }).getByTestId('rule-summary')).toContainText('mindestens 21 Jahre alt');
});
