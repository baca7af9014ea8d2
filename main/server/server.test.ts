import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { tempApp } from '../test/temp-db.js';
import { resolveStatic } from './security.js';
import { startWebServer, type WebServer } from './server.js';

let app: Awaited<ReturnType<typeof tempApp>>;
let server: WebServer;
let staticDir: string;

beforeAll(async () => {
  app = await tempApp();
  staticDir = path.join(app.dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Lotse</title>');
  fs.writeFileSync(path.join(app.dir, 'secret.txt'), 'geheim');
  server = await startWebServer({ router: app.router, ctx: app.ctx, staticDir });
});
afterAll(async () => {
  await server.close();
  await app.dispose();
});

/** Raw request so Host and Origin can be set freely (fetch forbids changing Host). */
function request(p: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: p, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lotse-token': server.token, ...headers },
    body: JSON.stringify({ input }),
  });

describe('web server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.openUrl).toContain(`token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call with the right token', async () => {
    const res = await call('programs.list', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, data: [] });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a call without token or with a wrong token', async () => {
    const none = await request('/api/call/programs.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await call('programs.list', {}, { 'x-lotse-token': `${server.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const events = await request('/api/events?token=falsch');
    expect(events.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) even with the right token', async () => {
    const res = await call('programs.list', {}, { host: `evil.example:${server.port}` });
    expect(res.status).toBe(421);
    const stat = await request('/', { headers: { host: 'evil.example' } });
    expect(stat.status).toBe(421);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const res = await call('programs.list', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const own = await call('programs.list', {}, { origin: server.url });
    expect(own.status).toBe(200);
  });

  it('gives 400 with field details for invalid input and 404 for an unknown procedure', async () => {
    const bad = await call('programs.create', { name: 'x', startDate: 'gestern' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.details.fields[0].path).toBe('startDate');
    const unknown = await call('system.shutdown', {});
    expect(unknown.status).toBe(404);
  });

  it('serves the renderer with a CSP and never a file outside its folder', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    const traversal = await request('/..%2fsecret.txt');
    expect(traversal.body).not.toContain('geheim');
    expect(resolveStatic(staticDir, '/../secret.txt')).toBeNull();
    expect(resolveStatic(staticDir, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveStatic(staticDir, '/assets/app.js')).toBe(path.join(staticDir, 'assets', 'app.js'));
  });

  it('takes uploads only with the token and hands back an opaque handle, not a path', async () => {
    const res = await request('/api/upload?name=..%2F..%2Fliste.csv', {
      method: 'POST',
      headers: { 'x-lotse-token': server.token, 'content-type': 'application/octet-stream' },
      body: 'Nachname;Vorname\n',
    });
    const data = JSON.parse(res.body).data;
    expect(data.handle).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.name).toBe('liste.csv');
    const entry = app.ctx.files.get(data.handle);
    expect(fs.readFileSync(entry.path, 'utf8')).toBe('Nachname;Vorname\n');
    const anon = await request('/api/upload?name=x.csv', { method: 'POST', body: 'x' });
    expect(anon.status).toBe(401);
  });

  it('takes exactly application/json (optionally charset=utf-8) for calls; anything else is 415 with a message', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"']) {
      expect((await call('programs.list', {}, { 'content-type': type })).status).toBe(200);
    }
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'text/plain', 'application/json; charset=latin1', 'application/json; x=1']) {
      const res = await call('programs.list', {}, { 'content-type': type });
      expect(res.status).toBe(415);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'unsupported_format', message: expect.stringMatching(/JSON/), messageEn: expect.any(String) });
    }
  });

  it('answers a 50 MB call body with 413 and a German message, without resetting the connection', async () => {
    const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const declared = await streamBody('/api/call/programs.list', body, true);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toEqual({
      code: 'too_large',
      message: 'Die Anfrage ist größer als 20 MB.',
      messageEn: 'The request is larger than 20 MB.',
    });
    // no Content-Length (chunked): the limit is read, not trusted
    const chunked = await streamBody('/api/call/programs.list', body, false);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('too_large');
    expect((await call('programs.list', {})).status).toBe(200);
  });

  it('a client that asks first (Expect: 100-continue) gets 413 before sending the body, and 100 when it fits', async () => {
    const ask = (bytes: number) =>
      new Promise<{ status: number; body: string; continued: boolean }>((resolve, reject) => {
        let continued = false;
        const req = http.request({
          host: '127.0.0.1',
          port: server.port,
          path: '/api/upload?name=x.csv',
          method: 'POST',
          headers: { host: `127.0.0.1:${server.port}`, 'x-lotse-token': server.token, 'content-length': String(bytes), expect: '100-continue' },
        });
        req.on('continue', () => {
          continued = true;
          req.end(Buffer.alloc(bytes, 0x41));
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, continued }));
        });
        req.on('error', reject);
        req.flushHeaders();
      });
    const big = await ask(300 * 1024 * 1024);
    expect(big).toMatchObject({ status: 413, continued: false });
    expect(JSON.parse(big.body).error.message).toBe('Die Datei ist größer als 200 MB.');
    const fits = await ask(10);
    expect(fits).toMatchObject({ status: 200, continued: true });
  });

  it('answers an oversized upload with 413 and a message; nothing is stored', async () => {
    const small = await startWebServer({ router: app.router, ctx: app.ctx, maxUploadBytes: 1024 * 1024 });
    try {
      const res = await fetch(`${small.url}/api/upload?name=gross.xlsx`, {
        method: 'POST',
        headers: { 'x-lotse-token': small.token, 'content-type': 'application/octet-stream' },
        body: Buffer.alloc(3 * 1024 * 1024, 1),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: unknown }).error).toMatchObject({ code: 'too_large', message: 'Die Datei ist größer als 1 MB.' });
    } finally {
      await small.close();
    }
  });
});

/** Sends `body` in 64 KB pieces as a client would, with or without Content-Length; rejects on a connection reset. */
function streamBody(p: string, body: Buffer, withLength: boolean) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-lotse-token': server.token };
    if (withLength) headers['content-length'] = String(body.length);
    const req = http.request({ host: '127.0.0.1', port: server.port, path: p, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + 64 * 1024);
        offset += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
