// npm run soak: the fuzz pass (fuzz.ts, in a child process of its own, run through tsx) and the SIGKILL loop
// (kill-loop.ts) side by side, then one summary table, the shrunk counterexamples, and the figures
// as JSON in tests/soak/results/. Exits 1 on any defect.
//   SOAK_CALLS=100000 SOAK_KILLS=1000 SOAK_SEED=… npm run soak
// Other knobs: SOAK_RENDER_EVERY (render the six documents after every n-th sequence, default 10),
// SOAK_SHRINK_SECONDS (time to shrink counterexamples, default 180), SOAK_SERIAL=1 (one pass after
// the other instead of side by side).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, tempDir } from '../support/register';
import { fuzzDefects, SOAK_NOW, type FuzzFigures, type FuzzOptions } from './fuzz';
import { runKillLoop, type KillFigures } from './kill-loop';

const env = process.env;
const int = (value: string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number.parseInt(value, 10));

interface FuzzOutcome {
  figures: FuzzFigures | null;
  /** The child died (signal, non-zero exit, or no result): a process death. */
  death: string | null;
}

function runFuzzChild(options: FuzzOptions): Promise<FuzzOutcome> {
  const dir = tempDir('tb-soak-run-');
  const resultFile = path.join(dir, 'fuzz.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests', 'soak', 'fuzz-child.ts'), JSON.stringify(options), resultFile], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const figures = fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as FuzzFigures) : null;
      fs.rmSync(dir, { recursive: true, force: true });
      const death = code === 0 && figures ? null : `fuzz process ended with ${signal ?? `exit code ${code}`}: ${tail.trim().split('\n').slice(-5).join(' | ')}`;
      resolve({ figures, death });
    });
  });
}

const fmt = (n: number) => n.toLocaleString('en-US');

function summaryRows(fuzz: FuzzFigures | null, deaths: number, kill: KillFigures): Array<[string, string, boolean]> {
  const f = fuzz;
  const row = (what: string, value: number | string, bad = false): [string, string, boolean] => [what, typeof value === 'number' ? fmt(value) : value, bad];
  return [
    row('calls generated', f ? f.calls : '-'),
    row('  accepted', f ? f.accepted : '-'),
    row('  refused', f ? f.refused : '-'),
    row('  sequences (fresh register each)', f ? f.sequences : '-'),
    row('crashes: exceptions out of invoke', f ? f.crashes : '-', !!f?.crashes),
    row('crashes: process deaths', deaths, deaths > 0),
    row('state changed by a refused call', f ? f.refusalStateChanges : '-', !!f?.refusalStateChanges),
    row('state changed by an accepted read', f ? f.readStateChanges : '-', !!f?.readStateChanges),
    row('read-back checks (accepted edits)', f ? f.readBackChecks : '-'),
    row('read-back mismatches', f ? f.readBackMismatches : '-', !!f?.readBackMismatches),
    row("'internal' errors in envelopes", f ? f.internalErrors : '-', !!f?.internalErrors),
    row('exports checked (docx/xlsx files)', f ? f.exportsChecked : '-'),
    row('XML parts checked', f ? f.xmlPartsChecked : '-'),
    row('invalid XML parts', f ? f.invalidXmlParts : '-', !!f?.invalidXmlParts),
    row('exports that failed', f ? f.exportFailures : '-', !!f?.exportFailures),
    row('register dump, mean ms', f ? f.dumpMsMean.toFixed(2) : '-'),
    row('kills (SIGKILL)', kill.kills),
    row('acknowledged commits', kill.acknowledged),
    row('  in flight at a kill, committed', kill.committedUnacknowledged),
    row('lost commits', kill.lostCommits, kill.lostCommits > 0),
    row('torn writes (in-flight call half done)', kill.tornWrites, kill.tornWrites > 0),
    row('integrity_check failures', kill.integrityFailures, kill.integrityFailures > 0),
    row('writer failures (refused or died)', kill.writerFailures, kill.writerFailures > 0),
    row('fuzz seconds (soak + shrink)', f ? `${f.soakSeconds.toFixed(0)} + ${f.shrinkSeconds.toFixed(0)}` : '-'),
    row('kill loop seconds', kill.seconds.toFixed(0)),
  ];
}

/** The exchange's property (issue 17) with thousands of generated histories, in a vitest child of its own. */
function runExchangeProperty(runs: number, seed: number): Promise<{ runs: number; failed: boolean; output: string; seconds: number }> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', 'tests/unit/exchange-property.test.ts'], {
      cwd: ROOT,
      env: { ...process.env, EXCHANGE_RUNS: String(runs), EXCHANGE_SEED: String(seed) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ runs, failed: code !== 0, output, seconds: (Date.now() - start) / 1000 }));
  });
}

