// The meeting pack (issue 13), measured in a process of its own (so its peak RSS is its own): an
// evaluatiemoment whose agenda is vastgesteld, its whole pack written through the real handler
// table (meeting.pack, then the job), beside the same documents exported one by one (export.start).
//   node pack-child.cjs '{"file":"seed"|FILE,"runs":3,"warmup":1,"mode":"pack"|"singles"}'
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, handlerGroups, type Api } from '../../electron/api';
import { ExportJobs } from '../../electron/export/export-jobs';
import { fixedClock } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { createSeededRegister, defaultSeedFile, readSeed } from '../../electron/register/seed';
import { resourcesDir } from '../../electron/source-paths';
import type { ExportJob } from '../../shared/exports';
import type { Meeting } from '../../shared/meeting';
import { BENCH_NOW } from './generate';
import { peakRssMb } from './stats';

interface Request {
  file: string;
  runs: number;
  warmup: number;
  mode: 'pack' | 'singles';
}

/** The bench runs from the repository's root (the bundled child has no import.meta.dirname). */
const ROOT = process.cwd();
const MEETING_DATE = '2026-12-07';

function call<T>(api: Api, name: string, input: unknown): T {
  const r = api.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A copy of the register (or the 2024 seed, after a meeting held), with an evaluatiemoment whose agenda is vastgesteld. */
function scene(request: Request, dir: string, api: (file: string) => { api: Api; close: () => void }) {
  const file = path.join(dir, 'register.sqlite');
  if (request.file === 'seed') createSeededRegister(file, readSeed(defaultSeedFile(resourcesDir(ROOT))), { clock: fixedClock(BENCH_NOW) });
  else fs.copyFileSync(request.file, file);
  const { api: a, close } = api(file);
  if (request.file === 'seed') {
    // The 2024 register that has lived a little: a meeting held, a phase moved, an actiepunt given.
    const held = call<Meeting>(a, 'meeting.create', { date: '2026-11-20' });
    call(a, 'meeting.setState', { number: held.number, state: 'agenda_vastgesteld' });
    call(a, 'meeting.setState', { number: held.number, state: 'in_vergadering' });
    call(a, 'outcome.add', { item: held.items[0]!.id, kind: 'besluit', text: 'De agenda wordt vastgesteld.' });
    call(a, 'meeting.setState', { number: held.number, state: 'afgerond' });
    call(a, 'dossier.setPhase', { number: 3, state: { phase: 'implementatie' } });
    call(a, 'actiepunt.create', { text: 'Planning wallet-pilot delen met het TB.', owners: ['Logius'] });
  }
  const m = call<Meeting>(a, 'meeting.create', { date: MEETING_DATE, kind: 'evaluatiemoment' });
  call(a, 'meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
  return { api: a, close, number: m.number };
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]!) as Request;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-pack-'));
  const jobs = new ExportJobs();
  const { api, close, number } = scene(request, dir, (file) => {
    const reg = openRegister(file, { clock: fixedClock(BENCH_NOW) });
    return { api: createApi(reg, handlerGroups(jobs)), close: () => reg.close() };
  });
  const settle = async (started: ExportJob): Promise<ExportJob> => {
    const job = await jobs.settled(started.id);
    if (job.state !== 'done') throw new Error(JSON.stringify(job.error));
    return job;
  };
  let n = 0;
  // Each run writes into an empty folder: the whole version rendered and written.
  const once = async (): Promise<{ bytes: number; files: number }> => {
    const outDir = path.join(dir, `out-${n++}`);
    fs.mkdirSync(outDir);
    const jobsDone: ExportJob[] = [];
    if (request.mode === 'pack') {
      jobsDone.push(await settle(call<ExportJob>(api, 'meeting.pack', { meeting: number, outDir })));
    } else {
      for (const what of ['bijlage1', 'bijlage2', 'rapportage'] as const) {
        for (const format of ['docx', 'xlsx'] as const) {
          jobsDone.push(await settle(call<ExportJob>(api, 'export.start', { what: [what], formats: [format], date: MEETING_DATE, outDir })));
        }
      }
    }
    const files = jobsDone.flatMap((j) => j.files);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    fs.rmSync(outDir, { recursive: true, force: true });
    return { bytes, files: files.length };
  };
  const rssBeforeMb = peakRssMb();
  let last = { bytes: 0, files: 0 };
  for (let i = 0; i < request.warmup; i++) last = await once();
  const samples: number[] = [];
  for (let i = 0; i < request.runs; i++) {
    const start = performance.now();
    last = await once();
    samples.push(performance.now() - start);
  }
  close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ samples, ...last, rssBeforeMb, peakRssMb: peakRssMb() })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
