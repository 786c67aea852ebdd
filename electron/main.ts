// The Electron shell: one locked-down window on the register, IPC to the same handler table.
// It opens the register with a better-sqlite3 build for Electron's ABI (native/electron/), kept
// apart from the Node build that the tests and the browser shell use.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, shell, type WebFrameMain } from 'electron';
import { createApi } from './api';
import { openOrSeedRegister, defaultSeedFile } from './register/seed';
import { REGISTER_FILE } from './paths';
import type { Register } from './register/db';

const INVOKE_CHANNEL = 'tb:invoke';
let mainWindow: BrowserWindow | null = null;
let register: Register | null = null;

function rendererIndex(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer', 'index.html');
}

/** Only our own page, in the top frame, may call the register. */
function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).protocol === 'file:' && path.resolve(decodeURIComponent(new URL(frame.url).pathname)) === rendererIndex();
  } catch {
    return false;
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'TB-register',
    show: false,
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex());
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const root = app.getAppPath();
    register = openOrSeedRegister(
      path.join(app.getPath('userData'), REGISTER_FILE),
      defaultSeedFile(path.join(root, 'resources')),
      { nativeBinding: process.env.TB_REGISTER_ELECTRON_SQLITE ?? path.join(root, 'native', 'electron', 'better_sqlite3.node') },
    );
    const api = createApi(register);
    app.on('web-contents-created', (_event, contents) => {
      contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    });
    ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the TB-register window.' } };
      }
      return api.invokeAsync(name, input);
    });
    mainWindow = createWindow();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => register?.close());
}
