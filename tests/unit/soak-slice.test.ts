// A slice of the soak (tests/soak, `npm run soak`) in every test run: the same fuzz pass over about
// 2,000 generated calls and the same SIGKILL loop with 20 kills. Any defect fails the test with
// its shrunk counterexample; SOAK_SEED=… reproduces a run.
import { expect, it } from 'vitest';
import { runFuzz, SOAK_NOW } from '../soak/fuzz';
import { runKillLoop } from '../soak/kill-loop';

const seed = Number(process.env.SOAK_SEED ?? 20261130);

it(`fuzz: 2,000 generated calls through the api break nothing (seed ${seed})`, async () => {
  const f = await runFuzz({ calls: 2_000, seed, now: SOAK_NOW, renderEvery: 10, shrinkSeconds: 25 });
  expect(f.calls).toBeGreaterThanOrEqual(2_000);
  // Enough of it lands: a fuzz that only collects refusals proves little.
  expect(f.accepted / f.calls).toBeGreaterThan(0.3);
  expect(f.exportsChecked).toBeGreaterThan(50);
  const defects = f.counterexamples.map((c) => `${c.signature} (${c.seen}×): ${c.detail}\n${c.lines.map((line) => `  ${line.slice(0, 300)}`).join('\n')}`);
  expect(defects, `seed ${seed}`).toEqual([]);
}, 90_000);

it(`SIGKILL: 20 kills mid-write lose no acknowledged commit (seed ${seed})`, async () => {
  const k = await runKillLoop({ kills: 20, seed, now: SOAK_NOW });
  expect(k.kills).toBe(20);
  expect(k.acknowledged).toBeGreaterThan(20);
  expect(k.findings).toEqual([]);
  expect({ lost: k.lostCommits, torn: k.tornWrites, integrity: k.integrityFailures, writer: k.writerFailures }).toEqual({ lost: 0, torn: 0, integrity: 0, writer: 0 });
}, 60_000);
