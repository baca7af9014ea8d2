import { api, idByName } from './api.js';
import { expect, test } from './fixtures.js';
import { ParticipantsPage } from './pages/participants.page.js';

test.describe.configure({ timeout: 180_000 });

interface Enrollment {
  id: number;
  entry: { employmentStatus: string | null; iscedGroup: string | null; nationalityCode: string | null; childcareNeed: boolean | null } | null;
}

test('Merkmale bei Eintritt: the characteristics of issue 14 are corrected with a reason, the person stays as they are', async ({ page, demo }) => {
  const programId = await idByName(demo, 'programs.list', 'Arbeitsmarktmentoren Dresden');
  const dresden = await idByName(demo, 'communes.list', 'Dresden');
  const person = await api<{ id: number }>(demo, 'participants.create', {
    data: { lastName: 'Merkmal', firstName: 'Samira', birthDate: '1991-04-02', communeId: dresden, residenceStatus: 'Duldung', nationality: 'kurdisch', consentDate: '2026-01-10' },
  });
  await api(demo, 'enrollments.create', { participantId: person.id, programId, status: 'aktiv', startDate: '2026-02-01' });

  await page.goto(`${demo.openUrl}#/teilnehmende/${person.id}/programme`);
  await expect(page.getByRole('heading', { name: 'Merkmal, Samira' })).toBeVisible();
  const card = page.locator('[data-testid^="entry-snapshot-"]');
  await card.getByRole('button', { name: 'Korrigieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merkmale bei Eintritt korrigieren: Arbeitsmarktmentoren Dresden' });
  await dialog.getByLabel('Erwerbsstatus').selectOption({ label: 'langzeitarbeitslos' });
  await dialog.getByLabel('Bildungsniveau (ISCED)').selectOption({ label: 'ISCED 3–4 (Sekundarstufe II, postsekundar)' });
  await dialog.getByLabel('Staatsangehörigkeit').fill('syrisch');
  await dialog.getByLabel('Kinderbetreuungsbedarf').selectOption({ label: 'ja' });
  // the entitlement under the AsylbLG follows the title at entry: no field of its own here
  await expect(dialog.getByLabel('Leistungsberechtigt nach AsylbLG (abweichend vom Titel)')).toHaveCount(0);
  await dialog.getByLabel(/^Begründung der Korrektur/).fill('Erstgespräch nachgetragen');
  await dialog.getByRole('button', { name: 'Korrektur speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('langzeitarbeitslos');
  await expect(card).toContainText('ISCED 3–4');
  await expect(card).toContainText('Syrien');
  await expect(card).toContainText('Korrigiert: Erstgespräch nachgetragen');

  // the Verlauf names each corrected characteristic and its values in words, no codes
  await new ParticipantsPage(page).openTab('Verlauf');
  const logged = page.getByTestId('history-entry').filter({ hasText: 'Merkmale bei Eintritt korrigiert' });
  await expect(logged).toContainText('Erwerbsstatus: – → langzeitarbeitslos');
  await expect(logged).toContainText('Bildungsniveau (ISCED): – → ISCED 3–4 (Sekundarstufe II, postsekundar)');
  await expect(logged).not.toContainText(/isced_|employmentStatus|nationalityCode/);

  const [enrollment] = await api<Enrollment[]>(demo, 'enrollments.list', { participantId: person.id });
  expect(enrollment!.entry).toMatchObject({ employmentStatus: 'langzeitarbeitslos', iscedGroup: 'isced_3_4', nationalityCode: 'SY', childcareNeed: true });
  const stored = await api<{ employmentStatus: string | null; nationality: string | null }>(demo, 'participants.get', { id: person.id });
  expect(stored).toMatchObject({ employmentStatus: null, nationality: 'kurdisch' });
});
