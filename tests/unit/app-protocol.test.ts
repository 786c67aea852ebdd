// The app:// scheme's request -> file decision, on the real built renderer (dist/renderer/) and on
// a temp folder with real symlinks: only files inside the renderer's folder, only our host, each
// with its type; everything else 404. And the handler's responses, as Electron would receive them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appResponse, isOwnPage, resolveAppRequest } from '../../electron/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/static-files';
import { ROOT, tempDir } from '../support/register';

const RENDERER = path.join(ROOT, 'dist', 'renderer');

/** A renderer folder beside a secret, with links inside pointing in and out. */
let root: string;
let outside: string;
beforeAll(() => {
  const base = tempDir('tb-app-protocol-');
  root = path.join(base, 'renderer');
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'not to be served');
  fs.mkdirSync(path.join(base, 'renderer-sibling'));
  fs.writeFileSync(path.join(base, 'renderer-sibling', 'x.js'), 'not to be served');
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  const files: Record<string, string> = {
    'assets/app.js': 'text/javascript; charset=utf-8',
    'assets/app.mjs': 'text/javascript; charset=utf-8',
    'assets/app.css': 'text/css; charset=utf-8',
    'assets/app.js.map': 'application/json',
    'favicon.svg': 'image/svg+xml',
    'icon.png': 'image/png',
    'favicon.ico': 'image/x-icon',
    'assets/font.woff2': 'font/woff2',
    'data.json': 'application/json',
    'LICENSE.TXT': 'text/plain; charset=utf-8',
    'blob.bin': 'application/octet-stream',
    'een bestand met spaties.json': 'application/json',
  };
  for (const name of Object.keys(files)) fs.writeFileSync(path.join(root, name), name);
  mimes = files;
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'secret-link.txt'));
  fs.symlinkSync(outside, path.join(root, 'outside-dir'));
  fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'inner-link.js'));
  fs.symlinkSync('/etc/passwd', path.join(root, 'passwd.json'));
});
let mimes: Record<string, string>;

const at = (p: string) => `app://tb-register/${p}`;

