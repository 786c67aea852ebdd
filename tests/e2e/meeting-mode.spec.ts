// Issue 12, the chair's meeting mode: a meeting run with the keyboard only, every keystroke
// counted, focus checked after every step, and the register read from disk at the end.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, type Shell } from './shell';
import { callShell } from '../support/shell-call';

test.use({ viewport: { width: 1366, height: 768 } });

/** A contract call straight to the shell, for setting the scene (never for what the test checks). */
const call = (shell: Shell, name: string, input: unknown) => callShell(shell.url, name, input);

/**
 * The scene: an evaluatiemoment today, in session, with (when `dossiers` is given) an item "Prioriteiten
 * C&R" at `position` about those dossiers; the page opened on its meeting mode, the list focused.
 */
async function inMeetingMode(page: Page, shell: Shell, item?: { dossiers: number[]; position: number }): Promise<{ number: string }> {
  const meeting = await call(shell, 'meeting.create', { date: '2026-11-30', kind: 'evaluatiemoment' });
  if (item) {
    await call(shell, 'agenda.add', { meeting: meeting.number, title: 'Prioriteiten C&R', purpose: 'besluitvorming', proposal: 'Het TB stelt de rangorde vast.', links: { dossiers: item.dossiers }, position: item.position });
  }
  await call(shell, 'meeting.setState', { number: meeting.number, state: 'agenda_vastgesteld' });
  await call(shell, 'meeting.setState', { number: meeting.number, state: 'in_vergadering' });
  await page.goto(shell.url);
  await expect(page.getByTestId('dossier-table')).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await page.getByRole('button', { name: meeting.number, exact: true }).click();
  await page.getByTestId('open-meeting-mode').click();
  await expect(page.getByTestId('mode-entries')).toBeFocused();
  return meeting;
}

/** Keys pressed, counted: the chair's effort (command keys apart from the characters of typed text). */
function keyboard(page: Page) {
  let count = 0;
  let typed = 0;
  return {
    get count() {
      return count;
    },
    get typed() {
      return typed;
    },
    async press(key: string, times = 1) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        count++;
      }
    },
    async type(text: string) {
      await page.keyboard.type(text);
      typed += text.length;
    },
  };
}

/** Focus is on something, visibly: never on the page body. */
async function expectFocusKept(page: Page, what: string) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    return { body: !el || el === document.body, tag: el?.tagName ?? '' };
  });
  expect(focus.body, `focus after ${what}`).toBe(false);
}

