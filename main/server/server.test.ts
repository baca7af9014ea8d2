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
});
