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
import { today } from '../register/clock';
import type { Register } from '../register/db';
import { readSnapshot } from '../register/snapshot';
import { alreadyExists, commitTemps, nameTaken, notAFile, notReplaceable, writeTemp, type TempFile } from './atomic-file';
import { TempNote, tempNameFor } from '../leftovers';
import { renderExport } from './render';
import type { Profile } from '../../shared/domain';
import { packFolderName } from '../../shared/pack';
import { manifestFile, planPack, renderPackFile, settlePack } from './pack';
import { MANIFEST, packPlace, standsAlready, writeVersion } from './pack-folder';

/** How many finished jobs are remembered for a late status call. */
const KEEP_FINISHED = 20;

interface Planned extends TempFile {
  document: ExportDocument;
  format: ExportFormat;
}

export type ExportRenderer = typeof renderExport;

export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  private readonly running = new Map<string, Promise<void>>();
  /** What each finished job wrote, as the file system identifies it, so export.open opens only that. */
  private readonly written = new Map<string, FileIdentity[]>();

  constructor(private readonly render: ExportRenderer = renderExport) {}

  /** Checks the request, takes the snapshot, and starts rendering; returns the job as it starts. */
  start(reg: Register, input: ParsedInput<'export.start'>): ExportJob {
    const outDir = canonicalFolder(input.outDir);
    const date = input.date ?? today(reg.clock);
    const planned: Planned[] = input.what.flatMap((document) =>
      input.formats.map((format) => {
        const target = path.join(outDir, exportFileName(document, format, date));
        return { document, format, target, temp: tempNameFor(target), keep: tempNameFor(target) };
      }),
    );
    for (const p of planned) {
      const blocker = notAFile(p.target);
      if (blocker) throw notReplaceable(p.target, blocker);
      if (!input.overwrite && nameTaken(p.target)) throw alreadyExists(p.target);
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
      pack: null,
    };
    this.launch(reg, job, planned.flatMap((p) => [p.temp, p.keep]), async () => {
      for (const p of planned) {
        job.current = path.basename(p.target);
        const data = await this.render(snapshot, p.document, p.format, job.date);
        job.done++;
        writeTemp(p.temp, data);
        job.done++;
      }
      // All rendered and flushed: now the whole set takes its names, or none of it does.
      commitTemps(planned, input.overwrite);
    }, () => {
      for (const p of planned) fs.rmSync(p.temp, { force: true });
    });
    return this.status(job.id);
  }

  /**
   * Starts writing a meeting's pack (meeting.pack). The call plans and changes nothing; its files
   * are rendered afterwards, and then, in one synchronous step and one transaction, settled: the
   * version they belong to is found or made, its folder written whole, and a new version kept in
   * the register. A job that fails leaves the register and the folder as they were.
   */
  startPack(reg: Register, input: ParsedInput<'meeting.pack'>, author: Profile | null): ExportJob {
    const outDir = canonicalFolder(input.outDir);
    const plan = planPack(reg, input.meeting);
    const folder = path.join(outDir, packFolderName(plan.meeting));
    const temp = tempNameFor(path.join(folder, 'v'));
    const job: ExportJob = {
      id: crypto.randomBytes(16).toString('hex'),
      state: 'running',
      done: 0,
      total: plan.files.length * 2 + 1,
      current: null,
      date: plan.meeting.date,
      outDir,
      files: [],
      error: null,
      pack: null,
    };
    this.launch(reg, job, [temp], async () => {
      const rendered: Array<{ name: string; data: Buffer }> = [];
      for (const file of plan.files) {
        job.current = file.name;
        rendered.push({ name: file.name, data: await renderPackFile(plan, file) });
        job.done += 2;
      }
      job.current = MANIFEST;
      const files = rendered.map((f) => manifestFile(f.name, f.data));
      let unchanged = false;
      const settled = reg.db.transaction(() =>
        settlePack(reg, plan, files, author, (s) => {
          const place = packPlace(outDir, plan.meeting, s.version);
          unchanged = standsAlready(place.versionDir, s.manifestText);
          if (!unchanged) writeVersion(place, temp, rendered, s.manifestText);
        }),
      )();
      const place = packPlace(outDir, plan.meeting, settled.version);
      job.files = [...plan.files.map((f) => path.join(place.versionDir, f.name)), path.join(place.versionDir, MANIFEST)];
      job.pack = {
        meeting: plan.meeting.number,
        version: settled.version,
        kind: plan.kind,
        nagezonden: settled.manifest.nagezonden,
        asVastgesteld: settled.manifest.asVastgesteld,
        folder: place.versionDir,
        unchanged,
        fresh: settled.fresh,
        comparedWith: settled.manifest.comparedWith,
      };
      job.done = job.total;
    });
    return this.status(job.id);
  }

  status(id: string): ExportJob {
    const job = this.jobs.get(id);
    if (!job) throw new RegisterError('not_found', `There is no export job ${id}.`, 'id');
    return { ...job, files: [...job.files] };
  }

  /**
   * A file a finished job wrote, by its place in job.files; nothing else can be opened this way,
   * not even a file (or a link) that took its name after the export.
   */
  writtenFile(id: string, index: number): string {
    const job = this.status(id);
    const file = job.files[index];
    const identity = this.written.get(id)?.[index];
    if (job.state !== 'done' || file === undefined || !identity) {
      throw new RegisterError('not_found', `Export ${id} has no written file ${index}.`, 'file');
    }
    if (!sameFile(identityOf(file), identity)) {
      throw new RegisterError('conflict', `${file} was changed, moved or replaced after the export; open it from its folder, or export again.`, 'file');
    }
    return file;
  }

  /** Resolves when the job has finished, done or failed (for the CLI and tests in-process). */
  async settled(id: string): Promise<ExportJob> {
    await this.running.get(id);
    return this.status(id);
  }

  /**
   * Runs `work` after this call (and its transaction) has returned; a failure leaves the job failed
   * with its error and no files, after `cleanUp`. Should this process die while the temporary
   * files exist, the next start removes them (the note beside the register lists them).
   */
  private launch(reg: Register, job: ExportJob, temps: string[], work: () => Promise<void>, cleanUp: () => void = () => {}): void {
    this.remember(job);
    const note = new TempNote(reg.path, temps);
    this.running.set(
      job.id,
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .then(
          () => {
            this.written.set(job.id, job.files.map((f) => identityOf(f)!));
            job.state = 'done';
            job.current = null;
          },
          (error: unknown) => {
            cleanUp();
            job.state = 'failed';
            job.error = toCallError(error);
            job.files = [];
            job.current = null;
          },
        )
        .finally(() => {
          note.drop();
          this.running.delete(job.id);
        }),
    );
  }

  private remember(job: ExportJob): void {
    this.jobs.set(job.id, job);
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(old.id);
      this.written.delete(old.id);
    }
  }
}

interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** A regular file's identity (not following a link), or null for anything else or nothing. */
function identityOf(file: string): FileIdentity | null {
  try {
    const stat = fs.lstatSync(file);
    return stat.isFile() ? { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } : null;
  } catch {
    return null;
  }
}

const sameFile = (a: FileIdentity | null, b: FileIdentity): boolean =>
  a !== null && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * The folder as the file system names it (symlinks resolved); it must be absolute on this
 * computer (C:/... and \\server\share are not, on Linux or macOS), exist and be a folder.
 */
function canonicalFolder(folder: string): string {
  if (!path.isAbsolute(folder)) throw new RegisterError('invalid_input', `outDir: ${folder} must be an absolute path on this computer.`, 'outDir');
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
  if (e?.code === 'ENOENT') {
    return { code: 'not_found', field: 'outDir', message: 'outDir: the folder no longer exists (moved or removed during the export); nothing was written.' };
  }
  const reason = e?.code ? reasons[e.code] : undefined;
  // A folder that cannot be written to is about the folder: said beside Map.
  const field = e?.code === 'EACCES' || e?.code === 'EPERM' || e?.code === 'EROFS' ? 'outDir' : undefined;
  return {
    code: 'internal',
    ...(field ? { field } : {}),
    message: reason ? `The export could not be written: ${reason}. Nothing was changed.` : `The export failed: ${e?.message ?? String(error)}`,
  };
}
