// The Electron shell in a real Electron: the built app (dist/), and on Linux the unpacked packaged
// app as electron-builder makes it, each started on a temp user data folder until the 2024 dossiers
// show, on the app's own origin. It needs an Electron binary (the npm package's, or ELECTRON_PATH)
// and better-sqlite3's build for it (native/electron/, or TB_REGISTER_ELECTRON_SQLITE); where there
// is none, as on our build machines, it is skipped with one line that says why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { parse } from 'yaml';
import { electronBinary, sqliteForElectron } from '../../scripts/electron-runtime.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ORIGIN = 'app://tb-register';

function runtime(): { electron: string; sqlite: string } | { why: string } {
  const electron = electronBinary();
  if (!electron) return { why: 'no Electron binary here (require("electron") has no binary and ELECTRON_PATH is not set)' };
  const sqlite = sqliteForElectron();
  if (!fs.existsSync(sqlite)) return { why: `Electron is at ${electron} but better-sqlite3's build for it is not at ${sqlite} (npm start fetches it)` };
  return { electron, sqlite };
}

/** The first window of a started app shows the 2024 register, from app://tb-register/. */
async function showsTheRegister(app: ElectronApplication): Promise<void> {
  const page = await app.firstWindow();
  const rows = page.getByTestId('dossier-table').locator('tbody tr[data-number]');
  await expect(rows).toHaveCount(15, { timeout: 30_000 });
  await expect(rows.first()).toContainText('Ondersteunen restgroepen (TRR)');
  expect(page.url()).toBe(`${ORIGIN}/index.html`);
  expect(await page.evaluate(() => window.location.origin)).toBe(ORIGIN);
  // The preload's bridge is there, and the main process answers this origin.
  expect(await page.evaluate(async () => (await window.tbRegister!.invoke('register.info', {})).ok)).toBe(true);
}

const configuredFuses = () => (parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> }).electronFuses;

const tempHome = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tb-electron-smoke-'));

const found = runtime();
if ('why' in found) {
  test.skip(`Electron smoke test skipped: ${found.why}`, () => {});
} else {
  test('the built app opens the 2024 register from app://tb-register/', async () => {
    test.setTimeout(120_000);
    expect(fs.existsSync(path.join(ROOT, 'dist', 'electron', 'main.cjs')), 'run npm run build:renderer && npm run build:electron first').toBe(true);
    const app = await _electron.launch({
      executablePath: found.electron,
      args: [ROOT],
      env: { ...process.env, TB_REGISTER_HOME: tempHome(), TB_REGISTER_ELECTRON_SQLITE: found.sqlite },
    });
    try {
      await showsTheRegister(app);
    } finally {
      await app.close();
    }
  });

  test('the packaged app (linux-unpacked, fuses flipped) opens the 2024 register from app://tb-register/', async () => {
    test.skip(process.platform !== 'linux', 'the packaged app is started on Linux only (electron-builder dir target)');
    const packedSqlite = path.join(ROOT, 'native', 'electron', 'better_sqlite3.node');
    test.skip(!fs.existsSync(packedSqlite), `the package takes better-sqlite3's Electron build from ${packedSqlite}, which is missing`);
    test.setTimeout(600_000);
    const { Arch, build, Platform } = await import('electron-builder');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-electron-pack-'));
    const electronVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: {
        extends: path.join(ROOT, 'electron-builder.yml'),
        electronDist: path.dirname(fs.realpathSync(found.electron)),
        electronVersion,
        directories: { output: out },
        // The configuration's fuses, grantFileProtocolExtraPrivileges off among them, but for one:
        // Playwright drives Electron through --inspect, which the shipped app refuses.
        electronFuses: { ...configuredFuses(), enableNodeCliInspectArguments: true },
      },
    });
    // The packaged app ignores TB_REGISTER_ELECTRON_SQLITE; it must find its own build, unpacked.
    const env = Object.fromEntries(
      Object.entries({ ...process.env, TB_REGISTER_HOME: tempHome() }).filter((e): e is [string, string] => e[0] !== 'TB_REGISTER_ELECTRON_SQLITE' && e[1] !== undefined),
    );
    const app = await _electron.launch({ executablePath: path.join(out, 'linux-unpacked', 'tb-register'), env });
    try {
      await showsTheRegister(app);
    } finally {
      await app.close();
    }
  });
}
