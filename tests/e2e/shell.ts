// A fixture that runs the real browser shell (tsx electron/web.ts) on a fresh seeded register.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Shell {
  url: string;
  dbFile: string;
}

async function startShell(env: NodeJS.ProcessEnv): Promise<{ shell: Shell; child: ChildProcess }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-e2e-'));
  const dbFile = path.join(dir, 'register.sqlite');
  const seeded = spawnSync(TSX, ['electron/cli.ts', 'seed', '--db', dbFile], { cwd: ROOT, encoding: 'utf8', env });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const child = spawn(TSX, ['electron/web.ts', '--db', dbFile, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start: ${out}${err}`)), 20_000);
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
  return { shell: { url, dbFile }, child };
}

export const test = base.extend<{ shell: Shell }>({
  shell: async ({}, use) => {
    const { shell, child } = await startShell({ ...process.env, TB_REGISTER_NOW: '2026-11-30T10:00:00' });
    await use(shell);
    child.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