async function main(): Promise<void> {
  const started = new Date();
  const seed = int(env.SOAK_SEED, Math.floor(Math.random() * 2 ** 31));
  const calls = int(env.SOAK_CALLS, 100_000);
  const kills = int(env.SOAK_KILLS, 1_000);
  const options: FuzzOptions = {
    calls,
    seed,
    now: SOAK_NOW,
    renderEvery: int(env.SOAK_RENDER_EVERY, 10),
    shrinkSeconds: int(env.SOAK_SHRINK_SECONDS, 180),
  };
  process.stdout.write(`Soak: ${fmt(calls)} calls, ${fmt(kills)} kills, clock ${SOAK_NOW}, seed ${seed}\n  reproduce: SOAK_SEED=${seed} SOAK_CALLS=${calls} SOAK_KILLS=${kills} npm run soak\n`);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const fuzzRun = () => runFuzzChild(options);
  const killRun = () => runKillLoop({ kills, seed, now: SOAK_NOW, progress: log });
  let fuzz: FuzzOutcome;
  let kill: KillFigures;
  if (env.SOAK_SERIAL === '1') {
    fuzz = await fuzzRun();
    kill = await killRun();
  } else {
    [fuzz, kill] = await Promise.all([fuzzRun(), killRun()]);
  }
  const exchangeRuns = int(env.SOAK_EXCHANGE_RUNS, 2_000);
  log(`Exchange property: ${fmt(exchangeRuns)} histories on two laptops and ${fmt(exchangeRuns)} on three…`);
  const exchange = await runExchangeProperty(exchangeRuns, seed);
  const seconds = (Date.now() - started.getTime()) / 1000;
  const deaths = fuzz.death ? 1 : 0;
  const rows = summaryRows(fuzz.figures, deaths, kill);
  rows.push(['exchange property: histories (2 + 3 laptops)', fmt(exchange.runs * 2), false], ['exchange property: failed', exchange.failed ? 'yes' : '0', exchange.failed], ['exchange property seconds', exchange.seconds.toFixed(0), false]);
  const width = Math.max(...rows.map(([w]) => w.length));
  const table = rows.map(([what, value, bad]) => `${what.padEnd(width)}  ${value.padStart(9)}${bad ? '  <- defect' : ''}`).join('\n');
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
  process.stdout.write(`\n${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine.cpus} × ${machine.cpuModel} · Node ${machine.node} · seed ${seed} · ${seconds.toFixed(0)} s\n\n${table}\n`);

  const examples = fuzz.figures?.counterexamples ?? [];
  if (examples.length) process.stdout.write(`\nDefects found (${examples.length} kinds), smallest runs that show them:\n`);
  for (const c of examples) {
    process.stdout.write(`\n* ${c.signature} — seen ${fmt(c.seen)}×${c.shrunk ? '' : ' (not shrunk)'}\n  ${c.detail}\n`);
    for (const line of c.lines) {
      process.stdout.write(`    ${line.length > 400 ? `${line.slice(0, 400)}…` : line}\n`);
    }
  }
  if (fuzz.death) process.stdout.write(`\n* process death: ${fuzz.death}\n`);
  if (exchange.failed) process.stdout.write(`\n* exchange property (EXCHANGE_SEED=${seed} EXCHANGE_RUNS=${exchange.runs} npx vitest run tests/unit/exchange-property.test.ts):\n${exchange.output}\n`);
  for (const finding of kill.findings) process.stdout.write(`\n* kill loop: ${finding}\n`);

  const defects = (fuzz.figures ? fuzzDefects(fuzz.figures) : 0) + (exchange.failed ? 1 : 0) + deaths + kill.lostCommits + kill.tornWrites + kill.integrityFailures + kill.writerFailures;
  const outDir = path.join(ROOT, 'tests', 'soak', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const json = path.join(outDir, `soak-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const result = {
    started: started.toISOString(),
    seconds,
    seed,
    clock: SOAK_NOW,
    machine,
    options,
    kills,
    defects,
    processDeaths: deaths,
    processDeath: fuzz.death,
    fuzz: fuzz.figures && { ...fuzz.figures, counterexamples: undefined },
    killLoop: kill,
    exchangeProperty: { runs: exchange.runs, failed: exchange.failed, seconds: exchange.seconds },
    counterexamples: examples.map(({ calls: _calls, ...c }) => c),
    table: rows.map(([what, value, bad]) => ({ what, value, defect: bad })),
  };
  fs.writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\n${defects === 0 ? 'No defects.' : `${fmt(defects)} defect(s).`} Figures: ${path.relative(ROOT, json)}\n`);
  process.exitCode = defects === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