describe('the app:// scheme on the built renderer', () => {
  it('serves dist/renderer/index.html and every file index.html names, with its type', () => {
    expect(resolveAppRequest(APP_INDEX_URL, RENDERER)).toEqual({ file: fs.realpathSync(path.join(RENDERER, 'index.html')), mime: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://tb-register/', RENDERER)).toEqual(resolveAppRequest(APP_INDEX_URL, RENDERER));
    const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    const named = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(named.some((n) => n.endsWith('.js'))).toBe(true);
    expect(named.some((n) => n.endsWith('.css'))).toBe(true);
    for (const name of named) {
      const found = resolveAppRequest(at(name), RENDERER);
      expect(found, name).toMatchObject({ file: fs.realpathSync(path.join(RENDERER, name)) });
      const ext = path.extname(name);
      expect((found as { mime: string }).mime, name).toBe({ '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' }[ext]);
    }
  });

  it('reaches nothing beside the renderer: not the Electron bundle, the sources, the package or the register', () => {
    for (const url of [
      at('../electron/main.cjs'),
      at('%2e%2e/electron/main.cjs'),
      at('%2E%2E/%2E%2E/package.json'),
      at('..%2f..%2fpackage.json'),
      at('..%5c..%5cpackage.json'),
      at('assets/..%2f..%2f..%2fpackage.json'),
      at('.%2e/electron/preload.cjs'),
      'app://tb-register/..\\..\\package.json',
      at('index.html%00.js'),
      at('%00'),
    ]) {
      expect(resolveAppRequest(url, RENDERER), url).toEqual({ status: 404 });
    }
  });
});

describe('the request -> file decision', () => {
  it('gives each file its type, decoded names included, ignoring query strings and fragments', () => {
    for (const [name, mime] of Object.entries(mimes)) {
      expect(resolveAppRequest(at(encodeURI(name)), root), name).toEqual({ file: fs.realpathSync(path.join(root, name)), mime });
    }
    expect(resolveAppRequest(at('assets/app.js?v=3#top'), root)).toEqual({ file: fs.realpathSync(path.join(root, 'assets', 'app.js')), mime: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest(at('index.html#/dossiers'), root)).toMatchObject({ mime: 'text/html; charset=utf-8' });
    expect(resolveAppRequest(at('%61ssets/app.css'), root)).toMatchObject({ mime: 'text/css; charset=utf-8' });
  });

  it('refuses traversal in every spelling: dots, encoded dots, encoded slashes, backslashes, NUL', () => {
    for (const p of [
      '../outside/secret.txt',
      '%2e%2e/outside/secret.txt',
      '%2E%2e/outside/secret.txt',
      '.%2e/outside/secret.txt',
      '%2e./outside/secret.txt',
      '..%2foutside%2fsecret.txt',
      '%2e%2e%2foutside%2fsecret.txt',
      'assets/%2e%2e/%2e%2e/outside/secret.txt',
      '..%5coutside%5csecret.txt',
      '%5c..%5coutside%5csecret.txt',
      'assets%5c..%5cindex.html',
      '..\\outside\\secret.txt',
      'index.html%00',
      'index.html%00.js',
      '%252e%252e/outside/secret.txt',
      '%',
      '%E0%A4%A',
      '/etc/passwd',
      '//etc/passwd',
    ]) {
      expect(resolveAppRequest(at(p), root), p).toEqual({ status: 404 });
    }
    expect(resolveAppRequest('app://tb-register/../renderer-sibling/x.js', root)).toEqual({ status: 404 });
    // A lone dot is the URL parser's business: it means the folder, whose index is the page.
    expect(resolveAppRequest(at('%2e'), root)).toMatchObject({ mime: 'text/html; charset=utf-8' });
  });

  it('follows symlinks only while they stay inside the folder (realpath)', () => {
    expect(resolveAppRequest(at('secret-link.txt'), root)).toEqual({ status: 404 });
    expect(resolveAppRequest(at('outside-dir/secret.txt'), root)).toEqual({ status: 404 });
    expect(resolveAppRequest(at('passwd.json'), root)).toEqual({ status: 404 });
    expect(resolveAppRequest(at('inner-link.js'), root)).toEqual({ file: fs.realpathSync(path.join(root, 'assets', 'app.js')), mime: 'text/javascript; charset=utf-8' });
    // The folder itself may be reached through a link (as in a dev checkout): its real path counts.
    const linkedRoot = path.join(tempDir(), 'linked-renderer');
    fs.symlinkSync(root, linkedRoot);
    expect(resolveAppRequest(APP_INDEX_URL, linkedRoot)).toEqual({ file: fs.realpathSync(path.join(root, 'index.html')), mime: 'text/html; charset=utf-8' });
    expect(resolveAppRequest(at('secret-link.txt'), linkedRoot)).toEqual({ status: 404 });
  });

  it('404s a missing file, a folder, another host, another scheme and a URL with credentials', () => {
    for (const url of [
      at('missing.js'),
      at('assets'),
      at('assets/'),
      'app://tb-register',
      'app://evil.example/index.html',
      'app://tb-register.evil.example/index.html',
      'app://tb-register:8080/index.html',
      'app://user:pw@tb-register/index.html',
      'app:///index.html',
      'file:///index.html',
      `file://${path.join(root, 'index.html')}`,
      'https://tb-register/index.html',
      'not a url',
      '',
    ]) {
      expect(resolveAppRequest(url, root), url).toEqual({ status: 404 });
    }
    expect(resolveAppRequest(APP_INDEX_URL, path.join(root, 'missing'))).toEqual({ status: 404 });
  });
});

describe('the handler', () => {
  it('answers GET with the file, its type and the security headers; HEAD without a body; other methods 405', async () => {
    const get = await appResponse(new Request(at('assets/app.css')), root);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(get.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await get.text()).toBe('assets/app.css');
    const head = await appResponse(new Request(at('assets/app.css'), { method: 'HEAD' }), root);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await appResponse(new Request(at('index.html'), { method: 'POST', body: 'x' }), root)).status).toBe(405);
  });

  it('answers 404, with the same headers and no file, for everything else', async () => {
    for (const url of [at('secret-link.txt'), at('%2e%2e/outside/secret.txt'), 'app://evil.example/index.html', at('missing.js')]) {
      const reply = await appResponse(new Request(url), root);
      expect(reply.status, url).toBe(404);
      expect(reply.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await reply.text()).not.toContain('not to be served');
    }
  });
});

describe('our page', () => {
  it('is app://tb-register/index.html, whatever its fragment, and nothing else', () => {
    expect(isOwnPage(APP_INDEX_URL)).toBe(true);
    expect(isOwnPage(`${APP_INDEX_URL}#/dossiers`)).toBe(true);
    for (const url of [
      `file://${path.join(RENDERER, 'index.html')}`,
      'app://evil.example/index.html',
      'app://tb-register/',
      'app://tb-register/favicon.svg',
      'app://tb-register/index.html?x=1',
      'app://a@tb-register/index.html',
      'https://tb-register/index.html',
      'about:blank',
      'garbage',
    ]) {
      expect(isOwnPage(url), url).toBe(false);
    }
  });
});
