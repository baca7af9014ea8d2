import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { PlacementsPage } from './pages/placements.page.js';

// seeding the demo takes a while on a busy machine; the fixture's setup counts toward the test's time
test.describe.configure({ timeout: 180_000 });

// the demo's placements run from September 2026; the current week lies in November
const today = new Date('2026-11-24T10:00:00+01:00');

/**
 * In every row no cell's content (overflow included: a Range covers text that runs out of its cell) overlaps a
 * button, no two buttons overlap, and every button lies inside the 1366 px window.
 */
async function expectNoOverlap(rows: Locator, atLeast: number) {
  const count = await rows.count();
  expect(count).toBeGreaterThan(atLeast);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    await row.scrollIntoViewIfNeeded();
    const buttons = await Promise.all((await row.getByRole('button').all()).map((b) => b.boundingBox()));
    const contents = await row.evaluate((tr) =>
      [...tr.querySelectorAll('td')]
        .filter((td) => td.querySelector('button') === null)
        .map((td) => {
          const range = tr.ownerDocument.createRange();
          range.selectNodeContents(td);
          const r = range.getBoundingClientRect();
          return { text: td.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        })
        .filter((r) => r.width > 0),
    );
    const boxes = buttons.filter((b): b is NonNullable<typeof b> => b !== null);
    expect(boxes.length, `row ${i}`).toBeGreaterThan(0);
    for (const c of contents) for (const b of boxes) expect(overlaps(c, b), `row ${i}: "${c.text}" overlaps a button`).toBe(false);
    for (let m = 0; m < boxes.length; m++) for (let n = m + 1; n < boxes.length; n++) expect(overlaps(boxes[m]!, boxes[n]!), `row ${i}: buttons overlap`).toBe(false);
    for (const b of boxes) expect(b.x + b.width, `row ${i}: button beyond the window`).toBeLessThanOrEqual(1366);
  }
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function statementStatus(page: Page): Promise<string | null> {
  return page.getByTestId('statement-state').locator('[data-status]').getAttribute('data-status');
}

test('extra costs on the statement; a festgestellt month locks its hours with a clear message until it is reopened with a reason', async ({ page, demo }) => {
  await page.clock.setFixedTime(today);
  const agh = new PlacementsPage(page);
  await agh.open(demo.openUrl);
  await agh.tab('Abrechnung');
  await agh.chooseCommune('Döbeln');
  await page.getByLabel('Monat').fill('2026-11');
  await expect(page.getByTestId('statement-sum')).toBeVisible();
  await expect.poll(() => statementStatus(page)).toBe('entwurf');

  // a bus ticket paid with the compensation: on the statement's sum row
  await page.getByRole('button', { name: 'Mehraufwand erfassen' }).click();
  const costs = page.getByRole('dialog', { name: 'Mehraufwand erfassen' });
  await costs.getByLabel('Betrag (€)').fill('49,00');
  await costs.getByLabel('Beleg').fill('Monatskarte VMS');
  await costs.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(costs.getByTestId('extra-costs')).toContainText(/Fahrtkosten: 49,00\s€ – Monatskarte VMS/);
  await costs.getByRole('button', { name: 'Schließen' }).click();
  await expect(page.getByTestId('statement-sum').getByRole('cell').nth(6)).toHaveText(/^49,00\s€$/);

  await page.getByRole('button', { name: 'Feststellen' }).click();
  const establish = page.getByRole('dialog', { name: 'Abrechnung feststellen' });
  await establish.getByLabel('Sachlich und rechnerisch richtig – Name').fill('Petra Schulz');
  await establish.getByRole('button', { name: 'Feststellen' }).click();
  await expect(establish).toBeHidden();
  await expect.poll(() => statementStatus(page)).toBe('festgestellt');
  await expect(page.getByTestId('statement-state')).toContainText('Petra Schulz');
  await expect(page.getByRole('button', { name: 'Mehraufwand erfassen' })).toBeDisabled();

  // the month's hours are locked: the grid says so and takes no entry (the server refuses one too, see the
  // service tests)
  await agh.tab('Stunden');
  await agh.chooseCommune('Döbeln');
  await expect(page.getByTestId('hours-locked')).toContainText('Die Abrechnung November 2026 ist festgestellt');
  await expect(agh.hoursRows().first().locator('input').first()).toBeDisabled();
  await expect(agh.hoursRows().locator('input:not([disabled])')).toHaveCount(0);

  // reopened with a reason, the same entry is saved
  await agh.tab('Abrechnung');
  await page.getByRole('button', { name: 'Wiedereröffnen' }).click();
  const reopen = page.getByRole('dialog', { name: 'Abrechnung wiedereröffnen' });
  await reopen.getByRole('button', { name: 'Wiedereröffnen' }).click();
  // no reason: refused at the field, still locked
  await expect(reopen).toBeVisible();
  await reopen.getByLabel('Begründung').fill('Stunden vom 23.11. nachgereicht');
  await reopen.getByRole('button', { name: 'Wiedereröffnen' }).click();
  await expect(reopen).toBeHidden();
  await expect.poll(() => statementStatus(page)).toBe('entwurf');

  await agh.tab('Stunden');
  await agh.chooseCommune('Döbeln');
  await expect(page.getByTestId('hours-locked')).toBeHidden();
  await agh.hoursRows().locator('input:not([disabled])').first().fill('1,25');
  await agh.saveHours();
  await expect(page.locator('.fui-ToastTitle').filter({ hasText: 'gespeichert' })).toBeVisible();
  await expect(page.getByTestId('hours-error')).toBeHidden();
});

test("a program's weekly maximum set as a hard limit refuses a placement above it, and saves one at it", async ({ page, demo }) => {
  await page.clock.setFixedTime(today);
  await page.goto(`${demo.openUrl}#/programme`);
  await page.getByRole('button', { name: 'AGH-Regeln: AGH Mittelsachsen' }).click();
  const rules = page.getByRole('dialog', { name: 'AGH-Regeln: AGH Mittelsachsen' });
  const weekMax = rules.getByLabel('Höchststunden je Woche', { exact: true });
  await expect(weekMax).toHaveValue('25');
  await weekMax.fill('20');
  await rules.getByLabel('Höchststunden je Woche: Art', { exact: true }).selectOption('grenze');
  await rules.getByRole('button', { name: 'Speichern' }).click();
  await expect(rules).toBeHidden();

  const agh = new PlacementsPage(page);
  await agh.open(demo.openUrl);
  const doebeln = agh.board('Döbeln');
  const row = doebeln.getByRole('row').filter({ hasText: 'aktiv' }).first();
  const name = (await row.getByRole('cell').first().textContent())!;
  await row.getByRole('button', { name: `Bearbeiten: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `AGH-Einsatz bearbeiten: ${name}` });
  await dialog.getByLabel('Stunden je Woche').fill('22');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText('Mehr als 20 Stunden je Woche geplant (22).').first()).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Stunden je Woche').fill('20');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const warnings = dialog.getByTestId('placement-warnings');
  await expect.poll(async () => (await warnings.isVisible()) || !(await dialog.isVisible())).toBe(true);
  if (await warnings.isVisible()) await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(dialog).toBeHidden();
  await expect(doebeln.getByRole('row').filter({ hasText: name }).getByTestId('hours-per-week')).toHaveText('20');
});

test('the AGH board at 1366×768: no column text or warning overlaps a button', async ({ page, demo }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(today);
  const agh = new PlacementsPage(page);
  await agh.open(demo.openUrl);
  // closed placements too: their rows are the fullest (warnings, long periods)
  await page.getByLabel('Beendete Einsätze zeigen').check();
  const doebeln = agh.board('Döbeln');
  await expect(doebeln.getByRole('button', { name: /^Bearbeiten: / }).first()).toBeVisible();

  await expectNoOverlap(page.locator('[data-testid^="placement-"]'), 5);
  // kept with the report, so a reviewer sees the layout the boxes were measured on
  await doebeln.scrollIntoViewIfNeeded();
  await testInfo.attach('board-1366x768', { body: await page.screenshot(), contentType: 'image/png' });

  // the statement view at the same size: its rows and its toolbar
  await agh.tab('Abrechnung');
  await agh.chooseCommune('Döbeln');
  await page.getByLabel('Monat').fill('2026-11');
  await expect(page.getByTestId('statement-sum')).toBeVisible();
  await expectNoOverlap(page.getByRole('table', { name: 'Abrechnung' }).locator('tbody tr').filter({ has: page.getByRole('button') }), 1);
  const toolbar = await Promise.all(
    ['Als Excel exportieren', 'Als PDF', 'Auszahlungsquittung (PDF)', 'Mehraufwand erfassen', 'Feststellen'].map((name) => page.getByRole('button', { name, exact: true }).boundingBox()),
  );
  const shown = toolbar.filter((b): b is Box => b !== null);
  expect(shown).toHaveLength(5);
  for (let m = 0; m < shown.length; m++) for (let n = m + 1; n < shown.length; n++) expect(overlaps(shown[m]!, shown[n]!)).toBe(false);
  for (const b of shown) expect(b.x + b.width).toBeLessThanOrEqual(1366);
  await testInfo.attach('statement-1366x768', { body: await page.screenshot(), contentType: 'image/png' });
});
