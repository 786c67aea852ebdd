// Issue 17: the secretary and the chair exchange the register by file. The chair's laptop is a
// second browser shell on a copy of the secretary's register, with its own user folder (profile,
// device). The secretary sends; the chair pairs, marks a priority and writes a remark in the
// Vergadermodus, and sends back; the secretary previews, applies, resolves the one conflict, and
// the meeting shows the chair's remark. axe checks the new screens.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, secondLaptop, type Shell } from './shell';
import { callShell } from '../support/shell-call';

test.use({ viewport: { width: 1366, height: 768 } });

const axe = async (page: Page) =>
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

async function openExchange(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Beheer', exact: true })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Beheer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Uitwisselen' })).toBeVisible();
}

/** Makes a file in `folder` from the Uitwisselen screen; returns its path as the screen says it. */
async function send(page: Page, folder: string): Promise<string> {
  const form = page.getByRole('form', { name: 'Wijzigingen versturen' });
  await form.getByLabel('Map').fill(folder);
  await form.getByRole('button', { name: 'Bestand maken' }).click();
  const made = page.getByTestId('exchange-made');
  await expect(made).toContainText('✓ Bestand gemaakt');
  return /: (\/.+\.tbsync)$/.exec((await made.textContent())!)![1]!;
}

async function preview(page: Page, file: string) {
  const form = page.getByRole('form', { name: 'Bestand ontvangen' });
  await form.getByLabel('Bestand (.tbsync)').fill(file);
  await form.getByRole('button', { name: 'Bekijken' }).click();
  await expect(page.getByTestId('exchange-preview')).toBeVisible();
  return page.getByTestId('exchange-preview');
}

