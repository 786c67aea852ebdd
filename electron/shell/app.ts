// The Electron shell put together: the single-instance lock first (before the register is
// touched), the app:// scheme's privileges (before `ready`), then the register (with the
// better-sqlite3 build for Electron's ABI), the menu, the IPC bridge; at `ready` the scheme's
// handler and the window; then the register's quick_check and a backup at start and daily.
import path from 'node:path';
import { createApi, handlerGroups } from '../api';
import { fileProfileStore } from '../profile-store';
import { REGISTER_FILE } from '../paths';
import { RegisterHost } from '../register-host';
import { defaultSeedFile, readSeed } from '../register/seed';
import { CHANNELS } from '../../shared/bridge';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import type { BrowserWindowLike, ElectronModule } from './electron-types';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { createMainWindow } from './window';

export interface StartOptions {
  /** The app's folder (dist/, resources/ and native/ live under it). */
  root: string;
  /** The user's data folder (Electron's app.getPath('userData')). */
  userData: string;
  /** The better-sqlite3 binary built for Electron's ABI. */
  nativeBinding?: string;
}

export interface StartedApp {
  /** null when another instance already runs (this one only handed over), or the register could not be opened (it said why): this one quits. */
  host: RegisterHost | null;
  window(): BrowserWindowLike | null;
  /** The backup made at start (null when none could be made, or the register is damaged). */
  firstBackup: Promise<unknown>;
}

export function startApp(electron: ElectronModule, options: StartOptions): StartedApp {
  const { app } = electron;
  let mainWindow: BrowserWindowLike | null = null;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { host: null, window: () => null, firstBackup: Promise.resolve(null) };
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Electron accepts a scheme's privileges only before `ready`, which is still to come here.
  registerAppScheme(electron.protocol);

  const file = path.join(options.userData, REGISTER_FILE);
  const openOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let host: RegisterHost;
  try {
    // Created and seeded on first start; refused while another program (the browser shell, a
    // command) holds it.
    host = RegisterHost.open(file, { ...openOptions, seed: () => readSeed(defaultSeedFile(path.join(options.root, 'resources'))) });
  } catch (error) {
    electron.dialog.showErrorBox('TB-register kan het register niet openen', `${(error as Error).message}\n\n${file}`);
    app.quit();
    return { host: null, window: () => null, firstBackup: Promise.resolve(null) };
  }
  let windowCreated!: () => void;
  // quick_check and the first backup wait for the window: they overlap the page's loading (whose
  // first call would wait for the check anyway). A damaged register is not backed up over good ones.
  const firstBackup = new Promise<void>((resolve) => (windowCreated = resolve)).then(() =>
    host.damaged ? null : host.startDailyBackups((error) => console.error(`TB-register: backup failed: ${error.message}`)),
  );
  const api = createApi(host, handlerGroups(), fileProfileStore(options.userData));
  const rendererRoot = path.join(options.root, 'dist', 'renderer');
  const preload = path.join(options.root, 'dist', 'electron', 'preload.cjs');
  registerIpc(electron, api, () => mainWindow);
  // Every window hears of every committed change (the presentation view follows the main one).
  const windows = new Set<BrowserWindowLike>();
  api.onChange((call, touched) => {
    for (const win of windows) win.webContents.send(CHANNELS.changed, call, touched);
  });
  const send = (action: string) => mainWindow?.webContents.send(CHANNELS.menu, action);
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate(send)));

  void app.whenReady().then(() => {
    serveAppScheme(electron.protocol, rendererRoot);
    mainWindow = createMainWindow(electron, { preload }, (win) => {
      windows.add(win);
      win.on('closed', () => windows.delete(win));
    });
    windows.add(mainWindow);
    const main = mainWindow;
    mainWindow.on('closed', () => {
      windows.delete(main);
      mainWindow = null;
    });
    setImmediate(windowCreated);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => host.close());
  return { host, window: () => mainWindow, firstBackup };
}
