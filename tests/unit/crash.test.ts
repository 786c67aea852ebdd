// Crash safety: a child process commits numbered dossiers and reports each commit; it is killed
// with SIGKILL at random moments, 50 times. After every kill the register passes integrity_check
// and holds every reported dossier, whole (its phase, ambitions and priority rows with it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { bundleForNode } from '../support/bundle';
import { SEED_FILE, tempDir } from '../support/register';

const KILLS = 50;
let WRITER = '';

beforeAll(() => {
  WRITER = bundleForNode('tests/support/crash-writer.ts', 'crash-writer');
});

/** Runs the writer until it has reported at least one commit, waits a random moment, kills it. */
function writeUntilKilled(file: string, first: number, seed: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), seed % 40);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (${code}): ${err}`));
      // Only whole lines are reports: a number half-written when the kill came was not reported.
      resolve(out.split('\n').slice(0, -1).map(Number));
    });
  });
}

it(`loses no committed dossier and stays intact when killed ${KILLS} times mid-write`, async () => {
  const file = path.join(tempDir(), 'register.sqlite');
  createSeededRegister(file, readSeed(SEED_FILE));
  const reported: number[] = [];
  let random = 12345;
  for (let kill = 0; kill < KILLS; kill++) {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    const first = 1000 * (kill + 1);
    reported.push(...(await writeUntilKilled(file, first, random)));

    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true }), `after kill ${kill + 1}`).toBe('ok');
    const titles = new Set(db.prepare(`SELECT title FROM dossier WHERE title LIKE 'Crash %'`).pluck().all() as string[]);
    for (const n of reported) expect(titles.has(`Crash ${n}`), `dossier ${n} after kill ${kill + 1}`).toBe(true);
    // Every crash dossier that exists is whole: the call's rows went in together or not at all.
    const broken = db
      .prepare(
        `SELECT d.title FROM dossier d WHERE d.title LIKE 'Crash %' AND (
           (SELECT count(*) FROM dossier_phase p WHERE p.dossier_id = d.id) <> 1 OR
           (SELECT count(*) FROM dossier_ambition a WHERE a.dossier_id = d.id) <> 2)`,
      )
      .all();
    expect(broken).toEqual([]);
    db.close();
  }
  expect(reported.length).toBeGreaterThan(KILLS);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}, 120_000);
