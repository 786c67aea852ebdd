// The Electron shell's security settings and behaviour, asserted on the real window factory, IPC
// handlers, menu, preload and app start-up. No Electron binary can be had here, so Electron's
// module is replaced by recording stand-ins; the register behind the IPC bridge is real.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/bridge';
import { createApi } from '../../electron/api';
import { startApp } from '../../electron/shell/app';
import type { ElectronModule } from '../../electron/shell/electron-types';
import { registerIpc } from '../../electron/shell/ipc';
import { menuTemplate } from '../../electron/shell/menu';
import { createMainWindow } from '../../electron/shell/window';
import { ROOT, seededRegister, tempDir, type TestRegister } from '../support/register';

type Listener = (...args: any[]) => any;

class FakeWebContents {
  listeners = new Map<string, Listener>();
  openHandler: Listener | null = null;
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  sent: unknown[][] = [];
  session = {
    setPermissionRequestHandler: (fn: Listener) => (this.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Listener) => (this.permissionCheck = fn),
  };
  on(event: string, fn: Listener) {
    this.listeners.set(event, fn);
  }
  setWindowOpenHandler(fn: Listener) {
    this.openHandler = fn;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

class FakeWindow {
  static created: FakeWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | null = null;
  minimized = true;
  focused = false;
  listeners = new Map<string, Listener>();
  constructor(public options: { webPreferences: Record<string, unknown> }) {
    FakeWindow.created.push(this);
  }
  once(event: string, fn: Listener) {
    this.listeners.set(event, fn);
  }
  on(event: string, fn: Listener) {
    this.listeners.set(event, fn);
  }
  loadFile(file: string) {
    this.loaded = file;
    return Promise.resolve();
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {}
  focus() {
    this.focused = true;
  }
}

function fakeElectron(options: { lock?: boolean; dialog?: { canceled: boolean; filePaths: string[] } } = {}) {
  const handlers = new Map<string, Listener>();
  const appListeners = new Map<string, Listener>();
  const opened: string[] = [];
  let template: unknown = null;
  const electron = {
    app: {
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: vi.fn(),
      on: (event: string, fn: Listener) => appListeners.set(event, fn),
      whenReady: () => Promise.resolve(),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    Menu: { buildFromTemplate: (t: unknown) => (template = t), setApplicationMenu: vi.fn() },
    dialog: { showOpenDialog: async () => options.dialog ?? { canceled: true, filePaths: [] } },
  };
  return { electron: electron as unknown as ElectronModule, handlers, appListeners, opened, template: () => template, app: electron.app };
}

const INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');
const trusted = { senderFrame: { url: `file://${INDEX}`, parent: null } };

describe('the window', () => {
  it('is isolated, sandboxed, without Node or webviews, with web security on', () => {
    const { electron } = fakeElectron();
    createMainWindow(electron, { index: INDEX, preload: '/app/dist/electron/preload.cjs' });
    const prefs = FakeWindow.created.at(-1)!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(FakeWindow.created.at(-1)!.loaded).toBe(INDEX);
  });

  it('never navigates away, attaches no webview, and opens only https links, in the system browser', () => {
    const { electron, opened } = fakeElectron();
    createMainWindow(electron, { index: INDEX, preload: 'p' });
    const contents = FakeWindow.created.at(-1)!.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      contents.listeners.get(event)!({ preventDefault: prevent });
      expect(prevent, event).toHaveBeenCalled();
    }
    for (const url of ['https://wiki.eherkenning.nl/x/XIgMC', 'http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://wiki.eherkenning.nl/x/XIgMC']);
  });

  it('denies every permission request and check', () => {
    const { electron } = fakeElectron();
    createMainWindow(electron, { index: INDEX, preload: 'p' });
    const contents = FakeWindow.created.at(-1)!.webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      contents.permissionRequest!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(contents.permissionCheck!(null, permission)).toBe(false);
    }
  });
});

describe('the IPC bridge', () => {
  let r: TestRegister;
  afterEach(() => r?.close());

  it('answers our own top frame through the contract, and refuses every other sender', async () => {
    r = seededRegister();
    const { electron, handlers } = fakeElectron();
    registerIpc(electron, createApi(r.reg), INDEX, () => null);
    const invoke = handlers.get(CHANNELS.invoke)!;
    expect(await invoke(trusted, 'dossier.get', { number: 4 })).toMatchObject({ ok: true, value: { title: 'Change & Release proces vernieuwen' } });
    // Input is validated by the contract, as over HTTP.
    expect(await invoke(trusted, 'dossier.get', { number: '4' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'number' } });
    expect(await invoke(trusted, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const forbidden = { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the TB-register window.' } };
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: `file://${INDEX}`, parent: {} },
      { url: 'file:///tmp/other.html', parent: null },
      null,
    ]) {
      expect(await invoke({ senderFrame }, 'dossier.list', {})).toEqual(forbidden);
    }
  });

  it('hands back the folder chosen in the system dialog, canonical, or null', async () => {
    r = seededRegister();
    const real = tempDir();
    const link = path.join(tempDir(), 'koppeling');
    fs.symlinkSync(real, link);
    const choose = (dialog: { canceled: boolean; filePaths: string[] }) => {
      const fake = fakeElectron({ dialog });
      registerIpc(fake.electron, createApi(r.reg), INDEX, () => null);
      return fake.handlers.get(CHANNELS.chooseFolder)!;
    };
    expect(await choose({ canceled: false, filePaths: [link] })(trusted, 'Map')).toBe(fs.realpathSync(real));
    expect(await choose({ canceled: false, filePaths: [link] })({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'Map')).toBeNull();
    expect(await choose({ canceled: true, filePaths: [] })(trusted, 'Map')).toBeNull();
    expect(await choose({ canceled: false, filePaths: ['exports/../..'] })(trusted, 'Map')).toBeNull();
  });
});

describe('the menu', () => {
  it('is Dutch, with the usual shortcuts, and sends register actions to the page', () => {
    const sent: string[] = [];
    const template = menuTemplate((action) => sent.push(action), 'linux');
    expect(template.map((m) => m.label)).toEqual(['&Bestand', '&Bewerken', 'Bee&ld', '&Help']);
    const items = template.flatMap((m) => (m.submenu as Array<{ label?: string; accelerator?: string; click?: () => void; role?: string }>) ?? []);
    const byLabel = (label: string) => items.find((i) => i.label === label)!;
    expect(byLabel('Ongedaan maken').accelerator).toBe('CmdOrCtrl+Z');
    expect(byLabel('Opnieuw').accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(byLabel('Exporteren…').accelerator).toBe('CmdOrCtrl+E');
    expect(byLabel('Kopiëren').role).toBe('copy');
    expect(byLabel('Afsluiten').role).toBe('quit');
    expect(byLabel('Dossiers').accelerator).toBe('CmdOrCtrl+2');
    byLabel('Ongedaan maken').click!();
    byLabel('Fasebord').click!();
    byLabel('Exporteren…').click!();
    expect(sent).toEqual(['undo', 'view:board', 'export']);
    expect(menuTemplate(() => undefined, 'win32').flatMap((m) => (m.submenu as Array<{ label?: string; accelerator?: string }>) ?? []).find((i) => i.label === 'Opnieuw')!.accelerator).toBe('Ctrl+Y');
  });
});

describe('the preload', () => {
  it('exposes one object with three functions, and no channel the page can choose', async () => {
    const exposed: Array<[string, Record<string, unknown>]> = [];
    const invoked: unknown[][] = [];
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.push([key, value]) },
      ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve()), on: vi.fn(), removeListener: vi.fn() },
    }));
    await import('../../electron/preload');
    vi.doUnmock('electron');
    expect(exposed.map(([key]) => key)).toEqual(['tbRegister']);
    const bridge = exposed[0]![1];
    expect(Object.keys(bridge).sort()).toEqual(['chooseFolder', 'invoke', 'onMenu']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    await (bridge.invoke as (n: string, i: unknown) => Promise<unknown>)('dossier.list', {});
    expect(invoked).toEqual([[CHANNELS.invoke, 'dossier.list', {}]]);
  });
});

