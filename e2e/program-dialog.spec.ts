import { expect, test } from './fixtures.js';
import { ProgramsPage } from './pages/programs.page.js';

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`Programm anlegen fits at ${size.width}×${size.height}: every control inside the dialog, Speichern in view`, async ({ page, lotse }) => {
    await page.setViewportSize(size);
    const programs = new ProgramsPage(page);
    await programs.open(lotse.openUrl);
    await programs.startNew();
    for (const name of ['Freiberg', 'Döbeln']) await programs.createCommune(name, 'Mittelsachsen');
    await programs.addCommuneRow();
    // the inline commune form open as well: the longest the dialog gets
    await programs.dialog().getByRole('button', { name: 'Neue Kommune' }).click();
    await expect(programs.communeRows()).toHaveCount(3);

    expect(await programs.controlsOutsideDialog()).toEqual([]);
    // the body scrolls; the dialog's own buttons stay on screen
    await expect(programs.dialog().getByRole('button', { name: 'Speichern' })).toBeInViewport();
    await expect(programs.dialog().getByRole('button', { name: 'Abbrechen', exact: true }).last()).toBeInViewport();
    // the dialog's body scrolls (the buttons stay): each row's Plätze field can be scrolled fully into view
    for (let i = 0; i < 3; i++) {
      const slots = programs.communeRows().nth(i).getByLabel('Plätze');
      await slots.scrollIntoViewIfNeeded();
      await expect(slots).toBeInViewport({ ratio: 1 });
    }

    // Entfernen is clickable with the mouse (nothing lies over it) and removes its own row
    await programs.communeRows().nth(1).getByRole('button', { name: 'Entfernen' }).click();
    await expect(programs.communeRows()).toHaveCount(2);
  });
}

test('an empty commune row is refused with a German message on that row, also after another row is removed', async ({ page, lotse }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const programs = new ProgramsPage(page);
  await programs.open(lotse.openUrl);
  await programs.startNew();
  const dialog = programs.dialog();
  await dialog.getByLabel('Name').fill('AGH Test');
  await dialog.getByLabel('Beginn').fill('01.01.2026');
  await programs.createCommune('Freiberg', 'Mittelsachsen');
  await programs.addCommuneRow();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const rows = programs.communeRows();
  await expect(rows.nth(1)).toContainText('Bitte eine Kommune wählen');
  await expect(rows.nth(0)).not.toContainText('Bitte eine Kommune wählen');
  await expect(dialog).not.toContainText(/Too small|expected/);

  // removing the filled row above: the message moves with its row, it does not stay on the first place
  await rows.nth(0).getByRole('button', { name: 'Entfernen' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Bitte eine Kommune wählen');
  await rows.nth(0).getByRole('button', { name: 'Entfernen' }).click();
  await expect(dialog.getByText('Bitte eine Kommune wählen')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
});
