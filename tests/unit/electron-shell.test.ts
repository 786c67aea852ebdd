// The Electron shell's security settings and behaviour, asserted on the real window factory, IPC
// handlers, menu, preload and app start-up. No Electron binary can be had here, so Electron's
// module is replaced by recording stand-ins that keep Electron's rules where order matters (a
// scheme's privileges only before `ready`, its handler only after); the register behind the IPC
// bridge and the files behind the app:// scheme are real.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/bridge';
import { createApi } from '../../electron/api';
import { startApp } from '../../electron/shell/app';
import { APP_INDEX_URL, APP_SCHEME } from '../../electron/shell/app-protocol';
import type { ElectronModule } from '../../electron/shell/electron-types';
import { registerIpc } from '../../electron/shell/ipc';
import { menuTemplate } from '../../electron/shell/menu';
import { createMainWindow } from '../../electron/shell/window';
import { CONTENT_SECURITY_POLICY } from '../../electron/static-files';
import { RegisterHost } from '../../electron/register-host';
import { readSeed } from '../../electron/register/seed';
import { ROOT, SEED_FILE, seededRegister, tempDir, type TestRegister } from '../support/register';

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
  /** A file:// page cannot load the renderer's module bundle once the fuses are flipped. */
  loadFile(file: string): Promise<void> {
    throw new Error(`The window loaded a file:// page (${file}); it must load ${APP_INDEX_URL}.`);
  }
  loadURL(url: string) {
    if (!url.startsWith(`${APP_SCHEME}://`)) throw new Error(`The window loaded ${url}; it must load ${APP_INDEX_URL}.`);
    this.loaded = url;
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
  /** What happened, in order: scheme registrations, `ready`, protocol handlers. */
  const log: string[] = [];
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const errors: Array<{ title: string; content: string }> = [];
  let template: unknown = null;
  let ready = false;
  let fireReady!: () => void;
  const whenReady = new Promise<void>((resolve) => (fireReady = resolve)).then(() => {
    ready = true;
    log.push('ready');
  });
  // Electron's app becomes ready after the main script's first run: here, on the next turn.
  setImmediate(fireReady);
  const electron = {
    app: {
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: vi.fn(),
      on: (event: string, fn: Listener) => appListeners.set(event, fn),
      whenReady: () => whenReady,
      isReady: () => ready,
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    Menu: { buildFromTemplate: (t: unknown) => (template = t), setApplicationMenu: vi.fn() },
    dialog: {
      showOpenDialog: async () => options.dialog ?? { canceled: true, filePaths: [] },
      showErrorBox: (title: string, content: string) => errors.push({ title, content }),
    },
    // Electron's own rules: privileges only before `ready` (and once), handlers only after.
    protocol: {
      registerSchemesAsPrivileged: (custom: unknown[]) => {
        if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        if (schemes.length) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
        schemes.push(...custom);
        log.push('registerSchemesAsPrivileged');
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (!ready) throw new Error('protocol.handle can be used only after app is ready');
        protocolHandlers.set(scheme, handler);
        log.push(`handle ${scheme}`);
      },
    },
  };
  return {
    electron: electron as unknown as ElectronModule,
    handlers,
    appListeners,
    opened,
    log,
    errors,
    schemes,
    protocolHandlers,
    whenReady,
    template: () => template,
    app: electron.app,
  };
}

const INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');
const trusted = { senderFrame: { url: APP_INDEX_URL, parent: null } };

describe('the window', () => {
  it('is isolated, sandboxed, without Node or webviews, with web security on', () => {
    const { electron } = fakeElectron();
    createMainWindow(electron, { preload: '/app/dist/electron/preload.cjs' });
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
    // Never a file:// page (the stand-in's loadFile throws): the app's own scheme.
    expect(FakeWindow.created.at(-1)!.loaded).toBe('app://tb-register/index.html');
  });

  it('never navigates away, attaches no webview, and opens only https links, in the system browser', () => {
    const { electron, opened } = fakeElectron();
    createMainWindow(electron, { preload: 'p' });
    const contents = FakeWindow.created.at(-1)!.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      contents.listeners.get(event)!({ preventDefault: prevent, url: 'https://evil.example/' });
      expect(prevent, event).toHaveBeenCalled();
    }
    for (const url of [`file://${INDEX}`, 'app://evil.example/index.html', 'app://tb-register/other.html', 'http://127.0.0.1:8080/index.html']) {
      const prevent = vi.fn();
      contents.listeners.get('will-navigate')!({ preventDefault: prevent, url });
      expect(prevent, url).toHaveBeenCalled();
    }
    // A reload of our own page is a navigation to it, and goes through.
    const prevent = vi.fn();
    contents.listeners.get('will-navigate')!({ preventDefault: prevent, url: APP_INDEX_URL });
    expect(prevent).not.toHaveBeenCalled();
    for (const url of ['https://wiki.eherkenning.nl/x/XIgMC', 'http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://wiki.eherkenning.nl/x/XIgMC']);
  });

  it('opens the presentation view of our own page as a second window with the same lockdown, and nothing else', () => {
    const { electron } = fakeElectron();
    const opened: unknown[] = [];
    createMainWindow(electron, { preload: 'p' }, (win) => opened.push(win));
    const main = FakeWindow.created.at(-1)!;
    const before = FakeWindow.created.length;
    expect(main.webContents.openHandler!({ url: `${APP_INDEX_URL}#present=TB-2026-01` })).toEqual({ action: 'deny' });
    expect(FakeWindow.created.length).toBe(before + 1);
    const presentation = FakeWindow.created.at(-1)!;
    expect(opened).toEqual([presentation]);
    expect(presentation.loaded).toBe(`${APP_INDEX_URL}#present=TB-2026-01`);
    expect(presentation.options.webPreferences).toEqual(main.options.webPreferences);
    // Its own navigation and window rules are those of the main window.
    const prevent = vi.fn();
    presentation.webContents.listeners.get('will-navigate')!({ preventDefault: prevent, url: 'https://example.org/' });
    expect(prevent).toHaveBeenCalled();
    // Another page of ours, or a look-alike address, opens nothing.
    for (const url of [`${APP_INDEX_URL}#other`, 'app://tb-register/index.html?present=x#present=TB-2026-01', 'https://tb-register/index.html#present=TB-2026-01']) {
      expect(main.webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(FakeWindow.created.length).toBe(before + 1);
  });

  it('denies every permission request and check', () => {
    const { electron } = fakeElectron();
    createMainWindow(electron, { preload: 'p' });
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
    registerIpc(electron, createApi(r.reg), () => null);
    const invoke = handlers.get(CHANNELS.invoke)!;
    expect(await invoke(trusted, 'dossier.get', { number: 4 })).toMatchObject({ ok: true, value: { title: 'Change & Release proces vernieuwen' } });
    // Input is validated by the contract, as over HTTP.
    expect(await invoke(trusted, 'dossier.get', { number: '4' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'number' } });
    expect(await invoke(trusted, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const forbidden = { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the TB-register window.' } };
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: APP_INDEX_URL, parent: {} },
      // The page as it was loaded before the app:// scheme, and other pages of our folder.
      { url: `file://${INDEX}`, parent: null },
      { url: 'file:///tmp/other.html', parent: null },
      // Another host on our scheme, another page of ours, the same page with credentials.
      { url: 'app://evil.example/index.html', parent: null },
      { url: 'app://tb-register/favicon.svg', parent: null },
      { url: 'app://user@tb-register/index.html', parent: null },
      { url: 'http://127.0.0.1:5173/index.html', parent: null },
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
      registerIpc(fake.electron, createApi(r.reg), () => null);
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
  it('exposes one object with four functions, and no channel the page can choose', async () => {
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
    expect(Object.keys(bridge).sort()).toEqual(['chooseFolder', 'invoke', 'onChanged', 'onMenu']);
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

  it('says in a dialog why it cannot open a register another program holds, and quits without touching it', () => {
    const userData = tempDir();
    const held = RegisterHost.open(path.join(userData, 'register.sqlite'), { seed: () => readSeed(SEED_FILE) });
    hosts.push(held);
    const fake = fakeElectron({ lock: true });
    const started = startApp(fake.electron, { root: ROOT, userData });
    expect(started.host).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.errors).toEqual([{ title: 'TB-register kan het register niet openen', content: expect.stringMatching(/in use by another TB-register/) }]);
    expect(held.reg.db.prepare('SELECT count(*) FROM dossier').pluck().get()).toBe(15);
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

  it('registers app:// as a privileged scheme before `ready`, serves dist/renderer/ on it after, and loads the window from it', async () => {
    const fake = fakeElectron({ lock: true });
    const started = startApp(fake.electron, { root: ROOT, userData: tempDir() });
    hosts.push(started.host!);
    // startApp returned before `ready`: the privileges are in, the handler and window are not yet.
    expect(fake.app.isReady()).toBe(false);
    expect(fake.log).toEqual(['registerSchemesAsPrivileged']);
    expect(fake.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(started.window()).toBeNull();
    await started.firstBackup;
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'ready', 'handle app']);
    const win = started.window() as unknown as FakeWindow;
    expect(win.loaded).toBe(APP_INDEX_URL);
    // The handler Electron was given answers from the real built renderer, and nothing else.
    const handler = fake.protocolHandlers.get('app')!;
    const index = await handler(new Request(APP_INDEX_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toBe(fs.readFileSync(INDEX, 'utf8'));
    for (const url of ['app://tb-register/%2e%2e/%2e%2e/package.json', 'app://other/index.html', 'app://tb-register/../dist/electron/main.cjs']) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
    // The page's IPC calls are answered once it runs on that origin, in the top frame.
    const invoke = fake.handlers.get(CHANNELS.invoke)!;
    expect(await invoke({ senderFrame: { url: APP_INDEX_URL, parent: null } }, 'register.info', {})).toMatchObject({ ok: true });
    expect(await invoke({ senderFrame: { url: `file://${INDEX}`, parent: null } }, 'register.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
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

  it('is the same in the page and in the headers the app:// scheme sends, which add what only a header can say', () => {
    const html = fs.readFileSync(INDEX, 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!.split(';').map((d) => d.trim());
    const header = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(header.slice(0, meta.length)).toEqual(meta);
    expect(header.slice(meta.length)).toEqual(["frame-ancestors 'none'", "form-action 'none'"]);
  });
});