describe('start-up', () => {
  const hosts: Array<{ close(): void }> = [];
  afterEach(() => {
    while (hosts.length) hosts.pop()!.close();
  });

  it('takes the single-instance lock before touching the register: a second start only hands over', () => {
    const userData = tempDir();
    const second = fakeElectron({ lock: false });
    const started = startApp(second.electron, { root: ROOT, userData });
    expect(started.host).toBeNull();
    expect(second.app.quit).toHaveBeenCalled();
    expect(fs.readdirSync(userData)).toEqual([]);
  });

  it('opens (and on first start seeds) the register, and a second start focuses the first window', async () => {
    const userData = tempDir();
    const first = fakeElectron({ lock: true });
    const started = startApp(first.electron, { root: ROOT, userData });
    hosts.push(started.host!);
    expect(await started.firstBackup).toMatchObject({ name: expect.stringMatching(/^register-.*\.sqlite$/) });
    expect(fs.existsSync(path.join(userData, 'register.sqlite'))).toBe(true);
    expect(started.host!.reg.db.prepare('SELECT count(*) FROM dossier').pluck().get()).toBe(15);
    const win = started.window() as unknown as FakeWindow;
    expect(win.options.webPreferences.preload).toBe(path.join(ROOT, 'dist', 'electron', 'preload.cjs'));
    first.appListeners.get('second-instance')!();
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
    expect(first.template()).toEqual(expect.arrayContaining([expect.objectContaining({ label: '&Bestand' })]));
  });
});

describe('the Content Security Policy', () => {
  it('allows scripts from the app only, never eval or inline script, nothing from elsewhere', () => {
    const html = fs.readFileSync(INDEX, 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
