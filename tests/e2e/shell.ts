// A fixture that runs the real browser shell (tsx electron/web.ts) on a fresh register: the 2024
// seed, or with `registerSize` extra generated dossiers. Exports land in `exportDir`; "open" runs
// a small recorder instead of the desktop's file opener and writes what it was asked to open.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import Database from 'better-sqlite3';
import { callShell } from '../support/shell-call';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Shell {
  url: string;
  dbFile: string;
  exportDir: string;
  /** Where the recorder writes the paths it was asked to open. */
  openedLog: string;
  /**
   * Reads what the register holds on disk while the shell runs. The shell holds the register for
   * itself alone (a second program cannot open it), so this asks the shell for a backup (SQLite's
   * backup API, a consistent copy of every committed row) and reads that.
   */
  readRegister<T>(read: (db: Database.Database) => T): Promise<T>;
  /** Kills the shell without warning (SIGKILL, as a crash or a power cut) and starts it again on the same register and user folder: a new port, a new token, a new `url`. */
  crashAndRestart(): Promise<void>;
}

async function readThroughBackup<T>(url: string, dbFile: string, read: (db: Database.Database) => T): Promise<T> {
  const backup = await callShell<{ name: string }>(url, 'backup.create', {});
  const db = new Database(path.join(path.dirname(dbFile), 'backups', backup.name), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Overwrites part of the dossier table's first page, as a failing disk would. */
function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const header = Buffer.alloc(100);
  fs.readSync(fd, header, 0, 100, 0);
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  // Pages 5-8 hold the first register tables; garble them all.
  for (let page = 5; page <= 8; page++) fs.writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, (page - 1) * pageSize + 8);
  fs.closeSync(fd);
}

/** The profile the tests work as, unless a test asks for a first start (null). */
export const TEST_PROFILE = { name: 'Secretariaat TB', role: 'secretaris' } as const;

async function startShell(env: NodeJS.ProcessEnv, extra: number, damaged: boolean, profile: typeof TEST_PROFILE | null): Promise<{ shell: Shell; child: () => ChildProcess }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-e2e-'));
  // The user's data folder of this run: its profile.json says who works here.
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  if (profile) fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify(profile));
  const dbFile = path.join(dir, 'register.sqlite');
  const exportDir = path.join(dir, 'exports');
  fs.mkdirSync(exportDir);
  const openedLog = path.join(dir, 'opened.txt');
  const opener = path.join(dir, 'open-recorder.sh');
  fs.writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${openedLog}'\n`, { mode: 0o755 });
  const made = spawnSync(TSX, ['tests/e2e/make-register.ts', dbFile, String(extra)], { cwd: ROOT, encoding: 'utf8', env });
  if (made.status !== 0) throw new Error(`making the register failed: ${made.stderr}`);
  if (damaged) {
    const backup = spawnSync(TSX, ['electron/cli.ts', 'backup', '--db', dbFile], { cwd: ROOT, encoding: 'utf8', env: { ...env, TB_REGISTER_HOME: home } });
    if (backup.status !== 0) throw new Error(`backup failed: ${backup.stderr}`);
    damage(dbFile);
  }
  const launch = () => launchWeb(env, dbFile, home, exportDir, opener);
  let running = await launch();
  const shell: Shell = {
    url: running.url,
    dbFile,
    exportDir,
    openedLog,
    readRegister: (read) => readThroughBackup(shell.url, dbFile, read),
    async crashAndRestart() {
      // tsx runs the shell in a child of its own: the whole process group dies, as in a crash.
      const exited = new Promise((resolve) => running.child.once('exit', resolve));
      process.kill(-running.child.pid!, 'SIGKILL');
      await exited;
      running = await launch();
      shell.url = running.url;
    },
  };
  return { shell, child: () => running.child };
}

/** The browser shell on `dbFile`, its user folder `home`; resolves with the address it prints. */
async function launchWeb(env: NodeJS.ProcessEnv, dbFile: string, home: string, exportDir: string, opener: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(TSX, ['electron/web.ts', '--db', dbFile, '--port', '0'], {
    cwd: ROOT,
    env: { ...env, TB_REGISTER_HOME: home, TB_REGISTER_EXPORT_DIR: exportDir, TB_REGISTER_OPENER: opener },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a crash can take tsx and the shell it runs at once.
    detached: true,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start: ${out}${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser shell exited with ${code}: ${err}`)));
  });
  return { url, child };
}

/**
 * A second laptop in the same test (issue 17: the chair's): the browser shell on a copy of `from`'s
 * register as it is now (through a backup, the shell holding the register), or (`own`) on a
 * register of its own, with its own user folder and profile, so its own device. Stop it when done.
 */
export async function secondLaptop(from: Shell, profile: { name: string; role: string }, own = false): Promise<{ url: string; dbFile: string; dir: string; stop(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-e2e-laptop-'));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, 'profile.json'), JSON.stringify(profile));
  const dbFile = path.join(dir, 'register.sqlite');
  if (own) {
    // A register of its own (a new laptop seeded apart): another register than `from`'s.
    const made = spawnSync(TSX, ['tests/e2e/make-register.ts', dbFile, '0'], { cwd: ROOT, encoding: 'utf8', env: process.env });
    if (made.status !== 0) throw new Error(`making the register failed: ${made.stderr}`);
  } else {
    const backup = await callShell<{ name: string }>(from.url, 'backup.create', {});
    fs.copyFileSync(path.join(path.dirname(from.dbFile), 'backups', backup.name), dbFile);
  }
  const opener = path.join(dir, 'open-recorder.sh');
  fs.writeFileSync(opener, '#!/bin/sh\n', { mode: 0o755 });
  const running = await launchWeb({ ...process.env, TB_REGISTER_NOW: '2026-11-30T10:00:00' }, dbFile, home, dir, opener);
  return {
    url: running.url,
    dbFile,
    dir,
    stop() {
      try {
        process.kill(-running.child.pid!, 'SIGTERM');
      } catch {
        running.child.kill('SIGTERM');
      }
    },
  };
}

export const test = base.extend<{ shell: Shell; registerSize: number; registerDamaged: boolean; profile: typeof TEST_PROFILE | null }>({
  registerSize: [0, { option: true }],
  /** Backed up, then damaged on disk before the shell opens it. */
  registerDamaged: [false, { option: true }],
  /** Who works on this computer; null: nobody has said yet (a first start). */
  profile: [TEST_PROFILE, { option: true }],
  shell: async ({ registerSize, registerDamaged, profile }, use) => {
    const { shell, child } = await startShell({ ...process.env, TB_REGISTER_NOW: '2026-11-30T10:00:00' }, registerSize, registerDamaged, profile);
    await use(shell);
    // The whole group: tsx and the shell it runs.
    try {
      process.kill(-child().pid!, 'SIGTERM');
    } catch {
      child().kill('SIGTERM');
    }
  },
});

export { expect } from '@playwright/test';
