// The built renderer's files as both shells serve them (the browser shell over HTTP, the Electron
// shell through its app:// scheme): which file a request path names, never one outside the folder,
// its content type, and the security headers every response carries.
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The type a file is served as; nosniff keeps the browser from guessing past an unknown one. */
export const contentType = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The same policy as the page's own CSP meta, plus what only a header can say (frame-ancestors). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface StaticFile {
  /** The file's real path, inside the real root. */
  file: string;
  mime: string;
}

function realpath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * The file a URL path (still percent-encoded, as URL.pathname gives it) names under root, or null:
 * when it does not decode, holds a NUL, a backslash or a `.`/`..` segment, is not a regular file,
 * or (after every symlink is followed) lies outside root.
 */
export function staticFile(root: string, pathname: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  const base = realpath(root);
  if (!base) return null;
  const file = realpath(path.join(base, ...segments));
  if (!file || !file.startsWith(base + path.sep)) return null;
  try {
    if (!fs.statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  return { file, mime: contentType(file) };
}
