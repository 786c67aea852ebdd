// Where the Electron process finds better-sqlite3's build for Electron's ABI. In the packaged app
// app.getAppPath() is .../resources/app.asar, and a native module cannot be dlopen'ed from inside
// an archive: electron-builder unpacks it (asarUnpack) to .../resources/app.asar.unpacked, so
// the path is rewritten there. The environment override is for `npm start` only: a packaged app
// does not load native code from a path any environment can name.
import path from 'node:path';

export const SQLITE_OVERRIDE_ENV = 'TB_REGISTER_ELECTRON_SQLITE';

/** The same path with an `app.asar` folder in it replaced by `app.asar.unpacked`. */
export function unpackedPath(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.indexOf('app.asar');
  if (at === -1) return file;
  parts[at] = 'app.asar.unpacked';
  return parts.join(path.sep);
}

export function sqliteBinding(appPath: string, packaged: boolean, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[SQLITE_OVERRIDE_ENV];
  if (override && !packaged) return path.resolve(override);
  return unpackedPath(path.join(appPath, 'native', 'electron', 'better_sqlite3.node'));
}
