// Issue 13 in the real UI: on a meeting whose agenda is vastgesteld, the secretary makes the
// vergaderstukken with one click; a progress bar, then the version written and its files, each of
// which opens. Made again with nothing changed: "niets veranderd", nothing written. After a
// change: version 2, nagezonden, and what differs. Passes axe; screenshots at 1366x768 and 1920x1080.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { callShell } from '../support/shell-call';
import { test, expect } from './shell';

test.use({ viewport: { width: 1366, height: 768 } });

test('the secretary makes the vergaderstukken of an evaluatiemoment, and sends a version 2 after a change', async ({ page, shell }, testInfo) => {
  // The scene: an evaluatiemoment next week, its agenda vastgesteld.
  await callShell(shell.url, 'meeting.create', { date: '2026-12-09', kind: 'evaluatiemoment', location: 'Den Haag' });
  await callShell(shell.url, 'meeting.setState', { number: 'TB-2026-01', state: 'agenda_vastgesteld' });
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await page.getByTestId('meeting-table').getByRole('button', { name: 'TB-2026-01' }).click();

  const panel = page.getByTestId('pack-panel');
  await expect(panel.getByRole('heading', { name: 'Vergaderstukken' })).toBeVisible();
  await expect(panel.getByLabel('Map')).toHaveValue(shell.exportDir);
  await panel.getByRole('button', { name: 'Vergaderstukken maken' }).click();
  const result = page.getByTestId('pack-result');
  const folder = path.join(shell.exportDir, 'TB-2026-01 2026-12-09', 'v1');
  await expect(result).toContainText(`Versie 1 is opgeslagen in ${folder}`);
  await expect(page.getByTestId('pack-files').locator('li')).toHaveCount(9);
  // The keyboard stayed on the button through the job (it does not fall to the page).
  await expect(panel.getByRole('button', { name: 'Vergaderstukken maken' })).toBeFocused();
  await expect(page.getByTestId('pack-files')).toContainText('00 Agenda TB-2026-01.docx');
  await expect(page.getByTestId('pack-files')).toContainText('04 Bijlage 1 Lijst van dossiers met prioriteit.xlsx');
  expect(fs.readdirSync(folder)).toHaveLength(9);
  // A file opens from here.
  await page.getByRole('button', { name: 'Open 00 Agenda TB-2026-01.docx' }).click();
  await expect.poll(() => fs.existsSync(shell.openedLog) && fs.readFileSync(shell.openedLog, 'utf8')).toContain(path.join(folder, '00 Agenda TB-2026-01.docx'));
  // Sent: nothing before it can be undone now.
  await expect(page.getByRole('button', { name: /Ongedaan maken/ })).toBeDisabled();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('nl-pack-1366.png') });

  // Again, nothing changed: the version stands, nothing is written.
  await panel.getByRole('button', { name: 'Vergaderstukken maken' }).click();
  await expect(result).toContainText('Er is niets veranderd sinds versie 1; die staat al in');

  // A dossier moves on: version 2, nagezonden, and what differs from version 1.
  await callShell(shell.url, 'dossier.setPhase', { number: 3, state: { phase: 'implementatie' } });
  await panel.getByRole('button', { name: 'Vergaderstukken maken' }).click();
  await expect(result).toContainText('Versie 2 (nagezonden) is opgeslagen in');
  await expect(page.getByTestId('pack-compared')).toContainText('Ten opzichte van versie 1:');
  await expect(page.getByTestId('pack-compared')).toContainText('05 Wijzigingen sinds de start van het register.docx');
  expect(fs.readdirSync(path.join(shell.exportDir, 'TB-2026-01 2026-12-09')).sort()).toEqual(['v1', 'v2']);
  // The phase change before it cannot be undone now either: the button says so once the job settled.
  await expect(page.getByRole('button', { name: /Ongedaan maken/ })).toBeDisabled();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('nl-pack-1920.png') });

  // A folder that does not exist: the error beside the field, in Dutch.
  await panel.getByLabel('Map').fill(path.join(shell.exportDir, 'bestaat-niet'));
  await panel.getByRole('button', { name: 'Vergaderstukken maken' }).click();
  // A folder that is not there: said beside Map, which is marked, and gone once another is typed.
  await expect(page.locator('#pack-folder-error')).toContainText('bestaat niet; kies een map die er is');
  await expect(panel.getByLabel('Map')).toHaveAttribute('aria-invalid', 'true');

  // The folder last written into is where the next pack (or export) starts, after a reload too.
  const own = path.join(shell.exportDir, 'pakketten');
  fs.mkdirSync(own);
  await panel.getByLabel('Map').fill(own);
  await expect(page.locator('#pack-folder-error')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Vergaderstukken maken' }).click();
  await expect(result).toContainText(`in ${path.join(own, 'TB-2026-01 2026-12-09', 'v2')}`);
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await page.getByTestId('meeting-table').getByRole('button', { name: 'TB-2026-01' }).click();
  await expect(page.getByTestId('pack-panel').getByLabel('Map')).toHaveValue(own);
  // After the reload the page still says which versions were made, when, by whom (issue 14).
  const versions = page.getByTestId('pack-versions').locator(':scope > li');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Vergaderstukken: Versie 1, ');
  await expect(versions.nth(1)).toContainText('Versie 2 (nagezonden), ');
  await expect(versions.nth(1)).toContainText('(Secretariaat TB): 8 bestanden');
  await versions.nth(1).locator('summary').click();
  await expect(versions.nth(1)).toContainText('00 Agenda TB-2026-01.docx');
});
