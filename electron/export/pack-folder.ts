// A meeting pack version on disk: the folder "TB-2024-02 2024-05-15/v2" with its numbered files
// and manifest.json. The version is written into a hidden temporary folder beside it and renamed
// into place in one step: the folder holds the whole version or does not exist.
import fs from 'node:fs';
import path from 'node:path';
import { RegisterError } from '../../shared/errors';
import { compareFiles, packFolderName, versionFolderName, type ManifestFile, type PackManifest } from '../../shared/pack';
import { syncFolder, writeTemp } from './atomic-file';
import { manifestFile, type PackVersion } from './pack';

export const MANIFEST = 'manifest.json';

export interface PackPlace {
  /** The meeting's folder. */
  folder: string;
  /** The version's folder inside it. */
  versionDir: string;
}

export const packPlace = (outDir: string, v: Pick<PackVersion, 'meeting' | 'version'>): PackPlace => {
  const folder = path.join(outDir, packFolderName(v.meeting));
  return { folder, versionDir: path.join(folder, versionFolderName(v.version)) };
};

/** A version's manifest as written, or null when there is none (or it cannot be read as one). */
export function readManifest(versionDir: string): PackManifest | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(versionDir, MANIFEST), 'utf8')) as PackManifest;
    return Array.isArray(parsed.files) && typeof parsed.frozen?.hash === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Whether `versionDir` holds exactly this version already: its manifest names the same frozen
 * state and every file it lists is there with its hash. A folder that holds something else is
 * refused: the register never writes over what was sent.
 */
export function standsAlready(versionDir: string, hash: string): boolean {
  if (!fs.existsSync(versionDir)) return false;
  const manifest = readManifest(versionDir);
  const intact =
    manifest !== null &&
    manifest.frozen.hash === hash &&
    manifest.files.every((f) => {
      try {
        return manifestFile(f.name, fs.readFileSync(path.join(versionDir, f.name))).sha256 === f.sha256;
      } catch {
        return false;
      }
    });
  if (intact) return true;
  throw new RegisterError(
    'conflict',
    `outDir: ${versionDir} exists and does not hold this version of the pack (changed or made from another register); move it away and make the pack again. Nothing was written.`,
    'outDir',
  );
}

/** What the version before it held, from its manifest beside it; null when that is not at hand. */
export function previousFiles(place: PackPlace, version: number): ManifestFile[] | null {
  if (version <= 1) return null;
  return readManifest(path.join(place.folder, versionFolderName(version - 1)))?.files ?? null;
}

export const comparedWith = (version: number, before: readonly ManifestFile[] | null, after: readonly ManifestFile[]): PackManifest['comparedWith'] =>
  before === null ? null : { version: version - 1, ...compareFiles(before, after) };

/** Writes the files and the manifest into `temp`, then renames it to the version's folder. */
export function writeVersion(place: PackPlace, temp: string, files: ReadonlyArray<{ name: string; data: Uint8Array }>, manifest: string): void {
  fs.mkdirSync(place.folder, { recursive: true });
  fs.mkdirSync(temp);
  try {
    for (const f of files) writeTemp(path.join(temp, f.name), f.data);
    writeTemp(path.join(temp, MANIFEST), Buffer.from(manifest));
    syncFolder(temp);
    try {
      // rename() replaces an empty folder on Linux; a folder that appeared meanwhile is not replaced.
      if (fs.existsSync(place.versionDir)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      fs.renameSync(temp, place.versionDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTEMPTY') {
        throw new RegisterError('conflict', `outDir: ${place.versionDir} appeared while the pack was written; nothing was written.`, 'outDir');
      }
      throw error;
    }
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  syncFolder(place.folder);
}
