// A register of 10,015 dossiers (generated for the test): the table keeps only the rows in view in
// the page while scrolling and filtering. Speed itself is measured by the benchmarks, not here.
import { test, expect } from './shell';

test.use({ registerSize: 10_000 });

test('scrolls and filters 10,000 dossiers with the number of DOM rows bounded', async ({ page, shell }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(shell.url);
  const table = page.getByTestId('dossier-table');
  const rows = table.locator('tbody tr[data-number]');
  await expect(page.getByTestId('dossier-count')).toHaveText('10015 van 10015 dossiers', { timeout: 30_000 });
  const bound = 60; // a 900-pixel window shows about 20 rows; the rest is overscan
  expect(await rows.count()).toBeLessThanOrEqual(bound);
  expect(await rows.count()).toBeGreaterThan(5);
  await expect(table).toHaveAttribute('aria-rowcount', '10017'); // header + group row + 10,015 dossiers

  // Scroll to the very end: the last dossier is there, and still only a window of rows.
  const scroller = page.getByTestId('dossier-scroller');
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(table.locator('tr[data-number="10015"]')).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(bound);
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(bound);
  await page.screenshot({ path: testInfo.outputPath('large-register-scrolled.png') });

  // Filter by typing, keystroke by keystroke: the matches are right and the DOM stays small.
  const search = page.getByRole('searchbox', { name: 'Zoeken' });
  await search.pressSequentially('wallet');
  await expect(page.getByTestId('dossier-count')).toHaveText('2500 van 10015 dossiers');
  expect(await rows.count()).toBeLessThanOrEqual(bound);
  await search.pressSequentially(' 80');
  await expect(page.getByTestId('dossier-count')).toHaveText(/^\d+ van 10015 dossiers$/);
  const shown = await table.locator('tbody th.title').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  for (const title of shown) expect(title.toLowerCase()).toContain('wallet');
  await page.getByLabel('Voortgangsfase', { exact: true }).selectOption('afgerond');
  for (const phase of await table.locator('tbody tr[data-number] td:nth-child(3)').allTextContents()) expect(phase).toBe('Afgerond');
  await page.screenshot({ path: testInfo.outputPath('large-register-filtered.png') });
  void shell;
});
