import { api } from './api.js';
import { expect, test } from './fixtures.js';
import { ProgramsPage } from './pages/programs.page.js';

interface Program {
  id: number;
  name: string;
  esfPlus: boolean;
}

test('a program is marked as funded by ESF Plus in its dialog, and the mark stays', async ({ page, lotse }) => {
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = programs.dialog();
  await dialog.getByLabel('Name').fill('ESF Mentoring');
  await dialog.getByLabel('Beginn').fill('2026-01-01');
  const esf = dialog.getByRole('checkbox', { name: 'Gefördert aus dem ESF Plus' });
  await expect(esf).not.toBeChecked();
  await esf.check();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  const saved = (await api<Program[]>(lotse, 'programs.list', { includeArchived: true })).find((p) => p.name === 'ESF Mentoring');
  expect(saved?.esfPlus).toBe(true);
});
