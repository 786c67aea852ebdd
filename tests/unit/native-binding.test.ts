// Where the Electron process looks for better-sqlite3's Electron build: outside the archive in the
// packaged app (a .node file cannot be dlopen'ed from inside app.asar), and never from an
// environment variable there. packaging.test.ts checks the rewrite against electron-builder's layout.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteBinding, unpackedPath } from '../../electron/shell/native-binding';

const packagedApp = path.join(path.sep, 'opt', 'TB-register', 'resources', 'app.asar');

describe('the better-sqlite3 build for Electron', () => {
  it('is read from app.asar.unpacked when the app runs from its archive', () => {
    expect(sqliteBinding(packagedApp, true, {})).toBe(path.join(path.sep, 'opt', 'TB-register', 'resources', 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('is read from native/electron/ in a checkout, where TB_REGISTER_ELECTRON_SQLITE may point elsewhere', () => {
    expect(sqliteBinding('/work/tb', false, {})).toBe(path.join('/work/tb', 'native', 'electron', 'better_sqlite3.node'));
    expect(sqliteBinding('/work/tb', false, { TB_REGISTER_ELECTRON_SQLITE: '/tmp/x/better_sqlite3.node' })).toBe(path.resolve('/tmp/x/better_sqlite3.node'));
  });

  it('ignores TB_REGISTER_ELECTRON_SQLITE in the packaged app: no native code from a path the environment names', () => {
    expect(sqliteBinding(packagedApp, true, { TB_REGISTER_ELECTRON_SQLITE: '/tmp/evil.node' })).toBe(sqliteBinding(packagedApp, true, {}));
  });

  it('rewrites only a whole app.asar path segment', () => {
    expect(unpackedPath(path.join('/a', 'app.asar', 'x.node'))).toBe(path.join('/a', 'app.asar.unpacked', 'x.node'));
    expect(unpackedPath(path.join('/a', 'my-app.asar.d', 'x.node'))).toBe(path.join('/a', 'my-app.asar.d', 'x.node'));
    expect(unpackedPath(path.join('/a', 'b', 'x.node'))).toBe(path.join('/a', 'b', 'x.node'));
  });
});
