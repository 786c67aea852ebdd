// The browser shell's HTTP bridge: 127.0.0.1 only, per-start token, foreign Host and Origin refused.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/web-server';
import { dumpRegister, seededRegister, tempDir, type TestRegister } from '../support/register';

let r: TestRegister;
let server: WebServer;
let staticDir: string;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path ?? '/api/invoke', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  request({
    headers: { 'content-type': 'application/json', host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: server.token, ...headers },
    body: JSON.stringify({ name, input }),
  });

beforeAll(async () => {
  r = seededRegister();
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>TB-register</title>');
  const outside = tempDir();
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'not to be served');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(staticDir, 'link.txt'));
  server = await startWebServer(r.api, { staticDir });
});
afterAll(async () => {
  await server.close();
  r.close();
});

describe('the browser shell bridge', () => {
  it('listens on 127.0.0.1 and prints an address that carries a fresh random token in the fragment', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token).toMatch(/^[\w-]{43}$/);
    const other = await startWebServer(r.api, { staticDir });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('says clearly when the port is taken', async () => {
    await expect(startWebServer(r.api, { staticDir, port: server.port })).rejects.toThrow(
      `Port ${server.port} is in use; choose another with --port, or leave --port out to take a free one.`,
    );
  });

  it('answers a call with the right token', async () => {
    const reply = await call('dossier.get', { number: 4 });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { number: 4, title: 'Change & Release proces vernieuwen' } });
  });

  it('passes a refused input through as the contract error', async () => {
    const reply = await call('dossier.create', { title: '', phase: { phase: 'nieuw' } });
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'invalid_input', field: 'title', message: 'title: must not be empty' } });
  });

  it.each([
    ['no token', { [TOKEN_HEADER]: '' }, 401, 'forbidden'],
    ['a wrong token', { [TOKEN_HEADER]: 'A'.repeat(43) }, 401, 'forbidden'],
    ['a foreign Origin', { origin: 'https://evil.example' }, 403, 'forbidden'],
    ['a look-alike Origin on another port', { origin: 'http://127.0.0.1:1' }, 403, 'forbidden'],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }, 421, 'forbidden'],
    ['a form post instead of JSON', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'invalid_input'],
  ])('refuses a call with %s, and changes nothing', async (_what, headers, status, code) => {
    const before = dumpRegister(r.reg);
    const reply = await call('dossier.create', { title: 'Ingeslopen', phase: { phase: 'nieuw' } }, headers as Record<string, string>);
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code } });
    expect(dumpRegister(r.reg)).toEqual(before);
  });

  it('accepts the same-origin Origin header the renderer sends', async () => {
    const reply = await call('register.info', {}, { origin: `http://127.0.0.1:${server.port}` });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { counts: { dossiers: 15 } } });
  });

  it('refuses GET on the call route and malformed JSON', async () => {
    expect((await request({ method: 'GET', headers: { host: `127.0.0.1:${server.port}` } })).status).toBe(405);
    const reply = await request({
      headers: { 'content-type': 'application/json', host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: server.token },
      body: '{"name": "dossier.list", ',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/not valid JSON/);
  });

  it('serves the renderer with a strict Content-Security-Policy and nothing outside its folder', async () => {
    const host = { host: `localhost:${server.port}` };
    const index = await request({ method: 'GET', path: '/', headers: host });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2f..%2fetc/passwd', '/index.html%00.js', '/link.txt', '/..%5csecret.txt']) {
      const reply = await request({ method: 'GET', path: p, headers: host });
      expect([400, 404]).toContain(reply.status);
      expect(reply.body).not.toContain('not to be served');
    }
  });

  it('tells a page with the token, over server-sent events, that the register changed, and only after a committed change', async () => {
    const refused = await request({ method: 'GET', path: '/api/events?token=wrong', headers: { host: `127.0.0.1:${server.port}` } });
    expect(refused.status).toBe(401);
    const foreign = await request({ method: 'GET', path: `/api/events?token=${server.token}`, headers: { host: `127.0.0.1:${server.port}`, origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const events: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'GET', path: `/api/events?token=${server.token}`, headers: { host: `127.0.0.1:${server.port}` } }, resolve);
      req.on('error', reject);
      req.end();
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    stream.on('data', (chunk: Buffer) => events.push(chunk.toString('utf8')));
    // A read and a refused edit say nothing; an edit does.
    await call('dossier.get', { number: 4 });
    await call('dossier.update', { number: 4, patch: { title: '' } });
    await call('dossier.update', { number: 4, patch: { planning: 'Na de zomer' } });
    await expect.poll(() => events.join('')).toContain('event: changed');
    const changes = events.join('').split('\n').filter((l) => l.startsWith('data: '));
    expect(changes).toEqual(['data: {"call":"dossier.update","touched":{"dossiers":[4],"actiepunten":[]}}']);
    stream.destroy();
  });
});


describe('connections opened ahead of a request', () => {
  // Chromium opens connections before it has a request for them. One that sat idle past the
  // header timeout got "400 Bad Request" written to it, which the browser then read as the answer
  // to the call it sent next: the page said the register could not be reached (issue 14 review).
  it('are closed without a word when they time out idle, and a slow request gets 408, not 400', async () => {
    const net = await import('node:net');
    const idle = net.connect(server.port, '127.0.0.1');
    const heard: Buffer[] = [];
    idle.on('data', (c: Buffer) => heard.push(c));
    const closed = new Promise<void>((resolve) => idle.on('close', () => resolve()));
    // Half a request, then nothing: a slow sender, told 408 (which Chromium retries), not 400.
    const slow = net.connect(server.port, '127.0.0.1', () => slow.write('POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    const slowHeard: Buffer[] = [];
    slow.on('data', (c: Buffer) => slowHeard.push(c));
    const slowClosed = new Promise<void>((resolve) => slow.on('close', () => resolve()));
    await Promise.all([closed, slowClosed]);
    expect(Buffer.concat(heard).toString()).toBe('');
    expect(Buffer.concat(slowHeard).toString()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    // The server answers the next request as ever.
    const reply = await call('register.info', {});
    expect(reply.status).toBe(200);
  }, 20_000);
});
