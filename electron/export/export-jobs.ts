// Export jobs: started by one contract call, followed by another. The start reads the register
// in its own transaction and checks the target folder, so a bad request fails at once; the files
// are rendered afterwards, off the register, each to a temporary name. Only when every file has
// rendered are they moved into place: a failed export leaves the folder as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/contract';
import { RegisterError, type CallError } from '../../shared/errors';
import { exportFileName, type ExportDocument, type ExportFormat, type ExportJob } from '../../shared/exports';
import type { RegisterSnapshot } from '../../shared/report/snapshot';
import { today } from '../register/clock';
import type { Register } from '../register/db';
import { readSnapshot } from '../register/snapshot';
import { alreadyExists, commitTemp, writeTemp } from './atomic-file';
import { renderExport } from './render';

/** How many finished jobs are remembered for a late status call. */
const KEEP_FINISHED = 20;

interface Planned {
  document: ExportDocument;
  format: ExportFormat;
  target: string;
}

export type ExportRenderer = typeof renderExport;

export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly render: ExportRenderer = renderExport) {}

  /** Checks the request, takes the snapshot, and starts rendering; returns the job as it starts. */
  start(reg: Register, input: ParsedInput<'export.start'>): ExportJob {
    const outDir = canonicalFolder(input.outDir);
    const date = input.date ?? today(reg.clock);
    const planned: Planned[] = input.what.flatMap((document) =>
      input.formats.map((format) => ({ document, format, target: path.join(outDir, exportFileName(document, format, date)) })),
    );
    if (!input.overwrite) {
      const taken = planned.find((p) => fs.existsSync(p.target));
      if (taken) throw alreadyExists(taken.target);
    }
    const snapshot = readSnapshot(reg);
    const job: ExportJob = {
      id: crypto.randomBytes(16).toString('hex'),
      state: 'running',
      done: 0,
      total: planned.length * 2,
      current: null,
      date,
      outDir,
      files: planned.map((p) => p.target),
      error: null,
    };
    this.remember(job);
    // Rendering starts after this call (and its transaction) has returned.
    this.running.set(
      job.id,
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.run(job, snapshot, planned, input.overwrite))
        .finally(() => this.running.delete(job.id)),
    );
    return { ...job };
  }

  status(id: string): ExportJob {
    const job = this.jobs.get(id);
    if (!job) throw new RegisterError('not_found', `There is no export job ${id}.`, 'id');
    return { ...job, files: [...job.files] };
  }

  /** A file a finished job wrote, by its place in job.files; nothing else can be opened this way. */
  writtenFile(id: string, index: number): string {
    const job = this.status(id);
    const file = job.files[index];
    if (job.state !== 'done' || file === undefined || !fs.existsSync(file)) {
      throw new RegisterError('not_found', `Export ${id} has no written file ${index}.`, 'file');
    }
    return file;
  }

  /** Resolves when the job has finished, done or failed (for the CLI and tests in-process). */
  async settled(id: string): Promise<ExportJob> {
    await this.running.get(id);
    return this.status(id);
  }

  private async run(job: ExportJob, snapshot: RegisterSnapshot, planned: Planned[], overwrite: boolean): Promise<void> {
    const temps: string[] = [];
    const committed: string[] = [];
    try {
      for (const p of planned) {
        job.current = path.basename(p.target);
        const data = await this.render(snapshot, p.document, p.format, job.date);
        job.done++;
        temps.push(writeTemp(p.target, data));
        job.done++;
      }
      planned.forEach((p, i) => {
        commitTemp(temps[i]!, p.target, overwrite);
        committed.push(p.target);
      });
      job.state = 'done';
      job.current = null;
    } catch (error) {
      for (const temp of temps) fs.rmSync(temp, { force: true });
      job.state = 'failed';
      job.error = toCallError(error);
      // Files moved into place before the failure are whole; report only those.
      job.files = committed;
    }
  }

  private remember(job: ExportJob): void {
    this.jobs.set(job.id, job);
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old.id);
  }
}

/** The folder as the file system names it (symlinks resolved); it must exist and be a folder. */
function canonicalFolder(folder: string): string {
  let real: string;
  try {
    real = fs.realpathSync.native(path.resolve(folder));
  } catch {
    throw new RegisterError('not_found', `outDir: the folder ${folder} does not exist.`, 'outDir');
  }
  if (!fs.statSync(real).isDirectory()) throw new RegisterError('invalid_input', `outDir: ${folder} is not a folder.`, 'outDir');
  return real;
}

function toCallError(error: unknown): CallError {
  if (error instanceof RegisterError) return error.toCallError();
  const e = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'there is no permission to write there',
    EPERM: 'there is no permission to write there',
    EROFS: 'the folder is read-only',
  };
  const reason = e?.code ? reasons[e.code] : undefined;
  return {
    code: 'internal',
    message: reason ? `The export could not be written: ${reason}. Nothing was changed.` : `The export failed: ${e?.message ?? String(error)}`,
  };
}
