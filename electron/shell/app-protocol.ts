// The app's own scheme, app://tb-register/, which serves dist/renderer/ and nothing else. The
// window does not load file:// pages: with the grantFileProtocolExtraPrivileges fuse off (as it
// is in the packaged app), Chromium treats file:// as any browser does and refuses the renderer's
// `<script type="module" crossorigin>`, leaving a blank window (Electron's security checklist,
// "avoid file://, use a custom protocol").
import fs from 'node:fs';
import type { CustomScheme, Protocol } from 'electron';
import { SECURITY_HEADERS, staticFile, type StaticFile } from '../static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tb-register';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: parsed like https (an origin, relative URLs, web storage); secure: a secure context,
 * as https; supportFetchAPI: module scripts and fetch() may load from it; codeCache: V8 keeps the
 * compiled bundle. Left off: corsEnabled (it would let other origins read our files), bypassCSP
 * (the CSP applies to our pages as to any), service workers and streaming (not needed).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** The file an app:// URL names in the renderer's folder, or 404 for anything else. */
export function resolveAppRequest(url: string, rendererRoot: string): StaticFile | { status: 404 } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST || parsed.username || parsed.password) return { status: 404 };
  return staticFile(rendererRoot, parsed.pathname) ?? { status: 404 };
}

/** The page we load, and nothing else: app://tb-register/index.html, whatever its fragment. */
export function isOwnPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password && parsed.pathname === '/index.html' && !parsed.search;
  } catch {
    return false;
  }
}

/** A request to the scheme, answered from the renderer's folder; only GET and HEAD. */
export async function appResponse(request: Request, rendererRoot: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Use GET.');
  const found = resolveAppRequest(request.url, rendererRoot);
  if ('status' in found) return plain(404, 'Not found.');
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await fs.promises.readFile(found.file));
  } catch {
    return plain(404, 'Not found.');
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { 'Content-Type': found.mime, ...SECURITY_HEADERS } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

/** Before app's `ready` (Electron refuses it later): the scheme's privileges. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After `ready`, before the window loads: the default session answers the scheme. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererRoot));
}