test('the chair runs a meeting with the keyboard only, and the register holds what was typed', async ({ page, shell }, testInfo) => {
  // The scene: an evaluatiemoment today whose item 5 is about dossiers 2, 3 and 4, opened.
  const meeting = await inMeetingMode(page, shell, { dossiers: [2, 3, 4], position: 5 });
  const mode = page.getByTestId('meeting-mode');
  const keys = keyboard(page);

  // Walk the agenda to item 5 (PageDown four times), then the help.
  await keys.press('PageDown', 4);
  await expect(mode.getByRole('heading', { level: 3, name: /Agendapunt 5: Prioriteiten C&R/ })).toBeVisible();
  await expectFocusKept(page, 'PageDown');
  await keys.press('?');
  await expect(page.getByTestId('mode-help')).toBeVisible();
  await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await page.screenshot({ path: testInfo.outputPath('nl-meeting-mode-help.png') });
  await keys.press('Escape');
  await expect(page.getByTestId('mode-help')).toBeHidden();
  await expect(page.getByTestId('mode-entries')).toBeFocused();

  // Dossier 2: priority off, and on again (P twice).
  await keys.press('p');
  await expect(page.getByTestId('mode-priority-2')).toHaveText('Nee');
  await keys.press('p');
  await expect(page.getByTestId('mode-priority-2')).toHaveText('prioriteit zonder rang');
  // Three ranks: dossier 2 rank 1 (digits, Enter), dossier 3 rank 1 (J, Alt+Up gives it the next rank, then 1 Enter), dossier 4 Alt+Up twice.
  await keys.press('1');
  await keys.press('Enter');
  await expect(page.getByTestId('mode-priority-2')).toHaveText('prioriteit, rang 1');
  await keys.press('j');
  await keys.press('Alt+ArrowUp');
  await expect(page.getByTestId('mode-priority-3')).toHaveText('prioriteit, rang 2');
  await keys.press('Alt+ArrowUp');
  await expect(page.getByTestId('mode-priority-3')).toHaveText('prioriteit, rang 1');
  await expect(page.getByTestId('mode-priority-2')).toHaveText('prioriteit, rang 2');
  await keys.press('j');
  await keys.press('3');
  await keys.press('Enter');
  await expect(page.getByTestId('mode-priority-4')).toHaveText('prioriteit, rang 3');
  await expectFocusKept(page, 'the ranks');

  // Two besluiten: the besluitvoorstel as it stands (B, Enter), and one typed.
  await keys.press('b');
  await expect(page.getByLabel('Besluit · Dossier 4')).toHaveValue('Het TB stelt de rangorde vast.');
  await keys.press('Enter');
  await expect(page.getByTestId('mode-recorded')).toContainText('Het TB stelt de rangorde vast.');
  await expect(page.getByTestId('mode-entries')).toBeFocused();
  await keys.press('k');
  await keys.press('k');
  await keys.press('b');
  await keys.press('Control+a');
  await keys.type('Dossier 2 eerst');
  await keys.press('Enter');
  await expect(page.getByTestId('mode-recorded')).toContainText('Dossier 2 eerst');
  // An actiepunt with an owner and a deadline six weeks on.
  await keys.press('a');
  await keys.type('Planning delen');
  await keys.press('Tab');
  await keys.type('Logius');
  await keys.press('Tab');
  await keys.type('+6w');
  await keys.press('Enter');
  await expect(page.getByTestId('mode-recorded')).toContainText('Actiepunt 11: Planning delen');
  // A remark on dossier 2.
  await keys.press('n');
  await keys.type('Graag kwartaalplanning');
  await keys.press('Enter');
  await expect(page.getByTestId('mode-recorded')).toContainText('Dossier 2: Graag kwartaalplanning');
  await expectFocusKept(page, 'the outcomes');
  await page.screenshot({ path: testInfo.outputPath('nl-meeting-mode.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('nl-meeting-mode-1920.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectFocusKept(page, 'a resize');

  // Item 5 done (D moves on to 6); item 6 carried over (S).
  await keys.press('d');
  await expect(mode.getByRole('heading', { level: 3, name: /Agendapunt 6:/ })).toBeVisible();
  await keys.press('s');
  await expect(mode.getByRole('heading', { level: 3, name: /Agendapunt 7:/ })).toBeVisible();
  await expectFocusKept(page, 'D and S');
  await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]));

  // Prioriteiten vaststellen: dossier 2 back to rank 1 in the proposal, shown before → after, then decided as one besluit.
  await keys.press('v');
  await expect(page.getByTestId('board-rows')).toBeFocused();
  await keys.press('j');
  await keys.press('Alt+ArrowUp');
  await expect(page.getByTestId('board-change-2')).toHaveText('prioriteit, rang 2 → prioriteit, rang 1');
  await expect(page.getByTestId('board-change-3')).toHaveText('prioriteit, rang 1 → prioriteit, rang 2');
  await page.screenshot({ path: testInfo.outputPath('nl-priority-board.png') });
  await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));
  await keys.press('Control+Enter');
  await expect(page.getByTestId('priority-board')).toBeHidden();
  await expect(page.getByTestId('mode-entries')).toBeFocused();
  await expect(page.getByTestId('mode-recorded')).toContainText('Het TB stelt de prioriteiten vast.');
  // Recorded on the item the chair is on (it went to item 4 from any item, review), and said so.
  await expect(page.getByTestId('mode-message')).toContainText('Prioriteiten vastgesteld bij agendapunt 7');

  // Esc leaves the mode, back on the button that opened it.
  await keys.press('Escape');
  await expect(page.getByTestId('open-meeting-mode')).toBeFocused();
  // The README states these: command keys for the whole meeting, beside the characters of the texts typed.
  testInfo.annotations.push({ type: 'keystrokes', description: `${keys.count} keys, ${keys.typed} characters typed` });
  expect(keys.count).toBeLessThanOrEqual(60);

  // The register on disk holds exactly what was typed.
  const held = await shell.readRegister((db) => ({
    outcomes: db
      .prepare(`SELECT o.kind, o.text, d.number AS dossier, o.priority, o.rank FROM outcome o LEFT JOIN dossier d ON d.id = o.dossier_id ORDER BY o.id`)
      .all(),
    actiepunt: db.prepare(`SELECT text, deadline_date FROM actiepunt WHERE number = 11`).get(),
    owner: db.prepare(`SELECT name FROM actiepunt_owner WHERE actiepunt_id = (SELECT id FROM actiepunt WHERE number = 11)`).pluck().get(),
    states: db.prepare(`SELECT number, state FROM agenda_item WHERE meeting_id = (SELECT id FROM meeting WHERE number = ?) AND number IN (5, 6) ORDER BY number`).all(meeting.number),
  }));
  expect(held.outcomes).toEqual([
    { kind: 'prioriteit', text: null, dossier: 2, priority: 0, rank: null },
    { kind: 'prioriteit', text: null, dossier: 2, priority: 1, rank: null },
    { kind: 'prioriteit', text: null, dossier: 2, priority: 1, rank: 1 },
    { kind: 'prioriteit', text: null, dossier: 3, priority: 1, rank: 2 },
    { kind: 'prioriteit', text: null, dossier: 3, priority: 1, rank: 1 },
    { kind: 'prioriteit', text: null, dossier: 4, priority: 1, rank: 3 },
    { kind: 'besluit', text: 'Het TB stelt de rangorde vast.', dossier: 4, priority: null, rank: null },
    { kind: 'besluit', text: 'Dossier 2 eerst', dossier: 2, priority: null, rank: null },
    { kind: 'actiepunt', text: 'Planning delen', dossier: 2, priority: null, rank: null },
    { kind: 'notitie', text: 'Graag kwartaalplanning', dossier: 2, priority: null, rank: null },
    {
      kind: 'besluit',
      text: 'Het TB stelt de prioriteiten vast.\n- Dossier 2 (Verplichtstellen 2FA): rang 2 → rang 1\n- Dossier 3 (Realtime inzicht beschikbaarheid en storingen): rang 1 → rang 2',
      dossier: null,
      priority: null,
      rank: null,
    },
    { kind: 'prioriteit', text: null, dossier: 2, priority: 1, rank: 1 },
    { kind: 'prioriteit', text: null, dossier: 3, priority: 1, rank: 2 },
  ]);
  expect(held.actiepunt).toEqual({ text: 'Planning delen', deadline_date: '2027-01-11' });
  expect(held.owner).toBe('Logius');
  expect(held.states).toEqual([
    { number: 5, state: 'behandeld' },
    { number: 6, state: 'doorgeschoven' },
  ]);
});

