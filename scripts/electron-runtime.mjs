// What the Electron shell needs besides our code: Electron's own binary (its npm package only
// downloads it in a postinstall we keep switched off, because it fails offline and would break
// `npm ci`), and a better-sqlite3 build for Electron's ABI, kept in native/electron/ apart from the
// Node build the tests and the browser shell use. Both come from the internet when it is there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export const sqliteForElectron = () =>
  process.env.TB_REGISTER_ELECTRON_SQLITE ?? path.join(root, 'native', 'electron', 'better_sqlite3.node');

/**
 * The Electron binary, if there is one: ELECTRON_PATH when set (an Electron installed elsewhere),
 * else the npm package's; `require('electron')` throws when its binary was never downloaded.
 */
export function electronBinary() {
  if (process.env.ELECTRON_PATH) return fs.existsSync(process.env.ELECTRON_PATH) ? path.resolve(process.env.ELECTRON_PATH) : null;
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The last meaningful line a failed command printed: the reason, in one line. */
function reasonOf(result) {
  if (result.error) return result.error.message;
  const lines = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|HTTP|error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.status}`;
  return line.replace(/^Error:\s*/, '').slice(0, 160);
}

/** Runs Electron's own installer; returns null on success, else why it failed. */
export function installElectron() {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return result.status === 0 && electronBinary() ? null : reasonOf(result);
}

/**
 * Fetches better-sqlite3's prebuilt binary for this Electron version into native/electron/, working
 * in a scratch copy of the package so the Node build in node_modules stays untouched.
 * Returns null on success, else why it failed.
 */
export function fetchSqliteForElectron() {
  const target = sqliteForElectron();
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-sqlite-electron-'));
  try {
    fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), path.join(scratch, 'package.json'));
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', electronVersion],
      { cwd: scratch, encoding: 'utf8', timeout: 180_000 },
    );
    const built = path.join(scratch, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !fs.existsSync(built)) return reasonOf(result);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    return null;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
