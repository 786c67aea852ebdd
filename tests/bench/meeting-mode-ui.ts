// Issue 12's rows, in Chromium on the browser shell: the chair's keys in the Vergadermodus on the
// 5,000-dossier register (a priority mark and a rank move, each until the mode shows it painted),
// the presentation view's update in a second page after a change in the first, and a filter
// keystroke to the painted table at 10,000 dossiers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { summarize, type Timing } from './stats';
import { callShell } from '../support/shell-call';
import { KEYS, keystroke, openTable, startShell } from './ui';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TODAY = '2026-11-30';

export interface MeetingModeFigures {
  dossiers: number;
  priorityMark: Timing;
  rankMove: Timing;
  presentation: Timing;
  filterAt10k: { dossiers: number; timing: Timing };
}

/** A contract call over the shell's HTTP bridge: for setting the scene only. */
const call = callShell;

/** Presses `key` in the mode; resolves with the time from keydown until a frame shows the dossier's priority cell changed. */
async function keyToPaint(page: Page, key: string, dossier: number): Promise<number> {
  const selector = `[data-testid=mode-priority-${dossier}]`;
  const before = await page.evaluate((sel) => {
    const w = window as unknown as { benchKeyAt: number };
    w.benchKeyAt = 0;
    window.addEventListener('keydown', (event) => (w.benchKeyAt = event.timeStamp), { capture: true, once: true });
    return document.querySelector(sel)!.textContent;
  }, selector);
  await page.keyboard.press(key);
  const shown = await page.waitForFunction(
    ([sel, was]) => {
      const at = (window as unknown as { benchKeyAt: number }).benchKeyAt;
      return at > 0 && document.querySelector(sel)?.textContent !== was ? performance.now() - at : false;
    },
    [selector, before] as const,
    { polling: 'raf', timeout: 10_000 },
  );
  return (await shown.jsonValue()) as number;
}

/**
 * Presses P in the chair's page; resolves with the time (one clock for both pages) until the
 * presentation's row shows the change. The projector page is watched every 5 ms rather than at its
 * animation frames: a page the test does not bring to the front gets no frames, where a projector's
 * window on its own screen would.
 */
