import path from 'node:path';
import ExcelJS from 'exceljs';
import { api, idByName } from './api.js';
import { expect, test } from './fixtures.js';
import { DashboardPage } from './pages/dashboard.page.js';
import { FundingReportPage } from './pages/funding-report.page.js';
import { ProgramsPage } from './pages/programs.page.js';

// each test seeds the demo and starts its own server; on a busy machine that alone takes a while
test.describe.configure({ timeout: 180_000 });

const mentoring = 'Arbeitsmarktmentoren Dresden';

test('Prüfung: an attendance outside the enrollment leads to the person; setting the start there makes the finding disappear', async ({ page, demo }) => {
  // setup through the API: enrolled from February, present at a seminar in March, then the start moved to April
  const programId = await idByName(demo, 'programs.list', mentoring);
  const dresden = await idByName(demo, 'communes.list', 'Dresden');
  const person = await api(demo, 'participants.create', {
    data: { lastName: 'Prüffall', firstName: 'Amal', birthDate: '1995-04-02', communeId: dresden, residenceStatus: 'Aufenthaltsgestattung', consentDate: '2026-01-15' },
  });
  const enrollment = await api(demo, 'enrollments.create', { participantId: person.id, programId, status: 'aktiv', startDate: '2026-02-01' });
  const seminar = await api(demo, 'activities.create', { programId, kind: 'seminar', title: 'Prüfseminar', date: '2026-03-10', durationMinutes: 90 });
  await api(demo, 'activities.saveAttendance', { activityId: seminar.id, entries: [{ participantId: person.id, status: 'anwesend' }] });
  await api(demo, 'enrollments.update', { id: enrollment.id, status: 'aktiv', startDate: '2026-04-01' });

  const reports = new FundingReportPage(page);
  await reports.open(demo.openUrl, { programId, kind: 'interim', from: '2026-01-01', to: '2026-12-31' });
  const code = 'attendance_outside_enrollment';
  await expect(reports.finding(code)).toBeVisible();
  const before = Number(await reports.finding(code).locator('.fui-Badge').innerText());
  expect(before).toBeGreaterThanOrEqual(1);
  // the export stays possible while findings exist
  await expect(page.getByRole('button', { name: 'Als Excel exportieren' })).toBeEnabled();

  const records = await reports.showRecords(code);
  const ours = records.filter({ hasText: `Nr. ${person.id}` });
  await expect(ours).toHaveCount(1);
  await expect(ours).toContainText('10.03.2026');
  await ours.getByRole('link').click();

  // the person opens on her enrollments, where the start date is fixed
  await expect(page.getByRole('heading', { name: 'Prüffall, Amal' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: mentoring });
  await row.getByRole('button', { name: /Teilnahme bearbeiten/ }).click();
  const edit = page.getByRole('dialog', { name: 'Teilnahme bearbeiten' });
  await edit.getByLabel('Beginn').fill('2026-03-01');
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('01.03.2026');

  // back to the Prüfung of the same report: the finding is gone (or one fewer)
  await page.goBack();
  await expect(reports.checks()).toBeVisible();
  await expect(page.getByText('Prüfe die Daten …')).toHaveCount(0);
  if (before === 1) await expect(reports.finding(code)).toHaveCount(0);
  else await expect(reports.finding(code).locator('.fui-Badge')).toHaveText(String(before - 1));
});

test('a Verwendungsnachweis of a running program needs an explicit yes; the workbook is titled so', async ({ page, demo }) => {
  const programId = await idByName(demo, 'programs.list', mentoring);
  const reports = new FundingReportPage(page);
  await reports.open(demo.openUrl, { programId });
  // a running program starts with the Zwischennachweis of its current year
  await expect(reports.kind('Zwischennachweis (Haushaltsjahr)')).toBeChecked();

  await reports.kind('Verwendungsnachweis (Programmende)').click();
  await expect(reports.confirmDialog()).toContainText('hat kein Enddatum und läuft noch');
  await reports.confirmDialog().getByRole('button', { name: 'Abbrechen' }).click();
  await expect(reports.confirmDialog()).toBeHidden();
  await expect(reports.kind('Zwischennachweis (Haushaltsjahr)')).toBeChecked();

  await reports.kind('Verwendungsnachweis (Programmende)').click();
  await reports.confirmDialog().getByRole('button', { name: 'Ja, Verwendungsnachweis erstellen' }).click();
  await expect(reports.kind('Verwendungsnachweis (Programmende)')).toBeChecked();
  await expect(page.getByTestId('running-notice')).toBeVisible();
  await expect(page.getByLabel('Zeitraum von')).toHaveValue('01.01.2020');

  const download = await reports.export();
  expect(download.suggestedFilename()).toMatch(/^Verwendungsnachweis_Arbeitsmarktmentoren-Dresden_.*\.xlsx$/);
  const file = path.join(demo.dataDir, 'final.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const text = wb.worksheets[0]!.getSheetValues().flat().map(String).join(' ');
  expect(text).toContain('Verwendungsnachweis');
});

test('targets set on the program page show on the dashboard: planned, reached and the share', async ({ page, demo }) => {
  const programs = new ProgramsPage(page);
  await programs.open(demo.openUrl);
  await programs.row(mentoring).getByRole('button', { name: /Bearbeiten/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Programm bearbeiten' });
  const figures = dialog.getByTestId('program-figures');
  await figures.getByLabel('Teilnehmende', { exact: true }).fill('250');
  await figures.getByLabel('Nachbefragung nach (Monaten)').fill('9');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  const programId = await idByName(demo, 'programs.list', mentoring);
  await page.goto(`${demo.openUrl}#/uebersicht?programId=${programId}`);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.card('enrolled')).toBeVisible();
  const reached = Number((await dashboard.card('enrolled').locator('span').last().innerText()).replace(/\./g, ''));
  const target = dashboard.target('participants');
  await expect(target.getByRole('cell')).toHaveText([
    'Teilnehmende',
    '250',
    reached.toLocaleString('de-DE'),
    `${(Math.round((reached / 250) * 1000) / 10).toLocaleString('de-DE')} %`,
    '',
  ]);
  await expect(page.getByTestId('success-definition')).toContainText('Erfolg');
  // the mentoring program has no AGH work: no AGH cards
  await expect(dashboard.card('filled')).toHaveCount(0);

  // the settings were stored: the dialog shows them again
  await programs.open(demo.openUrl);
  await programs.row(mentoring).getByRole('button', { name: /Bearbeiten/ }).click();
  await expect(dialog.getByTestId('program-figures').getByLabel('Nachbefragung nach (Monaten)')).toHaveValue('9');
  await expect(dialog.getByTestId('program-figures').getByLabel('Teilnehmende', { exact: true })).toHaveValue('250');
});
