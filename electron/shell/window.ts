// The one window, locked down as the Electron security checklist asks: isolated, sandboxed, no
// Node in the page or its workers, no <webview>, web security on, our page from the app's own
// scheme (never file://), no navigation away, no new windows (https links go to the system
// browser), every permission request denied.
import type { WebPreferences } from 'electron';
import { APP_INDEX_URL, isOwnPage } from './app-protocol';
import type { BrowserWindowLike, ElectronModule } from './electron-types';

export interface WindowPaths {
  /** dist/electron/preload.cjs */
  preload: string;
}

export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}

/** Only https links leave the app, and only to the system browser. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function createMainWindow(electron: ElectronModule, paths: WindowPaths): BrowserWindowLike {
  const win = new electron.BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    title: 'TB-register',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(paths.preload),
  });
  const contents = win.webContents;
  // A reload of our own page is let through; everything else stays where it is.
  contents.on('will-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void electron.shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}