async function presentationFollows(chair: Page, projector: Page, dossier: number): Promise<number> {
  const selector = `[data-testid=presentation-dossier-${dossier}]`;
  const before = await projector.evaluate((sel) => document.querySelector(sel)!.textContent, selector);
  await chair.evaluate(() => {
    const w = window as unknown as { benchKeyAt: Promise<number> };
    w.benchKeyAt = new Promise((resolve) => window.addEventListener('keydown', (event) => resolve(performance.timeOrigin + event.timeStamp), { capture: true, once: true }));
  });
  await chair.keyboard.press('p');
  const start = await chair.evaluate(() => (window as unknown as { benchKeyAt: Promise<number> }).benchKeyAt);
  const shown = await projector.waitForFunction(
    ([sel, was]) => (document.querySelector(sel)?.textContent !== was ? performance.timeOrigin + performance.now() : false),
    [selector, before] as const,
    { polling: 5, timeout: 10_000 },
  );
  return ((await shown.jsonValue()) as number) - start;
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The projector is a window on its own screen, never a background tab: no throttled timers or frames.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

/**
 * The shell backs the register up as it starts (63 MB here, a few seconds of SQLite's backup API
 * taking turns with the calls): the chair's figures are taken once that is done, as in a meeting
 * that starts a while after the app.
 */
async function startupBackupDone(file: string): Promise<void> {
  const dir = path.join(path.dirname(file), 'backups');
  for (let i = 0; i < 600; i++) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    if (names.some((n) => n.endsWith('.sqlite') && !n.startsWith('.')) && !names.some((n) => n.startsWith('.'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the start-up backup did not finish within a minute');
}

export async function measureMeetingMode(file: string, dossiers: number, scratch: string, rounds: number): Promise<MeetingModeFigures> {
  const shell = await startShell(file);
  await startupBackupDone(file);
  const browser = await launch();
  const options = { viewport: { width: 1366, height: 768 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' };
  try {
    // The scene: an evaluatiemoment today, its first item about three priority dossiers, in session.
    const ranked = ((await call(shell.url, 'dossier.list', { priority: true })) as Array<{ number: number }>).slice(0, 3).map((d) => d.number);
    // Ranked, so a rank can move both ways.
    await call(shell.url, 'dossier.reorderPriorities', { numbers: ranked });
    const meeting = await call(shell.url, 'meeting.create', { date: TODAY, kind: 'evaluatiemoment' });
    await call(shell.url, 'agenda.add', { meeting: meeting.number, title: 'Prioriteiten', purpose: 'besluitvorming', links: { dossiers: ranked }, position: 1 });
    await call(shell.url, 'meeting.setState', { number: meeting.number, state: 'agenda_vastgesteld' });
    await call(shell.url, 'meeting.setState', { number: meeting.number, state: 'in_vergadering' });

    const context = await browser.newContext(options);
    const page = await context.newPage();
    await openTable(page, shell.url, dossiers);
    await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
    await page.getByRole('button', { name: meeting.number, exact: true }).click();
    await page.getByTestId('open-meeting-mode').click();
    await page.getByTestId('mode-entries').waitFor();
    // The meeting page read the meeting whole before the mode opened (what changed, the
    // actiepuntenlijst): the keys are timed once those answers are in.
    await page.waitForLoadState('networkidle');
    await page.getByTestId('mode-entries').focus();
    const first = ranked[0]!;
    const marks: number[] = [];
    for (let i = 0; i < rounds * 2 + 2; i++) {
      const ms = await keyToPaint(page, 'p', first);
      if (i >= 2) marks.push(ms);
    }
    const moves: number[] = [];
    for (let i = 0; i < rounds * 2 + 2; i++) {
      const ms = await keyToPaint(page, i % 2 === 0 ? 'Alt+ArrowDown' : 'Alt+ArrowUp', first);
      if (i >= 2) moves.push(ms);
    }
    process.stdout.write('.');
    // The projector: a second page of the same context, following the first.
    const [projector] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('w')]);
    await projector.getByTestId(`presentation-dossier-${first}`).waitFor();
    // Its first reads done (its change stream stays open, so no network-idle to wait for).
    await projector.waitForTimeout(1_500);
    await page.bringToFront();
    await page.getByTestId('mode-entries').focus();
    const follows: number[] = [];
    for (let i = 0; i < rounds * 2 + 2; i++) {
      const ms = await presentationFollows(page, projector, first);
      if (i >= 2) follows.push(ms);
    }
    process.stdout.write('.');
    await context.close();

    // A filter keystroke at 10,000 dossiers: the end-to-end tests' big register, built fresh.
    // In a folder of its own: its shell's user folder (beside it) is not the first one's.
    const big = path.join(fs.mkdtempSync(path.join(scratch, 'big-')), 'register-10000.sqlite');
    const made = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['tests/e2e/make-register.ts', big, '10000'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TB_REGISTER_NOW: `${TODAY}T10:00:00` } });
    if (made.status !== 0) throw new Error(`the 10,000 register could not be made: ${made.stderr}`);
    const bigShell = await startShell(big);
    try {
      const bigPage = await (await browser.newContext({ ...options, viewport: { width: 1400, height: 900 } })).newPage();
      const total = 10_015;
      await openTable(bigPage, bigShell.url, total);
      await bigPage.locator('#dossier-search').focus();
      const keys: number[] = [];
      for (const key of KEYS) keys.push(await keystroke(bigPage, key));
      process.stdout.write('.\n');
      if (process.env.BENCH_SAMPLES) console.log(JSON.stringify({ marks, moves, follows }));
      return {
        dossiers,
        priorityMark: summarize(marks),
        rankMove: summarize(moves),
        presentation: summarize(follows),
        filterAt10k: { dossiers: total, timing: summarize(keys) },
      };
    } finally {
      bigShell.stop();
    }
  } finally {
    await browser.close();
    shell.stop();
  }
}
