// Layout that holds at 1366×768 and uses 1920×1080 (issue 14): a panel never hides a board column
// (the board scrolls within its area), the dossier table keeps number, title, phase and priority in
// view beside a panel, the chair's controls are at the top of the dossier panel, and the Jaarplan
// view uses the width it has. Screenshots of each in test-results/.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './shell';

const box = async (l: Locator) => (await l.boundingBox())!;

async function openDossierPanel(page: Page, number: number) {
  await page.getByTestId('dossier-table').locator(`tr[data-number="${number}"] th button`).click();
  await expect(page.getByTestId('dossier-panel')).toBeVisible();
}

test('at 1366×768 a panel hides no board column and no key table column, and the chair\'s controls are at its top', async ({ page, shell }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(shell.url);
  await openDossierPanel(page, 4);
  const panel = await box(page.getByTestId('dossier-panel'));
  for (const header of ['Nr.', 'Dossier', 'Voortgangsfase nu', 'Prioriteit']) {
    const cell = await box(page.getByTestId('dossier-table').getByRole('columnheader', { name: header, exact: true }));
    expect(cell.x + cell.width, header).toBeLessThanOrEqual(panel.x);
  }
  // Priority and phase first in the panel, within the first screen.
  const priority = await box(page.getByTestId('dossier-panel').locator('fieldset.subform').first());
  expect(priority.y + priority.height).toBeLessThanOrEqual(768);
  await expect(page.getByTestId('dossier-panel').locator('fieldset.subform').first()).toContainText('Prioriteit');
  await page.screenshot({ path: testInfo.outputPath('nl-dossiers-panel-1366.png') });

  await page.getByRole('navigation').getByRole('button', { name: 'Fasebord' }).click();
  const board = page.locator('.board');
  const area = await box(board);
  expect(area.x + area.width).toBeLessThanOrEqual(panel.x + 1);
  // Every column can be reached: the board scrolls within its area to Geparkeerd.
  await board.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const parked = await box(page.getByTestId('column-geparkeerd'));
  expect(parked.x + parked.width).toBeLessThanOrEqual(panel.x + 1);
  expect(parked.x).toBeGreaterThanOrEqual(area.x - 1);
  await page.screenshot({ path: testInfo.outputPath('nl-board-panel-1366.png') });
});

test('at 1366×768 the dossier table fits the window: one scrollbar, the table\'s, and the footer in view', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(shell.url);
  await expect(page.getByTestId('dossier-table')).toBeVisible();
  const heights = () => page.evaluate(() => ({ page: document.documentElement.scrollHeight, window: window.innerHeight }));
  // The page was 815 px high in a 768 px window: a page scrollbar beside the table's (review).
  const alone = await heights();
  expect(alone.page, 'without a panel').toBeLessThanOrEqual(alone.window);
  await expect(page.locator('footer')).toBeInViewport();
  await openDossierPanel(page, 4);
  const beside = await heights();
  expect(beside.page, 'beside a panel').toBeLessThanOrEqual(beside.window);
});

test('at 1920×1080 the Jaarplan view uses the width, and ambition descriptions show whole', async ({ page, shell }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Jaarplan' }).click();
  const view = await box(page.locator('section.view').first());
  expect(view.width).toBeGreaterThan(1500);
  const descriptions = page.locator('section.view table textarea');
  expect(await descriptions.count()).toBeGreaterThan(0);
  for (const overflow of await descriptions.evaluateAll((all) => all.map((el) => el.scrollHeight - el.clientHeight))) {
    expect(overflow).toBeLessThanOrEqual(2);
  }
  await page.screenshot({ path: testInfo.outputPath('nl-jaarplan-1920.png'), fullPage: true });
});
