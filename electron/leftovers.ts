// Temporary files that a killed process leaves behind, and how the next start clears them. Every
// temporary file this app writes is hidden, carries the writing process's id, and ends in .tmp:
//   .<file>.<pid>-<random>.tmp   beside an export, a backup (in backups/), a seeded register
//   .<register>.<pid>.restore.tmp / .before-restore.tmp   beside the register during a restore
// Exports go to the user's folders, which the next start cannot guess: each export job first notes
// its temporary files in .exports-in-progress/ beside the register, and drops the note when done.
// A file is removed only when the process that wrote it is gone, so a second program's work in
// progress is never touched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeTemp } from './export/atomic-file';

const TEMP = /^\.(.+)\.(\d+)-[0-9a-f]+\.(?:(restore|before-restore)\.)?tmp$/;
const JOURNAL_DIR = '.exports-in-progress';

/** A hidden temporary name beside `target`, marked with this process's id: `.<name>.<pid>-<hex>.tmp`. */
export function tempNameFor(target: string, purpose: '' | 'restore' | 'before-restore' = ''): string {
  const suffix = purpose ? `${purpose}.tmp` : 'tmp';
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(6).toString('hex')}.${suffix}`);
}

/** Whether a process with this id runs (a process of another user counts as running). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temporary files of dead processes in `folder` (optionally only those made for `base`). */
function deadTemps(folder: string, base?: string): Array<{ file: string; purpose: string | undefined; base: string }> {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const m = TEMP.exec(name);
    if (!m || (base !== undefined && m[1] !== base) || processAlive(Number(m[2]))) return [];
    return [{ file: path.join(folder, name), purpose: m[3], base: m[1]! }];
  });
}

/** Moves a database file and its write-ahead log, if it has one, to another name. */
export function moveDatabase(from: string, to: string): void {
  fs.renameSync(from, to);
  if (fs.existsSync(from + '-wal')) fs.renameSync(from + '-wal', to + '-wal');
}

/** Removes a database file and its companions (or only the companions named). */
export function removeDatabaseFiles(file: string, suffixes: readonly string[] = ['', '-wal', '-shm', '-journal']): void {
  for (const suffix of suffixes) fs.rmSync(file + suffix, { force: true });
}

/**
 * Clears what killed processes left around the register at `registerFile`, before it is opened:
 * half-written backups, seeds and restore copies, and the temporary files of exports that were
 * running. A register that was stepped aside for a restore and never came back is put back.
 * Returns the files removed or put back, for the log.
 */
export function sweepLeftovers(registerFile: string): string[] {
  const dir = path.dirname(registerFile);
  const base = path.basename(registerFile);
  const done: string[] = [];
  for (const temp of deadTemps(dir, base)) {
    if (temp.purpose === 'before-restore' && !fs.existsSync(registerFile)) moveDatabase(temp.file, registerFile);
    else removeDatabaseFiles(temp.file);
    done.push(temp.file);
  }
  for (const temp of deadTemps(path.join(dir, 'backups'))) {
    removeDatabaseFiles(temp.file);
    done.push(temp.file);
  }
  const journal = path.join(dir, JOURNAL_DIR);
  for (const note of safeReaddir(journal)) {
    const m = /^(\d+)-[0-9a-f]+\.json$/.exec(note);
    if (!m || processAlive(Number(m[1]))) continue;
    for (const temp of readNote(path.join(journal, note))) {
      // Only what looks like our own temporary file, whatever the note says.
      if (!TEMP.test(path.basename(temp)) || !fs.existsSync(temp)) continue;
      // A meeting pack is written into a temporary folder of this kind, then renamed.
      fs.rmSync(temp, { force: true, recursive: true });
      done.push(temp);
    }
    fs.rmSync(path.join(journal, note), { force: true });
  }
  return done;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function readNote(file: string): string[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)) : [];
  } catch {
    return [];
  }
}

/**
 * The note an export job keeps beside the register while its temporary files exist. Writing it is
 * best effort: a register in a read-only folder still exports, and only loses the clean-up.
 */
export class TempNote {
  private readonly file: string | null;

  constructor(registerFile: string, temps: readonly string[]) {
    const dir = path.join(path.dirname(registerFile), JOURNAL_DIR);
    const file = path.join(dir, `${process.pid}-${crypto.randomBytes(6).toString('hex')}.json`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      writeTemp(file, Buffer.from(JSON.stringify(temps)));
      this.file = file;
    } catch {
      this.file = null;
    }
  }

  drop(): void {
    if (this.file) fs.rmSync(this.file, { force: true });
  }
}
