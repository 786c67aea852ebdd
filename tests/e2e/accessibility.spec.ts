// Every view, panel and dialog passes axe's WCAG 2.1 A/AA rules, in Dutch and in English; the
// screenshots taken on the way are the ones the closing notes describe.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './shell';

async function expectNoViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary, what).toEqual([]);
}

const VIEWS = {
  nl: { overview: 'Overzicht', dossiers: 'Dossiers', board: 'Fasebord', actiepunten: 'Actiepunten', jaarplan: 'Jaarplan', beheer: 'Beheer' },
  en: { overview: 'Overview', dossiers: 'Dossiers', board: 'Phase board', actiepunten: 'Action points', jaarplan: 'Annual plan', beheer: 'Administration' },
} as const;

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

for (const lang of ['nl', 'en'] as const) {
  test(`every view, panel and dialog has no WCAG 2.1 AA violations (${lang})`, async ({ page, shell }, testInfo) => {
    await page.goto(shell.url);
    await expect(page.getByTestId('dossier-table')).toBeVisible();
    if (lang === 'en') await page.getByLabel('Taal').selectOption('en');
    const nav = page.getByRole('navigation');
    for (const [view, name] of Object.entries(VIEWS[lang])) {
      await nav.getByRole('button', { name, exact: true }).click();
      await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
      await page.waitForTimeout(150);
      await expectNoViolations(page, `${view} (${lang})`);
      await shot(page, testInfo, `${lang}-${view}`);
    }

    // The dossier panel, opened from the table by keyboard.
    await nav.getByRole('button', { name: VIEWS[lang].dossiers, exact: true }).click();
    await page.getByRole('button', { name: 'Change & Release proces vernieuwen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dossier-panel')).toBeVisible();
    await expect(page.getByTestId('dossier-panel').getByRole('heading', { level: 2 })).toBeFocused();
    await expectNoViolations(page, `dossier panel (${lang})`);
    await shot(page, testInfo, `${lang}-dossier-panel`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dossier-panel')).toBeHidden();
    // The keyboard is back where it was when the panel opened (issue 12), not on the page body.
    await expect(page.getByRole('button', { name: 'Change & Release proces vernieuwen' })).toBeFocused();

    // The move dialog on the board.
    await nav.getByRole('button', { name: VIEWS[lang].board, exact: true }).click();
    await page.getByRole('button', { name: lang === 'nl' ? 'Verplaatsen 15' : 'Move 15' }).click();
    await expect(page.getByTestId('move-dialog')).toBeVisible();
    await expectNoViolations(page, `move dialog (${lang})`);
    await shot(page, testInfo, `${lang}-move-dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: lang === 'nl' ? 'Verplaatsen 15' : 'Move 15' })).toBeFocused();

    // The actiepunt panel.
    await nav.getByRole('button', { name: VIEWS[lang].actiepunten, exact: true }).click();
    await page.getByRole('button', { name: /^Change & Release Proces/ }).click();
    await expect(page.getByTestId('actiepunt-panel')).toBeVisible();
    await expectNoViolations(page, `actiepunt panel (${lang})`);
    await shot(page, testInfo, `${lang}-actiepunt-panel`);

    // The export dialog, before and after an export.
    await page.getByRole('button', { name: lang === 'nl' ? 'Exporteren…' : 'Export…' }).click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await expectNoViolations(page, `export dialog (${lang})`);
    await dialog.getByRole('button', { name: lang === 'nl' ? 'Exporteren' : 'Export', exact: true }).click();
    await expect(dialog.getByTestId('export-files').locator('li')).toHaveCount(6, { timeout: 30_000 });
    await expectNoViolations(page, `export dialog, done (${lang})`);
    await shot(page, testInfo, `${lang}-export-dialog`);
  });
}

test('the views are reached with Tab and Enter, and keyboard focus is always visible', async ({ page, shell }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('dossier-table')).toBeVisible();
  // Tab from the top reaches the view buttons in order.
  await page.keyboard.press('Tab');
  const focused = async () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  const seen: string[] = [];
  for (let i = 0; i < 12; i++) {
    seen.push(await focused());
    await page.keyboard.press('Tab');
  }
  expect(seen).toEqual(expect.arrayContaining(['Overzicht', 'Dossiers', 'Fasebord', 'Actiepunten', 'Jaarplan']));
  await page.getByRole('button', { name: 'Fasebord' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Fasebord' })).toBeVisible();
  // Focus is always visible: the outline style applies to :focus-visible.
  await page.getByRole('button', { name: 'Verplaatsen 4' }).focus();
  const outline = await page.getByRole('button', { name: 'Verplaatsen 4' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
