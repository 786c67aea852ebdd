// A meeting pack version on disk: the folder "TB-2024-02 2024-05-15/v2" with its numbered files
// and manifest.json. The version is written into a hidden temporary folder beside it and renamed
// into place in one step: the folder holds the whole version or does not exist. Nothing that
// stands in the way is followed or replaced: a file, a link (even a dangling one) or a folder with
// other content is refused, and a meeting folder is made only inside a folder that still exists.
import fs from 'node:fs';
import path from 'node:path';
import { RegisterError } from '../../shared/errors';
import { packFolderName, versionFolderName, type PackManifest } from '../../shared/pack';
import { syncFolder, writeTemp } from './atomic-file';
import { manifestFile } from './pack';

export const MANIFEST = 'manifest.json';

export interface PackPlace {
  /** The meeting's folder. */
  folder: string;
  /** The version's folder inside it. */
  versionDir: string;
}

export const packPlace = (outDir: string, meeting: { number: string; date: string }, version: number): PackPlace => {
  const folder = path.join(outDir, packFolderName(meeting));
  return { folder, versionDir: path.join(folder, versionFolderName(version)) };
};

/** What stands at `target`: nothing, a folder, or something a pack does not write into (a file, a link). */
function standing(target: string): 'nothing' | 'folder' | 'a file' | 'a link' | 'not a folder' {
  try {
    const stat = fs.lstatSync(target);
    return stat.isDirectory() ? 'folder' : stat.isSymbolicLink() ? 'a link' : stat.isFile() ? 'a file' : 'not a folder';
  } catch {
    return 'nothing';
  }
}

const inTheWay = (target: string, what: string): RegisterError =>
  new RegisterError('conflict', `outDir: ${target} is ${what}; a pack is written only into a folder of its own. Move it away and make the pack again. Nothing was written.`, 'outDir');

/**
 * Whether `versionDir` holds this version already: the same manifest.json, and every file it
 * lists there with its hash. Anything else at that name is refused: the register never writes
 * over what was sent, nor takes a folder that was changed for the version it kept.
 */
export function standsAlready(versionDir: string, manifestText: string): boolean {
  const what = standing(versionDir);
  if (what === 'nothing') return false;
  if (what !== 'folder') throw inTheWay(versionDir, what);
  const manifest = JSON.parse(manifestText) as PackManifest;
  const intact = (() => {
    try {
      if (fs.readFileSync(path.join(versionDir, MANIFEST), 'utf8') !== manifestText) return false;
      return manifest.files.every((f) => manifestFile(f.name, fs.readFileSync(path.join(versionDir, f.name))).sha256 === f.sha256);
    } catch {
      return false;
    }
  })();
  if (intact) return true;
  throw new RegisterError(
    'conflict',
    `outDir: ${versionDir} exists and does not hold this version of the pack (changed or made from another register); move it away and make the pack again. Nothing was written.`,
    'outDir',
  );
}

/**
 * Writes the files and the manifest into `temp` (a hidden name in the meeting's folder), then
 * renames it to the version's folder. The meeting's folder is made when it is not there (in
 * outDir, which must still exist), and taken away again when this leaves it empty.
 */
export function writeVersion(place: PackPlace, temp: string, files: ReadonlyArray<{ name: string; data: Uint8Array }>, manifestText: string): void {
  const folder = standing(place.folder);
  if (folder !== 'nothing' && folder !== 'folder') throw inTheWay(place.folder, folder);
  const madeFolder = folder === 'nothing';
  if (madeFolder) {
    try {
      fs.mkdirSync(place.folder);
    } catch (error) {
      // The folder chosen was moved or removed (a USB stick pulled out): nothing is made elsewhere.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new RegisterError('not_found', 'outDir: the folder no longer exists (moved or removed during the export); nothing was written.', 'outDir');
      }
      throw error;
    }
  }
  try {
    fs.mkdirSync(temp);
    try {
      for (const f of files) writeTemp(path.join(temp, f.name), f.data);
      writeTemp(path.join(temp, MANIFEST), Buffer.from(manifestText));
      syncFolder(temp);
      const what = standing(place.versionDir);
      if (what !== 'nothing') throw what === 'folder' ? new RegisterError('conflict', `outDir: ${place.versionDir} appeared while the pack was written; nothing was written.`, 'outDir') : inTheWay(place.versionDir, what);
      fs.renameSync(temp, place.versionDir);
    } catch (error) {
      fs.rmSync(temp, { recursive: true, force: true });
      throw error;
    }
    syncFolder(place.folder);
  } catch (error) {
    if (madeFolder) {
      try {
        fs.rmdirSync(place.folder); // only when empty
      } catch {
        // Something else is in it now: it stays.
      }
    }
    throw error;
  }
}