test('the secretary sends, the chair works in the meeting and sends back, the secretary applies and decides the one conflict', async ({ page, shell, context }, testInfo) => {
  test.setTimeout(120_000);
  const call = (url: string, name: string, input: unknown) => callShell<any>(url, name, input);
  // The scene: an evaluatiemoment today, in session, its item 5 about dossiers 2, 3 and 4.
  const meeting = await call(shell.url, 'meeting.create', { date: '2026-11-30', kind: 'evaluatiemoment' });
  await call(shell.url, 'agenda.add', { meeting: meeting.number, title: 'Prioriteiten C&R', purpose: 'besluitvorming', links: { dossiers: [2, 3, 4] }, position: 5 });
  await call(shell.url, 'meeting.setState', { number: meeting.number, state: 'agenda_vastgesteld' });
  await call(shell.url, 'meeting.setState', { number: meeting.number, state: 'in_vergadering' });
  // The chair's laptop got a copy of the register (once, by USB stick) before the meeting.
  const chair = await secondLaptop(shell as Shell, { name: 'Pieter Jansen', role: 'voorzitter' });
  try {
    // Since then the secretary wrote a planning text on dossier 3.
    await call(shell.url, 'dossier.update', { number: 3, patch: { planning: 'Oplevering in het tweede kwartaal' } });

    // 1. The secretary sends.
    await openExchange(page, shell.url);
    const secretaryCode = (await page.getByTestId('device-code').textContent())!;
    await axe(page);
    const toChair = await send(page, shell.exportDir);

    // 2. The chair previews: one change of the secretary; pairs by comparing the code; applies.
    const chairPage = await context.newPage();
    await openExchange(chairPage, chair.url);
    const first = await preview(chairPage, toChair);
    await expect(first).toContainText('1 wijziging van de secretaris (Secretariaat TB), 0 conflicten');
    await expect(chairPage.getByTestId('sender-code')).toHaveText(secretaryCode);
    const apply = chairPage.getByRole('button', { name: 'Toepassen' });
    await expect(apply).toBeDisabled();
    await chairPage.getByLabel(/De code is gelijk aan die op het scherm van de secretaris/).check();
    await axe(chairPage);
    await apply.click();
    await expect(chairPage.getByTestId('exchange-result')).toContainText('1 wijziging van de secretaris (Secretariaat TB) verwerkt');
    await expect(chairPage.getByTestId('exchange-result')).toBeFocused();

    // 3. In the meeting the chair marks dossier 2 as priority 1 and writes a remark, in the Vergadermodus.
    await chairPage.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
    await chairPage.getByRole('button', { name: meeting.number, exact: true }).click();
    await chairPage.getByTestId('open-meeting-mode').click();
    await expect(chairPage.getByTestId('mode-entries')).toBeFocused();
    for (let i = 0; i < 4; i++) await chairPage.keyboard.press('PageDown');
    await expect(chairPage.getByTestId('meeting-mode').getByRole('heading', { level: 3, name: /Agendapunt 5: Prioriteiten C&R/ })).toBeVisible();
    await chairPage.keyboard.press('1');
    await chairPage.keyboard.press('Enter');
    await expect(chairPage.getByTestId('mode-priority-2')).toHaveText('prioriteit, rang 1');
    await chairPage.keyboard.press('n');
    await chairPage.keyboard.type('Graag kwartaalplanning');
    await chairPage.keyboard.press('Enter');
    await expect(chairPage.getByTestId('mode-recorded')).toContainText('Dossier 2: Graag kwartaalplanning');
    await chairPage.getByRole('button', { name: /Vergadermodus sluiten/ }).click();
    await expect(chairPage.getByTestId('meeting-mode')).toBeHidden();
    // A dossier the chair adds gets a provisional number, shown as such.
    const added = await call(chair.url, 'dossier.create', { title: 'Nieuw idee van de voorzitter', phase: { phase: 'nieuw' } });
    await chairPage.reload();
    await chairPage.getByRole('navigation').getByRole('button', { name: 'Dossiers', exact: true }).click();
    await expect(chairPage.locator(`tr[data-number="${added.number}"]`)).toContainText('(nieuw, voorzitter)');
    await chairPage.locator(`tr[data-number="${added.number}"]`).scrollIntoViewIfNeeded();
    await chairPage.screenshot({ path: testInfo.outputPath('nl-provisional-1366.png') });
    await chairPage.setViewportSize({ width: 1920, height: 1080 });
    await chairPage.screenshot({ path: testInfo.outputPath('nl-provisional-1920.png') });
    await chairPage.setViewportSize({ width: 1366, height: 768 });
    // Meanwhile both changed dossier 4's planning differently: the one conflict.
    await call(chair.url, 'dossier.update', { number: 4, patch: { planning: 'Planning van de voorzitter' } });
    await call(shell.url, 'dossier.update', { number: 4, patch: { planning: 'Planning van de secretaris' } });

    // 4. The chair sends back.
    await openExchange(chairPage, chair.url);
    const toSecretary = await send(chairPage, chair.dir);

    // 5. The secretary previews (in Dutch, with the chair's code), applies, and decides.
    await openExchange(page, shell.url);
    const back = await preview(page, toSecretary);
    await expect(back).toContainText(/\d+ wijzigingen van de voorzitter \(Pieter Jansen\), 1 conflict/);
    await page.getByLabel(/De code is gelijk aan die op het scherm van de voorzitter/).check();
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page.getByTestId('exchange-result')).toContainText('1 nieuw conflict te beoordelen');
    await expect(page.getByRole('button', { name: 'Uitwisseling ongedaan maken' })).toBeVisible();
    const conflict = page.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('Dossier 4 · Planning');
    await expect(conflict).toContainText('Planning van de voorzitter');
    await expect(conflict).toContainText('Planning van de secretaris');
    await axe(page);
    await page.screenshot({ path: testInfo.outputPath('nl-exchange-review.png'), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: testInfo.outputPath('nl-exchange-review-1920.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await conflict.getByRole('button', { name: 'Versie van de voorzitter (Pieter Jansen)' }).click();
    await expect(page.getByTestId('conflict')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Te beoordelen (0)' })).toBeFocused();
    await expect(page.getByText('Niets te beoordelen.')).toBeVisible();
    expect((await call(shell.url, 'dossier.get', { number: 4 })).planning).toBe('Planning van de voorzitter');
    expect((await call(shell.url, 'dossier.get', { number: 2 })).priorityRank).toBe(1);

    // 6. The meeting shows the chair's remark, and its besluitenlijst will hold it.
    await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
    await page.getByRole('button', { name: meeting.number, exact: true }).click();
    await expect(page.getByTestId('meeting-page')).toContainText('Graag kwartaalplanning');
    const held = await call(shell.url, 'meeting.get', { number: meeting.number });
    const remark = held.items.flatMap((i: { outcomes: Array<{ text: string; recordedBy: { role: string } | null }> }) => i.outcomes).find((o: { text: string }) => o.text === 'Graag kwartaalplanning');
    expect(remark.recordedBy).toEqual({ name: 'Pieter Jansen', role: 'voorzitter' });

    // 7. The decision travels: the chair's next file from the secretary holds it, and nothing is left to review there.
    await openExchange(page, shell.url);
    const decided = await send(page, shell.exportDir);
    await openExchange(chairPage, chair.url);
    await preview(chairPage, decided);
    await chairPage.getByRole('button', { name: 'Toepassen' }).click();
    await expect(chairPage.getByTestId('exchange-result')).toBeVisible();
    await expect(chairPage.getByText('Niets te beoordelen.')).toBeVisible();
    expect((await call(chair.url, 'dossier.get', { number: 4 })).planning).toBe('Planning van de voorzitter');
    // The chair's dossier now has the secretary's number, on both laptops, and is no longer provisional.
    const numbered = (await call(shell.url, 'dossier.list', {})).find((d: { title: string }) => d.title === 'Nieuw idee van de voorzitter');
    expect((await call(chair.url, 'dossier.get', { number: numbered.number })).title).toBe('Nieuw idee van de voorzitter');
    expect(await call(chair.url, 'exchange.provisional', {})).toEqual({ dossiers: [], actiepunten: [] });
  } finally {
    chair.stop();
  }
});

test('a new laptop with a register of its own takes the secretary\'s whole register in its place', async ({ page, shell, context }) => {
  test.setTimeout(90_000);
  await callShell(shell.url, 'dossier.update', { number: 5, patch: { title: 'Titel van de secretaris' } });
  const chair = await secondLaptop(shell as Shell, { name: 'Pieter Jansen', role: 'voorzitter' }, true);
  try {
    await openExchange(page, shell.url);
    const form = page.getByRole('form', { name: 'Wijzigingen versturen' });
    await form.getByLabel(/Volledig register meesturen/).check();
    const file = await send(page, shell.exportDir);

    const chairPage = await context.newPage();
    await openExchange(chairPage, chair.url);
    const shown = await preview(chairPage, file);
    await expect(shown).toContainText('van een ander register dan dit: het kan dit register alleen vervangen');
    await expect(chairPage.getByRole('button', { name: 'Toepassen' })).toHaveCount(0);
    const replace = chairPage.getByRole('button', { name: 'Mijn register vervangen door dat van de secretaris (Secretariaat TB)' });
    await expect(replace).toBeDisabled();
    await chairPage.getByLabel(/De code is gelijk aan die op het scherm van de secretaris/).check();
    await replace.click();
    await expect(chairPage.getByText(/Dit register wordt vervangen door het volledige register/)).toBeVisible();
    await axe(chairPage);
    await chairPage.getByRole('button', { name: 'Ja, vervangen' }).click();
    await expect(chairPage.getByTestId('exchange-result')).toContainText('Dit register is vervangen door dat van de secretaris');
    await expect(chairPage.getByTestId('exchange-result')).toBeFocused();
    expect((await callShell<{ title: string }>(chair.url, 'dossier.get', { number: 5 })).title).toBe('Titel van de secretaris');
    // One register now: the chair's next change reaches the secretary.
    await callShell(chair.url, 'dossier.update', { number: 4, patch: { title: 'Titel van de voorzitter' } });
    const back = await send(chairPage, chair.dir);
    await openExchange(page, shell.url);
    await preview(page, back);
    await page.getByLabel(/De code is gelijk aan die op het scherm van de voorzitter/).check();
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page.getByTestId('exchange-result')).toContainText('verwerkt');
    expect((await callShell<{ title: string }>(shell.url, 'dossier.get', { number: 4 })).title).toBe('Titel van de voorzitter');
  } finally {
    chair.stop();
  }
});
