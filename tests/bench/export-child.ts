// One export, measured in a process of its own (so its peak RSS is its own): either ours, the
// whole way a user's export goes (export.start through the handler table, snapshot, model, layout,
// writer, temp file, fsync, rename), or the bare library document of the same content.
//   node export-child.cjs '{"file":…,"document":"rapportage","format":"xlsx","mode":"ours","runs":3}'
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, handlerGroups } from '../../electron/api';
import { ExportJobs } from '../../electron/export/export-jobs';
import { layoutFor } from '../../electron/export/render';
import { fixedClock } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { readSnapshot } from '../../electron/register/snapshot';
import type { ExportDocument, ExportFormat } from '../../shared/exports';
import { bareDocx, bareXlsx } from './bare-documents';
import { BENCH_NOW } from './generate';
import { peakRssMb } from './stats';

interface Request {
  file: string;
  document: ExportDocument;
  format: ExportFormat;
  mode: 'ours' | 'bare';
  runs: number;
  warmup: number;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]!) as Request;
  const reg = openRegister(request.file, { clock: fixedClock(BENCH_NOW) });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-export-'));
  const date = BENCH_NOW.slice(0, 10);
  let once: () => Promise<number>;
  if (request.mode === 'ours') {
    const jobs = new ExportJobs();
    const api = createApi(reg, handlerGroups(jobs));
    once = async () => {
      const started = api.invoke('export.start', { what: [request.document], formats: [request.format], outDir, date, overwrite: true });
      if (!started.ok) throw new Error(JSON.stringify(started.error));
      const job = await jobs.settled((started.value as { id: string }).id);
      if (job.state !== 'done') throw new Error(JSON.stringify(job.error));
      return fs.statSync(job.files[0]!).size;
    };
  } else {
    const spec = layoutFor(readSnapshot(reg), request.document, request.format, date);
    const target = path.join(outDir, `bare.${request.format}`);
    once = async () => {
      const data = request.format === 'docx' ? await bareDocx(spec as never) : await bareXlsx(spec as never);
      fs.writeFileSync(target, data);
      return data.length;
    };
  }
  const rssBeforeMb = peakRssMb();
  let bytes = 0;
  for (let i = 0; i < request.warmup; i++) bytes = await once();
  const samples: number[] = [];
  for (let i = 0; i < request.runs; i++) {
    const start = performance.now();
    bytes = await once();
    samples.push(performance.now() - start);
  }
  reg.close();
  fs.rmSync(outDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ samples, bytes, rssBeforeMb, peakRssMb: peakRssMb() })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