test('the mode reopens on the same meeting and item after the page is gone, and speaks English as well', async ({ page, shell }, testInfo) => {
  await inMeetingMode(page, shell);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('meeting-mode').getByRole('heading', { level: 3, name: /Agendapunt 3:/ })).toBeVisible();
  // The lid closes: the page is gone without a goodbye, and comes back.
  await page.reload();
  await expect(page.getByTestId('meeting-mode').getByRole('heading', { level: 3, name: /Agendapunt 3:/ })).toBeVisible();
  // And in English, the mode passes axe too.
  await page.evaluate(() => localStorage.setItem('tb-register-lang', 'en'));
  await page.reload();
  await expect(page.getByTestId('meeting-mode').getByRole('heading', { level: 3, name: /Agenda item 3:/ })).toBeVisible();
  const axe = async (on: Page, what: string) => {
    const result = await new AxeBuilder({ page: on }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => v.id), what).toEqual([]);
  };
  await axe(page, 'meeting mode (en)');
  await page.getByTestId('mode-entries').focus();
  await page.keyboard.press('v');
  await expect(page.getByTestId('priority-board')).toContainText('Decide the priorities');
  await axe(page, 'priority board (en)');
  await page.screenshot({ path: testInfo.outputPath('en-priority-board.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mode-entries')).toBeFocused();
  const [presentation] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('w')]);
  await presentation.setViewportSize({ width: 1920, height: 1080 });
  await expect(presentation.getByTestId('presentation-item')).toHaveText('3. Actiepuntenlijst');
  await axe(presentation, 'presentation (en)');
});

