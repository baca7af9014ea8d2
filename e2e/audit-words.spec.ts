import { callApi, expect, test } from './fixtures.js';
import { ParticipantsPage } from './pages/participants.page.js';
import { SettingsPage } from './pages/settings.page.js';

test('Verlauf and Protokoll say in words what happened at a fair, without codes', async ({ page, lotse }) => {
  const program = await callApi(lotse, 'programs.create', { name: 'Mentoring Test', startDate: '2026-01-01', hourlyRateCents: 0 });
  const company = await callApi(lotse, 'organisations.create', { kind: 'company', name: 'Elbtal Bau GmbH', city: 'Dresden' });
  const person = await callApi(lotse, 'participants.create', { data: { lastName: 'Haddad', firstName: 'Samir', birthDate: '1990-03-01' } });
  const fair = await callApi(lotse, 'fairs.create', { programId: program.id, title: 'Börse Test', date: '2026-11-25' });
  await callApi(lotse, 'fairs.setCompany', { fairId: fair.id, organisationId: company.id });
  await callApi(lotse, 'fairs.register', { fairId: fair.id, participantIds: [person.id] });
  const contact = await callApi(lotse, 'fairs.recordContact', { fairId: fair.id, participantId: person.id, organisationId: company.id, result: 'einladung' });
  await callApi(lotse, 'fairs.updateContact', { id: contact.id, result: 'ausbildungsvertrag' });
  await callApi(lotse, 'fairs.attendanceList', { id: fair.id, format: 'xlsx' });

  await page.goto(`${lotse.openUrl}#/teilnehmende/${person.id}`);
  await new ParticipantsPage(page).openTab('Verlauf');
  const changed = page.getByTestId('history-entry').filter({ hasText: 'Kontakt auf der Börse geändert' });
  await expect(changed).toContainText('Ergebnis: Einladung zum Vorstellungsgespräch → Ausbildungsvertrag');
  await expect(page.getByTestId('history-entry').filter({ hasText: 'Kontakt auf der Börse erfasst' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Verlauf' })).not.toContainText(/update_contact|einladung|\(fair\)/);

  const settings = new SettingsPage(page);
  await settings.open(lotse.openUrl, 'protokoll');
  await expect(settings.auditRows().filter({ hasText: 'Namensliste exportiert' })).toContainText(`Firmenkontaktbörse ${fair.id}`);
  await expect(settings.auditRows().filter({ hasText: 'Kontakt geändert' })).toHaveCount(1);
  for (const code of ['update_contact', 'export_named_list', 'set_company', 'register']) {
    await expect(settings.auditRows().filter({ hasText: new RegExp(`\\b${code}\\b`) })).toHaveCount(0);
  }
});
