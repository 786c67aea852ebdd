// npm start: the Electron window where Electron can run, else the browser shell, said in one line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary, if its installer could fetch it; `require('electron')` throws when it could not. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const sqliteForElectron = process.env.TB_REGISTER_ELECTRON_SQLITE ?? path.join(root, 'native', 'electron', 'better_sqlite3.node');
const electron = electronBinary();

run('npm', ['run', '-s', 'build:renderer', '--', '--logLevel', 'warn']);
if (electron && fs.existsSync(sqliteForElectron)) {
  run('npm', ['run', '-s', 'build:electron']);
  const child = spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, TB_REGISTER_ELECTRON_SQLITE: sqliteForElectron } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = electron
    ? `no better-sqlite3 build for Electron at ${path.relative(root, sqliteForElectron)}`
    : 'the Electron binary is not installed and cannot be downloaded here';
  console.log(`TB-register: ${why}; serving the same app in the browser shell instead.`);
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['electron/web.ts', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
