// The windows, locked down as the Electron security checklist asks: isolated, sandboxed, no
// Node in the page or its workers, no <webview>, web security on, our page from the app's own
// scheme (never file://), no navigation away, no new windows but the presentation view of our own
// page (https links go to the system browser), every permission request denied.
import type { WebPreferences } from 'electron';
import { APP_INDEX_URL, isOwnPage } from './app-protocol';
import type { BrowserWindowLike, ElectronModule } from './electron-types';
import { PRESENT_PREFIX } from '../../shared/bridge';

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

/** The presentation view's address: our own page with the #present= fragment. */
export function isPresentationPage(url: string): boolean {
  try {
    return isOwnPage(url) && new URL(url).hash.startsWith(PRESENT_PREFIX);
  } catch {
    return false;
  }
}

interface WindowSpec {
  url: string;
  width: number;
  height: number;
  title: string;
}

/** A window with the lockdown above, loading our page at `spec.url`. */
function lockedWindow(electron: ElectronModule, paths: WindowPaths, spec: WindowSpec, onWindow: (win: BrowserWindowLike) => void): BrowserWindowLike {
  const win = new electron.BrowserWindow({
    width: spec.width,
    height: spec.height,
    minWidth: 960,
    minHeight: 600,
    title: spec.title,
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
    // The presentation view is a window of our own, as locked down as this one; nothing else opens.
    if (isPresentationPage(url)) onWindow(lockedWindow(electron, paths, { url, width: 1920, height: 1080, title: 'TB-register · presentatie' }, onWindow));
    else if (isExternalLink(url)) void electron.shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(spec.url);
  return win;
}

/** The main window; `onWindow` hears of every window it opens in its turn (the presentation view). */
export function createMainWindow(electron: ElectronModule, paths: WindowPaths, onWindow: (win: BrowserWindowLike) => void = () => {}): BrowserWindowLike {
  return lockedWindow(electron, paths, { url: APP_INDEX_URL, width: 1360, height: 880, title: 'TB-register' }, onWindow);
}
