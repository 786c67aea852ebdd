// Files appear whole or not at all: written and flushed under a temporary name in the target
// folder, then moved into place in one step. An existing file is replaced only when asked.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RegisterError } from '../../shared/errors';

/** A hidden temporary name beside the target, so the final rename never crosses a file system. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
}

/** Writes and flushes `data` to a new temporary file beside `target`; returns its path. */
export function writeTemp(target: string, data: Uint8Array): string {
  const temp = tempNameFor(target);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return temp;
}

export const alreadyExists = (target: string): RegisterError =>
  new RegisterError('conflict', `${target} already exists; choose to overwrite it, or pick another folder.`, 'outDir');

/**
 * Moves a temporary file onto its final name. Without `overwrite` this never replaces a file,
 * not even one that appeared a moment ago: a hard link fails when the name is taken. Where the
 * file system has no hard links (FAT on a USB stick), it checks and renames.
 */
export function commitTemp(temp: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    fs.renameSync(temp, target);
  } else {
    try {
      fs.linkSync(temp, target);
      fs.rmSync(temp);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw alreadyExists(target);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      if (fs.existsSync(target)) throw alreadyExists(target);
      fs.renameSync(temp, target);
    }
  }
  syncFolder(path.dirname(target));
}

/** Makes the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
function syncFolder(folder: string): void {
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
