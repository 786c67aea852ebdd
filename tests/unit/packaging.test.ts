// The packaging configuration, checked offline: electron-builder packs the app into a folder with
// a stand-in Electron (its real download is out of reach here), and we read the app.asar it wrote.
import fs from 'node:fs';
import path from 'node:path';
import { listPackage, extractFile } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { unpackedPath } from '../../electron/shell/native-binding';
import { ROOT, tempDir } from '../support/register';

const CONFIG = path.join(ROOT, 'electron-builder.yml');
let appDir: string;

beforeAll(async () => {
  // Electron's distribution as electron-builder expects it, with a script where the binary goes.
  const dist = tempDir('tb-electron-dist-');
  fs.writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\necho stand-in for Electron\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dist, 'version'), '39.5.0');
  fs.writeFileSync(path.join(dist, 'LICENSE'), 'MIT');
  fs.mkdirSync(path.join(dist, 'resources'));
  const out = tempDir('tb-pack-');
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    // Fuses are bits in the real Electron binary; a stand-in has none to flip (see the next test).
    config: { extends: CONFIG, electronDist: dist, electronVersion: '39.5.0', electronFuses: null, directories: { output: out } },
  });
  appDir = path.join(out, 'linux-unpacked');
}, 180_000);

describe('the packaged app', () => {
  it('is the bundled shell and renderer with the seed, and no sources, tests or source maps', () => {
    const files = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const wanted of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/resources/seed/jaarplan-2024.json',
      '/node_modules/better-sqlite3/package.json',
    ]) {
      expect(files, wanted).toContain(wanted);
    }
    const unwanted = files.filter((f) => /^\/(tests|electron|renderer|shared|scripts)\/|\.map$|^\/node_modules\/(react|vitest|typescript|electron-builder|docx|exceljs)\//.test(f));
    expect(unwanted).toEqual([]);
    const manifest = JSON.parse(extractFile(path.join(appDir, 'resources', 'app.asar'), 'package.json').toString()) as { main: string; dependencies: Record<string, string> };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(Object.keys(manifest.dependencies)).toEqual(['better-sqlite3']);
  });

  it('keeps the native module outside the archive, where the shell\'s path rewrite finds it', () => {
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(fs.existsSync(unpacked)).toBe(true);
    // app.getAppPath() is resources/app.asar; the shell rewrites a native path under it to app.asar.unpacked.
    const asPackaged = path.join(appDir, 'resources', 'app.asar', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(unpackedPath(asPackaged)).toBe(unpacked);
    expect(fs.readdirSync(appDir).sort()).toEqual(['LICENSE.electron.txt', 'resources', 'tb-register', 'version']);
  });

  it('holds every file the shell reads at run time: the renderer and all it names, the preload, the seed', () => {
    const asar = path.join(appDir, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    const html = extractFile(asar, 'dist/renderer/index.html').toString();
    const named = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `/dist/renderer/${m[1]}`);
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const file of [...named, '/dist/electron/preload.cjs', '/resources/seed/jaarplan-2024.json']) expect(files, file).toContain(file);
  });

  it('ships a main bundle that serves the app:// scheme and never loads a file:// page', () => {
    const main = extractFile(path.join(appDir, 'resources', 'app.asar'), 'dist/electron/main.cjs').toString();
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toMatch(/\.handle\(APP_SCHEME\b/);
    // Every window loads our page by the address it was given; the main window is given the app's own.
    expect(main).toMatch(/\.loadURL\(spec\.url\)/);
    expect(main).toMatch(/url: APP_INDEX_URL\b/);
    expect(main).not.toMatch(/\.loadFile\(/);
  });

  it('ships a preload a sandboxed renderer can run: one CommonJS file that requires only electron', () => {
    const preload = extractFile(path.join(appDir, 'resources', 'app.asar'), 'dist/electron/preload.cjs').toString();
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s|\bimport\(/m);
  });
});

describe('electron-builder.yml', () => {
  const config = parse(fs.readFileSync(CONFIG, 'utf8')) as Record<string, any>;

  it('builds AppImage and deb, NSIS and dmg, with the app id, name and icons from resources/', () => {
    expect(config).toMatchObject({ appId: 'nl.eherkenning.tb-register', productName: 'TB-register', directories: { buildResources: 'resources' } });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(fs.existsSync(path.join(ROOT, icon))).toBe(true);
  });

  it('sets the Electron fuses as Signal Desktop does: file:// keeps no extra privileges (the page comes from app://)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