test('the presentation view follows the chair in a second page, and shows a besluit once it is recorded', async ({ page, shell }, testInfo) => {
  await inMeetingMode(page, shell, { dossiers: [2, 3], position: 2 });

  // W opens the presentation: a second page of the same browser context, the same token.
  const [presentation] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('w')]);
  await presentation.setViewportSize({ width: 1920, height: 1080 });
  await expect(presentation.getByTestId('presentation-item')).toHaveText('1. Opening en vaststelling van de agenda');
  // The chair moves on: the projector follows.
  await page.bringToFront();
  await page.getByTestId('mode-entries').focus();
  await page.keyboard.press('PageDown');
  await expect(presentation.getByTestId('presentation-item')).toHaveText('2. Prioriteiten C&R');
  // A besluit recorded in the first page shows in the second.
  await page.keyboard.press('b');
  await page.keyboard.press('Enter');
  await expect(presentation.getByRole('heading', { level: 2 })).toHaveText('Besluiten');
  await expect(presentation.getByTestId('presentation')).toContainText('Het TB stelt de rangorde vast.');
  // And a priority mark.
  await expect(page.getByTestId('mode-entries')).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mode-priority-2')).toHaveText('prioriteit, rang 1');
  await expect(presentation.getByTestId('presentation-dossier-2')).toContainText('1 Dossier 2');
  const result = await new AxeBuilder({ page: presentation }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
  await presentation.screenshot({ path: testInfo.outputPath('nl-presentation-1920.png') });
});

test('a crash mid-meeting loses no committed keystroke, and the restarted shell reopens the mode on the same item', async ({ page, shell }) => {
  await inMeetingMode(page, shell, { dossiers: [2, 3], position: 3 });
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('meeting-mode').getByRole('heading', { level: 3, name: /Agendapunt 3: Prioriteiten C&R/ })).toBeVisible();
  await page.keyboard.press('b');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mode-recorded')).toContainText('Het TB stelt de rangorde vast.');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mode-priority-2')).toHaveText('prioriteit, rang 1');

  // The shell dies mid-meeting (SIGKILL) and comes back on another port with another token.
  await shell.crashAndRestart();
  await page.goto(shell.url);
  await expect(page.getByTestId('meeting-mode').getByRole('heading', { level: 3, name: /Agendapunt 3: Prioriteiten C&R/ })).toBeVisible();
  await expect(page.getByTestId('mode-recorded')).toContainText('Het TB stelt de rangorde vast.');
  await expect(page.getByTestId('mode-priority-2')).toHaveText('prioriteit, rang 1');
  const held = await shell.readRegister((db) => db.prepare(`SELECT kind, text, rank FROM outcome ORDER BY id`).all());
  expect(held).toEqual([
    { kind: 'besluit', text: 'Het TB stelt de rangorde vast.', rank: null },
    { kind: 'prioriteit', text: null, rank: 1 },
  ]);
});

test('a quick form says a refusal beside the field it is about, and drops it once that field is typed in', async ({ page, shell }) => {
  // An empty actiepunt was refused in the top bar, and a mended deadline stayed red (review of issue 14).
  await inMeetingMode(page, shell);
  await page.keyboard.press('a');
  const form = page.getByTestId('mode-form-actiepunt');
  await expect(form).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#mode-form-text-error')).toHaveText('Niet opgeslagen: Tekst mag niet leeg zijn');
  await expect(form.getByLabel('Actiepunt')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Actiepunt').fill('Planning delen');
  await expect(page.locator('#mode-form-text-error')).toHaveCount(0);
  await form.getByLabel('Deadline').fill('31-02-2027');
  await form.getByLabel('Deadline').press('Enter');
  await expect(page.locator('#mode-form-error')).toHaveText('Deadline: 31-02-2027 bestaat niet; kies een bestaande datum.');
  await expect(form.getByLabel('Deadline')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Deadline').fill('+6w');
  await expect(page.locator('#mode-form-error')).toHaveCount(0);
  await expect(form.getByLabel('Deadline')).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Deadline').press('Enter');
  await expect(page.getByTestId('mode-recorded')).toContainText('Planning delen');
});
