import { api } from './api.js';
import { expect, test } from './fixtures.js';
import { fieldLabel, ParticipantsPage } from './pages/participants.page.js';

test.describe.configure({ timeout: 120_000 });

interface Person {
  id: number;
  phone: string | null;
  residenceStatus: string | null;
  residenceStatusOpen: boolean;
  residenceTitleCode: string | null;
  titles: Array<{ titleCode: string; validFrom: string | null }>;
}

test('an old status no title matches is listed to decide, never blocks saving, and a chosen title settles it', async ({ page, demo }) => {
  // a value as old lists hold it (issue 14): kept as it was, with no title of the catalogue
  const created = await api<Person>(demo, 'participants.create', {
    data: { lastName: 'Altwert', firstName: 'Samir', birthDate: '1990-01-01', residenceStatus: 'Visum zur Arbeitssuche', nationality: 'kurdisch' },
  });
  expect(created).toMatchObject({ residenceStatusOpen: true, residenceTitleCode: null });

  const people = new ParticipantsPage(page);
  await people.open(demo.openUrl);
  const bar = page.getByTestId('open-values');
  await expect(bar).toContainText('Aufenthaltsstatus: „Visum zur Arbeitssuche“ (1)');
  await expect(bar).toContainText('Staatsangehörigkeit: „kurdisch“ (1)');
  await bar.getByRole('button', { name: /Visum zur Arbeitssuche/ }).click();
  await expect(page.getByRole('heading', { name: 'Altwert, Samir' })).toBeVisible();
  await expect(page.getByTestId('residence-open')).toContainText('Alter Wert „Visum zur Arbeitssuche“');

  // another change saves although the old value is still undecided
  await people.fill({ Telefon: '0351 4711' });
  await people.save();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'Stammdaten gespeichert' })).toBeVisible();
  const saved = await api<Person>(demo, 'participants.get', { id: created.id });
  expect(saved).toMatchObject({ phone: '0351 4711', residenceStatus: 'Visum zur Arbeitssuche', residenceStatusOpen: true });

  // deciding: a title with its start
  await page.getByRole('button', { name: 'Titel hinzufügen' }).click();
  await page.getByLabel(fieldLabel('Aufenthaltstitel')).selectOption({ label: 'Aufenthaltserlaubnis zur Erwerbstätigkeit (§§ 18a–21 AufenthG)' });
  await page.getByLabel(fieldLabel('Gültig ab')).fill('2025-03-01');
  await people.save();
  await expect.poll(async () => (await api<Person>(demo, 'participants.get', { id: created.id })).residenceTitleCode).toBe('ae_erwerb');
  const decided = await api<Person>(demo, 'participants.get', { id: created.id });
  expect(decided.titles).toMatchObject([{ titleCode: 'ae_erwerb', validFrom: '2025-03-01' }]);
  expect(decided.residenceStatusOpen).toBe(false);

  await people.open(demo.openUrl);
  await expect(page.getByTestId('open-values')).not.toContainText('Visum zur Arbeitssuche');
  await expect(page.getByTestId('open-values')).toContainText('kurdisch');
});

test('a title period that ends before it starts is a field error and nothing is saved', async ({ page, demo }) => {
  const created = await api<Person>(demo, 'participants.create', { data: { lastName: 'Zeitraum', firstName: 'Lina', birthDate: '1992-05-05' } });
  await page.goto(`${demo.openUrl}#/teilnehmende/${created.id}`);
  await expect(page.getByRole('heading', { name: 'Zeitraum, Lina' })).toBeVisible();
  const people = new ParticipantsPage(page);
  await page.getByRole('button', { name: 'Titel hinzufügen' }).click();
  await page.getByLabel(fieldLabel('Aufenthaltstitel')).selectOption({ label: 'Duldung' });
  await page.getByLabel(fieldLabel('Gültig ab')).fill('2025-03-01');
  await page.getByLabel(fieldLabel('Gültig bis')).fill('2025-02-01');
  await people.save();
  await expect(page.getByText('„Gültig bis“ liegt vor „Gültig ab“')).toBeVisible();
  expect((await api<Person>(demo, 'participants.get', { id: created.id })).titles).toEqual([]);
});
