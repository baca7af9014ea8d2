import { expect, test } from './fixtures.js';
import { DashboardPage } from './pages/dashboard.page.js';
import { FramePage } from './pages/frame.page.js';

// the demo server seeds and starts per test; on a busy machine that alone can take most of the default minute
test.describe.configure({ timeout: 120_000 });

test('the app opens on Heute; the Übersicht is one click away; the language switch turns words, numbers and dates to English and is remembered', async ({ page, demo }) => {
  const frame = new FramePage(page);
  const dashboard = new DashboardPage(page);
  await frame.start(demo.openUrl);
  await page.getByRole('heading', { name: 'Heute', exact: true }).waitFor();
  await frame.navigation().getByRole('tab', { name: 'Übersicht' }).click();
  await page.getByRole('heading', { name: 'Übersicht' }).waitFor();
  await page.getByTestId('communes-chart').waitFor();
  await expect(page.getByLabel('Zeitraum von')).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
  const summary = page.getByTestId('agh-summary');
  await expect(summary).toContainText(/\d,\d{2}\s€/);

  await frame.chooseLanguage('English');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(frame.navigation().getByRole('tab', { name: 'Participants' })).toBeVisible();
  await expect(page.getByLabel('Period from')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(summary).toContainText(/€\d[\d,]*\.\d{2}/);
  await expect(dashboard.card('enrolled')).toBeVisible();

  // remembered on this computer: a reload stays English
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(frame.languageSelect()).toHaveValue('en');

  await frame.chooseLanguage('Deutsch');
  await expect(page.getByRole('heading', { name: 'Übersicht' })).toBeVisible();
  await expect(page.getByLabel('Zeitraum von')).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
});
