// Every view, panel and dialog at 1366×768 (a common laptop) and 1920×1080, in Dutch, on a register
// that has lived (a meeting held, one in session, an actiepunt given mid-year): a screenshot of each
// in test-results/, and on each screen a check that no text runs over the edge of its box and that
// the page itself never scrolls sideways (issue 14, with the NL Design System components).
import type { Page, TestInfo } from '@playwright/test';
import { callShell } from '../support/shell-call';
import { test, expect } from './shell';

/** What on the screen shows text cut off or spilling: leaf elements whose text is wider than their box. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'svg', 'path'].includes(el.tagName) || el.closest('svg')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'absolute' && el.clientWidth <= 1) continue;
      // Scrolling boxes (the table, the board, the panel) are meant to hold more than they show.
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!hasText || el.clientWidth === 0) continue;
      // Cut on purpose: an ellipsis shows it, and the whole text is the element's title.
      if (style.textOverflow === 'ellipsis' && el.title === el.textContent!.trim()) continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${el.textContent!.trim().slice(0, 40)}"`;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${name} (${el.scrollWidth} > ${el.clientWidth})`);
      // Or the element itself runs out of the box that holds it (a title button out of its card).
      const parent = el.parentElement;
      if (parent && style.position !== 'absolute' && style.position !== 'fixed') {
        const right = el.getBoundingClientRect().right;
        const room = parent.getBoundingClientRect().right - parseFloat(getComputedStyle(parent).borderRightWidth);
        if (right > room + 1) found.push(`${name} runs out of its ${parent.tagName.toLowerCase()} (${Math.round(right)} > ${Math.round(room)})`);
      }
    }
    return found;
  });
}

async function look(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForTimeout(100);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  expect.soft(await overflowing(page), name).toEqual([]);
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  test(`every screen at ${size.width}×${size.height} in Dutch: looked at, nothing over an edge`, async ({ page, shell }, testInfo) => {
    // A register that has lived: a held meeting with a besluit and an actiepunt, and the next in session.
    await callShell(shell.url, 'meeting.create', { date: '2026-10-14', kind: 'evaluatiemoment', location: 'Den Haag' });
    await callShell(shell.url, 'meeting.setState', { number: 'TB-2026-01', state: 'agenda_vastgesteld' });
    await callShell(shell.url, 'meeting.setState', { number: 'TB-2026-01', state: 'in_vergadering' });
    await callShell(shell.url, 'meeting.create', { date: '2026-12-09', kind: 'regulier', location: 'Utrecht' });
    await callShell(shell.url, 'actiepunt.create', { text: 'Voorstel uitwerken voor de communicatie rond de Wdo-overgang met alle dienstverleners', owners: ['Logius', 'Voorzitter/Secretaris'], deadline: { kind: 'date', date: '2026-11-15' } });
    await callShell(shell.url, 'dossier.setPhase', { number: 3, state: { phase: 'implementatie' }, date: '2026-06-01' });
    // A title of long words, as the TB writes them.
    await callShell(shell.url, 'dossier.create', {
      title: 'Aansluitvoorwaarden en certificeringsschema voor erkende dienstverleners in het kader van de Wet digitale overheid, inclusief overgangsregeling en ketenmachtigingsregister',
      phase: { phase: 'analyse' },
      phaseDate: '2026-03-01',
      priority: true,
    });

    await page.setViewportSize(size);
    const at = `${size.width}`;
    await page.goto(shell.url);
    await expect(page.getByTestId('dossier-table')).toBeVisible();
    const nav = page.getByRole('navigation');
    for (const [view, name] of [
      ['overview', 'Overzicht'],
      ['dossiers', 'Dossiers'],
      ['board', 'Fasebord'],
      ['actiepunten', 'Actiepunten'],
      ['vergaderingen', 'Vergaderingen'],
      ['besluiten', 'Besluitenlijst'],
      ['jaarplan', 'Jaarplan'],
      ['beheer', 'Beheer'],
    ] as const) {
      await nav.getByRole('button', { name, exact: true }).click();
      await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
      await look(page, testInfo, `nl-${view}-${at}`);
    }

    // The dossier panel beside the table and beside the board.
    await nav.getByRole('button', { name: 'Dossiers', exact: true }).click();
    await page.getByTestId('dossier-table').locator('tr[data-number="4"] th button').click();
    await expect(page.getByTestId('dossier-panel')).toBeVisible();
    await look(page, testInfo, `nl-dossier-panel-${at}`);
    await nav.getByRole('button', { name: 'Fasebord', exact: true }).click();
    await look(page, testInfo, `nl-board-panel-${at}`);
    await page.getByTestId('dossier-panel').getByRole('button', { name: 'Sluiten' }).click();

    // The new dossier form, refused once (a date that does not exist).
    await nav.getByRole('button', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('button', { name: 'Nieuw dossier' }).click();
    const form = page.getByRole('form', { name: 'Nieuw dossier' });
    await form.getByLabel('Titel').fill('Een nieuw dossier');
    await form.getByLabel('Met ingang van').fill('31-02-2026');
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    await expect(page.locator('#new-dossier-date-error')).toBeVisible();
    await look(page, testInfo, `nl-new-dossier-${at}`);
    await form.getByLabel('Met ingang van').fill('01-10-2026');
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    await page.getByTestId('dossier-panel').getByRole('button', { name: 'Sluiten' }).click();

    // The actiepunt panel, and the new actiepunt form.
    await nav.getByRole('button', { name: 'Actiepunten', exact: true }).click();
    await page.getByRole('button', { name: /^Voorstel uitwerken/ }).click();
    await expect(page.getByTestId('actiepunt-panel')).toBeVisible();
    await look(page, testInfo, `nl-actiepunt-panel-${at}`);
    await page.getByTestId('actiepunt-panel').getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('button', { name: 'Nieuw actiepunt' }).click();
    await look(page, testInfo, `nl-new-actiepunt-${at}`);
    await page.keyboard.press('Escape');

    // The meeting in session, its page and the chair's meeting mode.
    await nav.getByRole('button', { name: 'Vergaderingen', exact: true }).click();
    await page.getByTestId('meeting-table').getByRole('button', { name: 'TB-2026-01' }).click();
    await expect(page.getByTestId('pack-panel')).toBeVisible();
    await look(page, testInfo, `nl-meeting-${at}`);
    await page.getByTestId('open-meeting-mode').click();
    await expect(page.getByTestId('meeting-mode')).toBeVisible();
    await look(page, testInfo, `nl-meeting-mode-${at}`);
    await page.keyboard.press('Escape');
    await page.goto(shell.url);

    // The export dialog, after an export.
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByRole('button', { name: 'Exporteren', exact: true }).click();
    await expect(dialog.getByTestId('export-files').locator('li')).toHaveCount(6, { timeout: 30_000 });
    await look(page, testInfo, `nl-export-dialog-${at}`);
  });
}
