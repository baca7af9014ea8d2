import type { Route } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ParticipantsPage } from './pages/participants.page.js';

// the demo server seeds and starts per test; on a busy machine that alone can take most of the default minute
test.describe.configure({ timeout: 120_000 });

test('search while typing: the last result and count stay visible with a spinner, one request per pause, the newest answer wins', async ({ page, demo }) => {
  const people = new ParticipantsPage(page);
  // every list request passes here; while `holding`, answers wait until the test releases them
  let holding = false;
  const searches: string[] = [];
  const held: Array<{ search: string; release: () => void }> = [];
  await page.route('**/api/call/participants.list', async (route: Route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as { input?: { search?: string } };
    const search = body.input?.search ?? '';
    searches.push(search);
    if (holding) await new Promise<void>((release) => held.push({ search, release }));
    // an outdated request was cancelled by the page; nobody waits for its answer any more
    await route.continue().catch(() => undefined);
  });

  await people.open(demo.openUrl);
  await expect(people.count()).toHaveText(/^\d+ Teilnehmende$/);
  const before = await people.count().innerText();
  await expect(people.rows().first()).toBeVisible();
  const firstBefore = await people.rows().first().getByRole('cell').first().innerText();

  holding = true;
  await people.searchField().fill('ahm');
  await expect.poll(() => held.length).toBe(1);
  expect(held[0]!.search).toBe('ahm');
  // the answer is on its way: the old list and count stay, a spinner says the search runs
  await expect(people.loading()).toBeVisible();
  await expect(people.count()).toHaveText(before);
  await expect(people.rows().first().getByRole('cell').first()).toHaveText(firstBefore);

  // typing on: letters typed in a row make one request, not one per letter
  const sent = searches.length;
  await people.searchField().pressSequentially('adi');
  await expect.poll(() => held.length).toBe(2);
  expect(held[1]!.search).toBe('ahmadi');
  expect(searches.length - sent).toBeLessThan(3);
  await expect(people.count()).toHaveText(before);

  // the newer answer arrives first; the older one after it must not replace it
  holding = false;
  held[1]!.release();
  await expect(people.count()).toHaveText(/^\d+ Treffer$/);
  const found = await people.count().innerText();
  held[0]!.release();
  await expect(people.loading()).toBeHidden();
  await expect(people.count()).toHaveText(found);
  const names = await people.rows().allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n.toLowerCase()).toContain('ahmadi');
});
