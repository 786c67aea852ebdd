// The SIGKILL loop: a writer child (kill-writer.ts) writes through the api and logs each call
// before it is made and after it returned ok, fsynced; it is killed with SIGKILL at a random
// moment, again and again. After every kill the register file is reopened, passes
// integrity_check, and holds every acknowledged write: the verifier replays the log into a model
// (key -> value; undo and redo flip the writer's own previous call), settles the one call that was
// in flight when the kill came (it either took effect whole or not at all), and compares every key
// the model knows with the register on disk.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSeededRegister, readSeed } from '../../electron/register/seed';
import { fixedClock } from '../../electron/register/clock';
import { bundleForNode } from '../support/bundle';
import { SEED_FILE, tempDir } from '../support/register';
import { keyName, readKey, type Intent, type Key, type Value } from './kill-keys';

export interface KillOptions {
  kills: number;
  seed: number;
  now: string;
  progress?: (line: string) => void;
}

export interface KillFigures {
  kills: number;
  acknowledged: number;
  /** Calls in flight at a kill that had committed (fine: the acknowledgement never came). */
  committedUnacknowledged: number;
  lostCommits: number;
  /** An in-flight call that took effect in part, or a key whose value no write explains. */
  tornWrites: number;
  integrityFailures: number;
  writerFailures: number;
  seconds: number;
  findings: string[];
}

interface Step {
  key: Key;
  before: Value;
  after: Value;
}

/** The writes a run has acknowledged, as values per key, and the writer's own last step for undo/redo. */
class Model {
  readonly values = new Map<string, { key: Key; value: Value }>();
  last: Step | null = null;

  /** Starts from the seeded register: every field the writer can touch, as it is before any write. */
  constructor(db: Database.Database) {
    for (let number = 1; number <= 15; number++) {
      for (const kind of ['dossierNote', 'dossierPhase', 'dossierPriority'] as const) this.set({ kind, number }, readKey(db, { kind, number }));
    }
    for (let number = 1; number <= 10; number++) {
      for (const kind of ['actiepuntStatus', 'actiepuntRemarks'] as const) this.set({ kind, number }, readKey(db, { kind, number }));
    }
  }

  /** The acknowledged value; a title or text no create has made does not exist. */
  value(key: Key): Value {
    const known = this.values.get(keyName(key));
    return known ? known.value : false;
  }

  set(key: Key, value: Value): void {
    this.values.set(keyName(key), { key, value });
  }

  /** The step this intent would make, given the model as it is. */
  step(intent: Intent): Step | null {
    if (intent.op === 'write') return { key: intent.key, before: this.value(intent.key), after: intent.value };
    // Undo flips the writer's previous write; redo flips that undo back.
    return this.last && { key: this.last.key, before: this.last.after, after: this.last.before };
  }

  apply(step: Step): void {
    this.set(step.key, step.after);
    this.last = step;
  }
}

export async function runKillLoop(options: KillOptions): Promise<KillFigures> {
  const started = performance.now();
  const log = options.progress ?? (() => undefined);
  const writer = bundleForNode('tests/soak/kill-writer.ts', 'soak-kill-writer');
  const dir = tempDir('tb-soak-kill-');
  const file = path.join(dir, 'register.sqlite');
  const logFile = path.join(dir, 'acks.log');
  createSeededRegister(file, readSeed(SEED_FILE), { clock: fixedClock(options.now) });
  fs.writeFileSync(logFile, '');
  const figures: KillFigures = {
    kills: 0,
    acknowledged: 0,
    committedUnacknowledged: 0,
    lostCommits: 0,
    tornWrites: 0,
    integrityFailures: 0,
    writerFailures: 0,
    seconds: 0,
    findings: [],
  };
  // One read-only connection between kills, closed while the writer runs.
  const reader: { db: Database.Database | null } = { db: null };
  const open = () => (reader.db ??= new Database(file, { readonly: true }));
  const close = () => {
    reader.db?.close();
    reader.db = null;
  };
  const model = new Model(open());
  let random = options.seed >>> 0 || 1;
  const next = () => (random = (Math.imul(random, 1103515245) + 12345) >>> 0);
  let read = 0;
  let seq = 1;

  for (let kill = 0; kill < options.kills; kill++) {
    close();
    const outcome = await writeUntilKilled(writer, [file, logFile, String(seq), String(next()), options.now], next());
    if (outcome.failure) {
      figures.writerFailures++;
      figures.findings.push(`writer ended by itself before kill ${kill + 1}: ${outcome.failure}`);
    }
    figures.kills++;

    // Reopen (read-write once, so the WAL is recovered as the app would), then check.
    const check = new Database(file);
    const integrity = (check.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    check.close();
    if (integrity !== 'ok') {
      figures.integrityFailures++;
      figures.findings.push(`integrity_check after kill ${kill + 1}: ${integrity}`);
    }

    // The log's whole lines since the last kill; a line cut short by the kill is dropped from the file.
    const text = fs.readFileSync(logFile, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) fs.truncateSync(logFile, Buffer.byteLength(text.slice(0, end)));
    const lines = text.slice(read, end).split('\n').filter(Boolean);
    read = end;
    let pending: Intent | null = null;
    for (const line of lines) {
      if (line.startsWith('B ')) {
        pending = JSON.parse(line.slice(2)) as Intent;
        seq = pending.seq + 1;
      } else if (line.startsWith('A ') && pending && Number(line.slice(2)) === pending.seq) {
        const step = model.step(pending);
        if (step) model.apply(step);
        figures.acknowledged++;
        pending = null;
      }
    }
    // The call in flight: committed whole or not at all.
    if (pending) {
      const step = model.step(pending);
      if (step) {
        const now = readKey(open(), step.key);
        if (now === step.after) {
          model.apply(step);
          figures.committedUnacknowledged++;
        } else if (now !== step.before) {
          figures.tornWrites++;
          figures.findings.push(`kill ${kill + 1}: in-flight ${pending.call} left ${keyName(step.key)} = ${JSON.stringify(now)}, neither ${JSON.stringify(step.before)} nor ${JSON.stringify(step.after)}`);
          model.set(step.key, now);
        }
      }
    }
    // Every key's acknowledged value is on disk.
    for (const { key, value } of model.values.values()) {
      const now = readKey(open(), key);
      if (now !== value) {
        figures.lostCommits++;
        if (figures.findings.length < 50) figures.findings.push(`kill ${kill + 1}: ${keyName(key)} is ${JSON.stringify(now)}, acknowledged ${JSON.stringify(value)}`);
        model.set(key, now);
      }
    }
    if ((kill + 1) % 100 === 0) log(`  kills: ${kill + 1}, ${figures.acknowledged} acknowledged, ${figures.lostCommits} lost, ${Math.round((performance.now() - started) / 1000)} s`);
  }
  close();
  fs.rmSync(dir, { recursive: true, force: true });
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

/**
 * Runs the writer and kills it with SIGKILL: mostly a random 0-60 ms after it is ready (mid-write),
 * sometimes a random moment after it starts (while it opens the register).
 */
function writeUntilKilled(writer: string, args: string[], random: number): Promise<{ failure: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const early = random % 10 === 0;
    const delay = early ? random % 250 : random % 61;
    let timer: NodeJS.Timeout | undefined;
    if (early) timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.stdout.once('data', () => {
      if (!early) timer = setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ failure: signal === 'SIGKILL' ? null : `exit ${code}: ${err.trim().slice(0, 500)}` });
    });
  });
}
