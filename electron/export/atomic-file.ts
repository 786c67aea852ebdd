// Files appear whole or not at all: written and flushed under a temporary name in the target
// folder, then moved into place in one step. An existing file is replaced only when asked.
import fs from 'node:fs';
import path from 'node:path';
import { RegisterError } from '../../shared/errors';

/**
 * Writes and flushes `data` to the new temporary file `temp` (a tempNameFor() name beside the
 * target, so the final rename never crosses a file system).
 */
export function writeTemp(temp: string, data: Uint8Array): void {
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
}

export const alreadyExists = (target: string): RegisterError =>
  new RegisterError('conflict', `${target} already exists; choose to overwrite it, or pick another folder.`, 'outDir');

/** What stands at `target` that an export may not replace: a folder, a link, a device; or null. */
export function notAFile(target: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return null;
  }
  if (stat.isFile()) return null;
  return stat.isDirectory() ? 'a folder' : stat.isSymbolicLink() ? 'a link' : 'not a regular file';
}

/** The refusal when a folder, a link or a device stands where an export's file is to go. */
export const notReplaceable = (target: string, what: string): RegisterError =>
  new RegisterError('conflict', `${target} is ${what}; an export cannot replace it. Move it, or pick another folder. Nothing was written.`, 'outDir');

/** Whether anything, a dangling link included, has the name `target`. */
export const nameTaken = (target: string): boolean => {
  try {
    fs.lstatSync(target);
    return true;
  } catch {
    return false;
  }
};

export interface TempFile {
  temp: string;
  target: string;
  /** Where the file at `target` waits, with overwrite, until the whole set is in place. */
  keep: string;
}

/** Errors where a file system cannot make hard links (FAT on a USB stick, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EOPNOTSUPP']);

/**
 * Moves a set of written temporary files onto their final names, all or none: should any step fail
 * (a file that appeared meanwhile, a folder in the way, a full disk), every file this call put in
 * place is taken away again and every file it replaced comes back, and the error is thrown.
 * Without `overwrite` no file is ever replaced, not even one that appeared a moment ago: a hard
 * link fails when the name is taken. With it, the old file is kept under a hidden name until the
 * whole set is in place, so a failure can put it back; a crash leaves either the old or the new
 * file at every name, and the hidden copies for the next start to sweep.
 */
export function commitTemps(files: readonly TempFile[], overwrite: boolean): void {
  const undo: Array<() => void> = [];
  const kept: string[] = [];
  try {
    for (const { temp, target, keep } of files) {
      const blocker = notAFile(target);
      if (blocker) throw notReplaceable(target, blocker);
      if (overwrite && nameTaken(target)) {
        try {
          fs.linkSync(target, keep);
        } catch (error) {
          if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
          fs.copyFileSync(target, keep, fs.constants.COPYFILE_EXCL);
        }
        kept.push(keep);
        fs.renameSync(temp, target);
        undo.push(() => fs.renameSync(keep, target));
      } else {
        placeNew(temp, target);
        undo.push(() => fs.rmSync(target, { force: true }));
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Put back what can be put back; the first error is the one to report.
      }
    }
    for (const { temp } of files) fs.rmSync(temp, { force: true });
    for (const keep of kept) fs.rmSync(keep, { force: true });
    throw error;
  }
  for (const keep of kept) fs.rmSync(keep, { force: true });
  for (const folder of new Set(files.map((f) => path.dirname(f.target)))) syncFolder(folder);
}

/**
 * One new file, whole or not at all: written and flushed under `temp` (a tempNameFor() name beside
 * `target`), then put in place, on file systems without hard links too (a USB stick). Refused with
 * alreadyExists when `target` is taken.
 */
export function writeNewFile(temp: string, target: string, data: Uint8Array): void {
  try {
    writeTemp(temp, data);
    placeNew(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncFolder(path.dirname(target));
}

/** Puts `temp` at `target`, which must not exist (a dangling link counts as existing). */
function placeNew(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
    fs.rmSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(target);
    if (!NO_LINKS.has(code ?? '')) throw error;
    if (nameTaken(target)) throw alreadyExists(target);
    fs.renameSync(temp, target);
  }
}

/** Makes the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
