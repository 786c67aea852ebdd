// The workspace in Chromium on the browser shell (the same page and calls as the Electron window):
// navigation to the interactive dossier table, filter keystroke to the painted filtered table,
// and how many table rows the page holds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { BENCH_NOW } from './generate';
import { summarize, type Timing } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface UiFigures {
  dossiers: number;
  interactiveTable: Timing;
  keystrokeToPaint: Timing;
  /** Marking a dossier's priority in its panel until the table shows it: the call, the re-read of the register, the render. */
  editToTable: Timing;
  domRows: { max: number; viewportRows: number; total: number };
  /** From the click on a meeting in the Vergaderingen list until its page shows its agenda, focused: the newest meeting and one held earlier. */
  meetingPage: { latest: Timing; held: Timing };
}

/** Clicks the meeting in the list; resolves with the time until its page shows the agenda with the heading focused. */
async function openMeetingPage(page: Page, number: string): Promise<number> {
  await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
  await page.getByTestId('meeting-table').waitFor();
  const start = await page.evaluate((n) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid=meeting-table] th button')].find((b) => b.textContent === n)!;
    const t0 = performance.now();
    button.click();
    return t0;
  }, number);
  const ready = await page.waitForFunction(
    (n) => {
      const heading = document.querySelector('#meeting-heading');
      const items = document.querySelectorAll('[data-testid=agenda] > li').length;
      return heading?.textContent?.startsWith(n) && items > 0 && document.activeElement === heading ? performance.now() : false;
    },
    number,
    { polling: 'raf', timeout: 30_000 },
  );
  return ((await ready.jsonValue()) as number) - start;
}

/** 50 keystrokes: a search typed, taken back, and another typed. */
/** Priority marked and unmarked, five times each. */
const EDITS = 10;
/** Each meeting page opened this many times (after one to warm up). */
const MEETING_OPENS = 5;

export const KEYS = [...'koppelvlak in de keten', ...Array<string>(22).fill('Backspace'), ...'wallet'];

export function startShell(file: string): Promise<{ url: string; stop: () => void }> {
  // A user's data folder whose profile says who works here, so no first-start question waits.
  const home = path.join(path.dirname(file), 'home');
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify({ name: 'Secretariaat TB', role: 'secretaris' }));
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['electron/web.ts', '--db', file, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, TB_REGISTER_NOW: BENCH_NOW, TB_REGISTER_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start: ${out}${err}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, stop: () => child.kill('SIGTERM') });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser shell exited with ${code}: ${err}`)));
  });
}

/** Milliseconds from the start of navigation until the table shows every dossier and the search field takes input. */
export async function openTable(page: Page, url: string, dossiers: number): Promise<number> {
  await page.goto(url);
  const at = await page.waitForFunction(
    (n) => {
      const count = document.querySelector('[data-testid=dossier-count]')?.textContent ?? '';
      const search = document.querySelector<HTMLInputElement>('#dossier-search');
      const rows = document.querySelectorAll('[data-testid=dossier-table] tbody tr[data-number]').length;
      return count.startsWith(`${n} van ${n}`) && rows > 0 && search !== null && !search.disabled ? performance.now() : false;
    },
    dossiers,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await at.jsonValue()) as number;
}

/** Presses a key in the search field; resolves with the time from keydown until the table answering the new search has been painted. */
export async function keystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { benchDone: Promise<number> };
    const input = document.querySelector<HTMLInputElement>('#dossier-search')!;
    const table = document.querySelector<HTMLElement>('[data-testid=dossier-table]')!;
    w.benchDone = new Promise<number>((resolve) => {
      input.addEventListener(
        'keydown',
        (event) => {
          const t0 = event.timeStamp;
          // No named inner functions here: tsx would wrap them in a helper the page does not have.
          const observer = new MutationObserver(() => {
            if (table.dataset.search !== input.value) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          });
          observer.observe(table, { attributes: true, attributeFilter: ['data-search'] });
        },
        { capture: true, once: true },
      );
    });
  });
  await page.keyboard.press(key);
  const answered = page.evaluate(() => (window as unknown as { benchDone: Promise<number> }).benchDone);
  const stuck = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`the table did not answer key '${key}' within 10 s`)), 10_000).unref());
  return Promise.race([answered, stuck]);
}

/** Clicks the open panel's priority mark; resolves with the time until the table row shows the change, painted. */
async function togglePriority(page: Page, number: number): Promise<number> {
  // As a user would: click again only once the panel shows what the table shows.
  await page.waitForFunction(
    (n) => {
      const row = document.querySelector(`[data-testid=dossier-table] tr[data-number="${n}"]`);
      const box = document.querySelector<HTMLInputElement>('[data-testid=priority-mark]');
      return !!row && !!box && !box.disabled && box.checked === row.classList.contains('priority');
    },
    number,
    { polling: 'raf', timeout: 10_000 },
  );
  const shown = page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const selector = `[data-testid=dossier-table] tr[data-number="${n}"]`;
        const before = document.querySelector(selector)!.classList.contains('priority');
        const table = document.querySelector('[data-testid=dossier-table]')!;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const row = document.querySelector(selector);
          if (!row || row.classList.contains('priority') === before) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        });
        observer.observe(table, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        document.querySelector<HTMLInputElement>('[data-testid=priority-mark]')!.click();
      }),
    number,
  );
  const stuck = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`dossier ${number}'s row did not change within 10 s`)), 10_000).unref());
  return Promise.race([shown, stuck]);
}

