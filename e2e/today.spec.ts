import { api } from './api.js';
import { expect, test } from './fixtures.js';
import { TodayPage } from './pages/today.page.js';
import { addDays, germanDate, todayIso } from '../shared/domain/dates.js';

test.describe.configure({ timeout: 120_000 });

/** A day relative to today as YYYY-MM-DD and as the form shows it (TT.MM.JJJJ). */
function day(offset: number): { iso: string; de: string } {
  const iso = addDays(todayIso(), offset);
  return { iso, de: germanDate(iso) };
}

test('a document expiring soon appears on Heute; snooze needs a reason, done and the settling action remove items', async ({ page, lotse }) => {
  const today = new TodayPage(page);
  const person = await api(lotse, 'participants.create', { data: { lastName: 'Haddad', firstName: 'Samir' } });
  await today.start(lotse.openUrl);
  await expect(page.getByText('Nichts fällig – alles erledigt.')).toBeVisible();

  // record a residence document with its file, valid for ten more days
  await page.goto(`${lotse.openUrl}#/teilnehmende/${person.id}/dokumente`);
  await page.getByRole('button', { name: 'Dokument erfassen' }).click();
  const form = page.getByRole('dialog', { name: 'Dokument erfassen' });
  await form.getByLabel('Art').selectOption({ label: 'Aufenthaltsdokument' });
  await form.getByLabel('Nummer').fill('D-4711');
  await form.getByLabel('Gültig bis').fill(day(10).de);
  await form.locator('input[type=file]').setInputFiles({ name: 'Duldung.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('table', { name: 'Dokumente' })).toContainText('Duldung.pdf');
  // a work permit that ends in three days, recorded through the API
  await api(lotse, 'personDocuments.create', {
    data: { participantId: person.id, kind: 'arbeitserlaubnis', validUntil: day(3).iso },
  });

  await today.openFromNavigation();
  await expect(today.badge()).toHaveText('2');
  const residence = today.item(`Aufenthaltsdokument gültig bis ${day(10).de}`);
  await expect(residence).toBeVisible();
  await expect(page.getByRole('region', { name: 'Haddad, Samir' })).toBeVisible();

  // snooze: refused without a reason, then gone until its day
  const snooze = await today.startSnooze(`Aufenthaltsdokument gültig bis ${day(10).de}`);
  await snooze.getByRole('button', { name: 'Zurückstellen' }).click();
  await expect(snooze.getByText('Pflichtfeld')).toBeVisible();
  await snooze.getByLabel('Grund').fill('Termin bei der Ausländerbehörde steht');
  await snooze.getByRole('button', { name: 'Zurückstellen' }).click();
  await expect(snooze).toBeHidden();
  await expect(residence).toHaveCount(0);
  await expect(today.badge()).toHaveText('1');

  await today.done(/^.*Arbeitserlaubnis.*gültig bis/);
  await expect(page.getByText('Nichts fällig – alles erledigt.')).toBeVisible();
  await expect(today.badge()).toBeHidden();

  // an expired document: its action opens the document form, and a new valid-until settles it
  await api(lotse, 'personDocuments.create', { data: { participantId: person.id, kind: 'einwilligung', validUntil: day(-2).iso } });
  await page.reload();
  await expect(today.list()).toHaveAttribute('aria-busy', 'false');
  const expired = today.item(/Einwilligung seit .* abgelaufen/);
  await expect(expired.getByText('überfällig')).toBeVisible();
  await expired.getByRole('button', { name: 'Dokument öffnen' }).click();
  const edit = page.getByRole('dialog', { name: 'Dokument bearbeiten' });
  await edit.getByLabel('Gültig bis').fill(day(400).de);
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toBeHidden();
  await today.openFromNavigation();
  await expect(page.getByText('Nichts fällig – alles erledigt.')).toBeVisible();
});

test('a contact note with a follow-up date becomes a reminder; grouped by kind it names the person and leads to the notes', async ({ page, lotse }) => {
  const today = new TodayPage(page);
  const person = await api(lotse, 'participants.create', { data: { lastName: 'Osman', firstName: 'Yonas' } });
  await page.goto(`${lotse.openUrl}#/teilnehmende/${person.id}/notizen`);
  const form = page.getByRole('form', { name: 'Kontaktnotizen' });
  await form.getByLabel('Art').selectOption({ label: 'Telefonat' });
  // due today, so it is on Heute whatever weekday the test runs
  await form.getByLabel('Wiedervorlage am').fill(day(0).de);
  await form.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(form.getByText('Pflichtfeld')).toBeVisible();
  await form.getByLabel(/^Notiz/).fill('Rückruf wegen Praktikumsplatz vereinbart');
  await form.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(page.getByTestId('note')).toContainText('Rückruf wegen Praktikumsplatz');
  await page.getByLabel('Notizen durchsuchen').fill('Bewerbung');
  await expect(page.getByTestId('note')).toHaveCount(0);
  await page.getByLabel('Notizen durchsuchen').fill('praktikum');
  await expect(page.getByTestId('note')).toHaveCount(1);

  await today.openFromNavigation();
  await page.getByRole('tab', { name: 'nach Art' }).click();
  const group = page.getByRole('region', { name: 'Wiedervorlage aus Kontaktnotiz' });
  await expect(group.getByRole('link', { name: 'Osman, Yonas' })).toBeVisible();
  await group.getByRole('button', { name: 'Notiz öffnen' }).click();
  await expect(page.getByTestId('note')).toContainText('Rückruf wegen Praktikumsplatz');
});

test('the demo opens on Heute with a badge; a due follow-up is recorded in its dialog right there and leaves the list', async ({ page, demo }) => {
  const today = new TodayPage(page);
  await today.start(demo.openUrl);
  await expect(today.badge()).toBeVisible();
  await page.getByRole('tab', { name: 'nach Art' }).click();
  const group = page.getByRole('region', { name: 'Nachbefragung fällig' });
  const before = await group.getByTestId('reminder').count();
  expect(before).toBeGreaterThan(0);
  await group.getByTestId('reminder').first().getByRole('button', { name: 'Nachbefragung erfassen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(group.getByTestId('reminder')).toHaveCount(before - 1);
});
