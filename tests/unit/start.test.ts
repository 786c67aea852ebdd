// npm start on a machine without the Electron binary: one line of explanation, then the browser
// shell on the embedded default register, created and seeded in the user's data folder on first start.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/register';

function startOnce(home: string): Promise<{ lines: string[]; url: string; stop: () => Promise<void> }> {
  const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, TB_REGISTER_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no address:\n${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)$/m.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        lines: out.split('\n').filter((l) => l.startsWith('TB-register')),
        url: `${match[1]}api/invoke|${match[2]}`,
        stop: () =>
          new Promise((done) => {
            child.on('exit', () => done());
            process.kill(-child.pid!, 'SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}

describe('npm start without Electron', () => {
  it('explains the fallback in one line and serves the seeded default register', async () => {
    const home = tempDir();
    const started = await startOnce(home);
    try {
      expect(started.lines[0]).toMatch(/^TB-register: .*Electron.*; serving the same app in the browser shell instead\.$/);
      expect(fs.existsSync(path.join(home, 'register.sqlite'))).toBe(true);
      const [url, token] = started.url.split('|') as [string, string];
      const reply = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tb-token': token },
        body: JSON.stringify({ name: 'register.info' }),
      });
      const info = (await reply.json()) as { ok: boolean; value: { path: string; counts: { dossiers: number } } };
      expect(info.value.path).toBe(path.join(home, 'register.sqlite'));
      expect(info.value.counts.dossiers).toBe(15);
    } finally {
      await started.stop();
    }
  }, 90_000);
});
