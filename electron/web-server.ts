// The browser shell's HTTP bridge: the built renderer and one POST route to the api, on 127.0.0.1 only.
// Every call carries the per-start token; a foreign Host (DNS rebinding) or Origin (another site) is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Api } from './api';
import type { Envelope } from '../shared/errors';
import { SECURITY_HEADERS, staticFile } from './static-files';

export const TOKEN_HEADER = 'x-tb-token';
export const INVOKE_PATH = '/api/invoke';
/**
 * Server-sent events: "the register changed" after every committed change, for the shell's other
 * pages (the presentation view). An EventSource cannot send headers, so the token rides in the
 * query string of this one address; the Host and Origin checks are those of every call.
 */
export const EVENTS_PATH = '/api/events';
/** A comment line now and then keeps a quiet stream open through anything that times out idle connections. */
const HEARTBEAT_MS = 25_000;
const MAX_BODY = 4 * 1024 * 1024;
/** A client has this long to send its headers, and this long for the whole request. */
export const HEADERS_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 10_000;

export interface WebServer {
  /** The address the socket is bound to, as the operating system reports it. */
  host: string;
  url: string;
  /** The address to open: the token rides in the fragment, which is never sent over the wire. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface WebServerOptions {
  port?: number;
  staticDir: string;
  token?: string;
}

export async function startWebServer(api: Api, options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  let port = 0;

  // Node's defaults hold a slow client for 60 s (headers) and 300 s (request), and look only every
  // 30 s; here a few seconds, checked every second.
  const server = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1_000 }, (req, res) =>
    guarded(req, res, false),
  );
  // A client that asks before sending its body (Expect: 100-continue) is told to go on only once
  // the checks that come before the body have passed; otherwise it gets the refusal instead.
  server.on('checkContinue', (req, res) => guarded(req, res, true));
  server.keepAliveTimeout = HEADERS_TIMEOUT_MS;
  // What each connection had read when its last answer went: more read since is a request begun
  // (a slow sender), nothing more an idle connection.
  const readAtAnswer = new WeakMap<object, number>();
  server.on('request', (req, res) => res.on('finish', () => readAtAnswer.set(req.socket, req.socket.bytesRead)));
  const requestBegun = (socket: { bytesRead?: number }) => (socket.bytesRead ?? 0) > (readAtAnswer.get(socket) ?? 0);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A connection that timed out before it asked anything is closed without a word. Chromium
    // opens connections ahead of its requests; a 400 written to one that sat idle was read as the
    // answer to the next call sent on it ("het register is niet bereikbaar … Unexpected end of
    // JSON input", after a pause). Closed, the browser sends that call on a fresh connection.
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && !requestBegun(socket as { bytesRead?: number })) return void socket.destroy();
    if (socket.writable) socket.end(`HTTP/1.1 ${error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });

  const streams = new Set<http.ServerResponse>();
  const unsubscribe = api.onChange((call, touched) => {
    const event = `event: changed\ndata: ${JSON.stringify({ call, touched })}\n\n`;
    for (const stream of streams) stream.write(event);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': \n\n');
  }, HEARTBEAT_MS).unref();

  function openStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.write(': connected\n\n');
    streams.add(res);
    const close = () => streams.delete(res);
    req.on('close', close);
    res.on('close', close);
  }

  function guarded(req: http.IncomingMessage, res: http.ServerResponse, waitsToContinue: boolean): void {
    try {
      handle(req, res, waitsToContinue);
    } catch (error) {
      // No request, however odd, ends the shell.
      console.error('[web] request failed', error);
      if (!res.headersSent) refuse(res, 500, 'The request could not be handled.');
      else res.destroy();
    }
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, waitsToContinue: boolean): void {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 421, 'This server answers only to 127.0.0.1.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === INVOKE_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
        return refuse(res, 403, 'Calls from another origin are refused.');
      }
      if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return refuse(res, 401, 'Missing or wrong token: open the address the shell printed.');
      if (!isJson(req.headers['content-type'])) return refuse(res, 415, 'Send JSON (Content-Type: application/json).');
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > MAX_BODY) return refuse(res, 413, `A call may carry at most ${MAX_BODY / 1024 / 1024} MB.`);
      if (waitsToContinue) res.writeContinue();
      return readBody(req, res, (body) => {
        let call: { name?: unknown; input?: unknown };
        try {
          call = JSON.parse(body) as typeof call;
        } catch {
          return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
        }
        const isObject = typeof call === 'object' && call !== null && !Array.isArray(call);
        api
          .invokeAsync(isObject ? call.name : undefined, isObject ? call.input : undefined)
          .then(
            (envelope) => send(res, 200, envelope),
            (error: unknown) => {
              console.error('[web] call failed', error);
              send(res, 500, { ok: false, error: { code: 'internal', message: 'The call could not be answered.' } });
            },
          );
      });
    }
    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return refuse(res, 405, 'Use GET.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
        return refuse(res, 403, 'Calls from another origin are refused.');
      }
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return refuse(res, 401, 'Missing or wrong token: open the address the shell printed.');
      return openStream(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET.');
    serveStatic(staticDir, url.pathname, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} is in use; choose another with --port, or leave --port out to take a free one.`)
          : error,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    host: bound.address,
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        clearInterval(heartbeat);
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function tokenMatches(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Exactly application/json, with no parameter but charset=utf-8 (application/jsonp is not JSON). */
export function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  return type === 'application/json' && parameters.every((p) => p === 'charset=utf-8' || p === 'charset="utf-8"');
}

function readBody(req: http.IncomingMessage, res: http.ServerResponse, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      refuse(res, 413, `A call may carry at most ${MAX_BODY / 1024 / 1024} MB.`);
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (!res.headersSent) done(Buffer.concat(chunks).toString('utf8'));
  });
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const found = staticFile(root, pathname);
  if (!found) return refuse(res, 404, 'Not found.');
  fs.readFile(found.file, (error, data) => {
    if (error) return refuse(res, 404, 'Not found.');
    res.writeHead(200, { 'Content-Type': found.mime, ...SECURITY_HEADERS });
    res.end(data);
  });
}

function send(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

/**
 * Answers with an error. A refused request's body is never read: the connection is closed once
 * the answer is out, so an unauthenticated 100 MB body costs the shell nothing.
 */
function refuse(res: http.ServerResponse, status: number, message: string): void {
  const code = status === 404 ? 'not_found' : [401, 403, 421].includes(status) ? 'forbidden' : status >= 500 ? 'internal' : 'invalid_input';
  const req = res.req;
  const bodyPending = req && !req.complete;
  if (bodyPending) {
    res.shouldKeepAlive = false;
    res.setHeader('Connection', 'close');
    res.on('finish', () => req.destroy());
  }
  send(res, status, { ok: false, error: { code, message } });
}