async function domRows(page: Page): Promise<UiFigures['domRows']> {
  const scroller = page.getByTestId('dossier-scroller');
  const counts: number[] = [];
  for (const at of [0, 0.5, 1]) {
    await scroller.evaluate((el, share) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) * share), at);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    counts.push(await page.locator('[data-testid=dossier-table] tbody tr').count());
  }
  const viewportRows = await scroller.evaluate((el) => {
    const row = el.querySelector('tbody tr[data-number]') as HTMLElement | null;
    return row ? Math.ceil(el.clientHeight / row.getBoundingClientRect().height) : 0;
  });
  const total = Number(await page.getByTestId('dossier-table').getAttribute('aria-rowcount')) - 1;
  return { max: Math.max(...counts), viewportRows, total };
}

export async function measureUi(file: string, dossiers: number, navigations: number): Promise<UiFigures> {
  const shell = await startShell(file);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const options = { viewport: { width: 1400, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' };
    // Each navigation in a fresh context: nothing cached, as when the window first opens.
    const loads: number[] = [];
    for (let i = 0; i < navigations + 1; i++) {
      const context = await browser.newContext(options);
      const ms = await openTable(await context.newPage(), shell.url, dossiers);
      if (i > 0) loads.push(ms); // the first warms the shell's file cache and the register's pages
      await context.close();
      process.stdout.write('.');
    }
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await openTable(page, shell.url, dossiers);
    const rows = await domRows(page);
    await page.locator('#dossier-search').focus();
    const keys: number[] = [];
    for (const key of KEYS) {
      keys.push(await keystroke(page, key));
      if (keys.length % 10 === 0) process.stdout.write('.');
    }
    // The chair's flow: a dossier's panel open beside the table, its priority marked and unmarked.
    await page.locator('#dossier-search').fill('');
    await page.waitForFunction(() => document.querySelector('[data-testid=dossier-table]')?.getAttribute('data-search') === '');
    await page.getByTestId('dossier-scroller').evaluate((el) => el.scrollTo(0, 0));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const first = Number(await page.locator('[data-testid=dossier-table] tbody tr[data-number]').first().getAttribute('data-number'));
    await page.locator(`[data-testid=dossier-table] tr[data-number="${first}"] th button`).click();
    await page.getByTestId('priority-mark').waitFor();
    const edits: number[] = [];
    for (let i = 0; i < EDITS; i++) edits.push(await togglePriority(page, first));
    await page.keyboard.press('Escape');
    // The secretary opens the newest meeting, and one held before it (its actiepuntenlijst from the register kept at its close).
    await page.getByRole('navigation').getByRole('button', { name: 'Vergaderingen', exact: true }).click();
    await page.getByTestId('meeting-table').waitFor();
    // The list shows the newest first; a held meeting's state badge says afgerond or vastgesteld.
    const meetings = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableRowElement>('[data-testid=meeting-table] tbody tr')]
        .map((tr) => ({ number: tr.dataset.number!, state: /meeting-(\w+)/.exec(tr.querySelector('.badge')?.className ?? '')?.[1] ?? '' }))
        .reverse(),
    );
    const latest = meetings.at(-1)!.number;
    const held = [...meetings].reverse().find((m) => m.state === 'afgerond' || m.state === 'vastgesteld')!.number;
    const opened = { latest: [] as number[], held: [] as number[] };
    for (let i = 0; i < MEETING_OPENS + 1; i++) {
      const a = await openMeetingPage(page, latest);
      const b = await openMeetingPage(page, held);
      if (i > 0) opened.latest.push(a), opened.held.push(b);
    }
    process.stdout.write('\n');
    await context.close();
    return {
      dossiers,
      interactiveTable: summarize(loads),
      keystrokeToPaint: summarize(keys),
      editToTable: summarize(edits),
      domRows: rows,
      meetingPage: { latest: summarize(opened.latest), held: summarize(opened.held) },
    };
  } finally {
    await browser.close();
    shell.stop();
  }
}
