// npm start: the Electron window where Electron can run, else the browser shell, said in one line.
// Where Electron's binary or its better-sqlite3 build is missing, it first tries to fetch them.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, fetchSqliteForElectron, installElectron, sqliteForElectron } from './electron-runtime.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Electron and its sqlite build, fetched when missing; or the reason we cannot have them. */
function electronRuntime() {
  let electron = electronBinary();
  if (!electron) {
    const failure = installElectron();
    electron = electronBinary();
    if (!electron) return { why: `the Electron binary is not installed and could not be downloaded (${failure})` };
  }
  const sqlite = sqliteForElectron();
  if (!fs.existsSync(sqlite)) {
    const failure = fetchSqliteForElectron();
    if (!fs.existsSync(sqlite)) return { why: `Electron is installed but no better-sqlite3 build for it could be fetched (${failure})` };
  }
  return { electron, sqlite };
}

run('npm', ['run', '-s', 'build:renderer', '--', '--logLevel', 'warn']);
const runtime = electronRuntime();
if (runtime.electron) {
  run('npm', ['run', '-s', 'build:electron']);
  const child = spawn(runtime.electron, [root, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, TB_REGISTER_ELECTRON_SQLITE: runtime.sqlite } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`TB-register: ${runtime.why}; serving the same app in the browser shell instead.`);
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['electron/web.ts', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
