import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ProgressEvent } from '../../shared/contract/index.js';
import type { ErrorCode, SerializedError } from '../../shared/errors.js';
import type { AppContext } from '../api/context.js';
import type { Router } from '../api/router.js';
import { answerTooLarge, isJsonContentType, readLimitedBody } from './body.js';
import { contentSecurityPolicy, hostAllowed, originAllowed, resolveStatic, tokenMatches } from './security.js';

export interface WebServerOptions {
  router: Router;
  ctx: AppContext;
  /** built renderer (dist/renderer); without it only the API is served */
  staticDir?: string | null;
  port?: number;
  token?: string;
  /** largest accepted upload in bytes */
  maxUploadBytes?: number;
  /** largest accepted body of an API call in bytes */
  maxCallBytes?: number;
}

export interface WebServer {
  url: string;
  /** URL to open in a browser: carries the token once, the page then keeps it in sessionStorage */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The 413 answer: what was too large and the limit, in German and English. */
function tooLarge(limit: number, what: 'Die Anfrage' | 'Die Datei'): { ok: false; error: SerializedError } {
  const mb = Math.round(limit / 1024 / 1024);
  const en = what === 'Die Datei' ? 'The file' : 'The request';
  return { ok: false, error: { code: 'too_large', message: `${what} ist größer als ${mb} MB.`, messageEn: `${en} is larger than ${mb} MB.` } };
}

function statusFor(error: SerializedError): number {
  switch (error.code) {
    case 'validation':
      return 400;
    case 'unknown_procedure':
    case 'not_found':
      return 404;
    case 'forbidden':
      return 403;
    case 'internal':
      return 500;
    default:
      return 409;
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

function refuse(res: http.ServerResponse, status: number, message: string, messageEn: string, code: ErrorCode = 'forbidden'): void {
  send(res, status, { ok: false, error: { code, message, messageEn } });
}

/**
 * Web mode: the same router as Electron's IPC, over HTTP on 127.0.0.1 only. Every API call needs the random
 * per-start token; Host and Origin are checked against DNS rebinding and cross-site requests; no CORS headers.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxUpload = opts.maxUploadBytes ?? 200 * 1024 * 1024;
  const maxCall = opts.maxCallBytes ?? 20 * 1024 * 1024;
  const sseClients = new Set<http.ServerResponse>();
  const onProgress = (e: ProgressEvent) => {
    for (const c of sseClients) c.write(`event: progress\ndata: ${JSON.stringify(e)}\n\n`);
  };
  opts.ctx.events.on('progress', onProgress);
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Interner Fehler', 'Internal error', 'internal');
      else res.end();
    });
  });
  // a client that asks before sending (Expect: 100-continue; curl does for large bodies) hears of the limit first
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const limit = (req.url ?? '').startsWith('/api/upload') ? maxUpload : maxCall;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      // no body was sent, so closing afterwards leaves nothing unread (no reset)
      res.shouldKeepAlive = false;
      return send(res, 413, tooLarge(limit, (req.url ?? '').startsWith('/api/upload') ? 'Die Datei' : 'Die Anfrage'));
    }
    res.writeContinue();
    server.emit('request', req, res);
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!hostAllowed(req.headers.host, port)) return refuse(res, 421, 'Unzulässiger Host', 'Host not allowed');
    if (!originAllowed(req.headers.origin, port)) return refuse(res, 403, 'Unzulässiger Ursprung (Origin)', 'Origin not allowed');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const given = (req.headers['x-lotse-token'] as string | undefined) ?? url.searchParams.get('token');
      if (!tokenMatches(token, given)) return refuse(res, 401, 'Zugriffsschlüssel fehlt oder ist falsch', 'Access token missing or wrong');
      return api(url, req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Methode nicht erlaubt', 'Method not allowed');
    return serveStatic(url.pathname, res);
  }

  async function api(url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const call = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
    if (call && req.method === 'POST') {
      if (!isJsonContentType(req.headers['content-type'])) {
        return refuse(res, 415, 'Der Inhalt muss JSON sein (application/json).', 'Content must be JSON (application/json).', 'unsupported_format');
      }
      const raw = await readLimitedBody(req, maxCall);
      if (raw === null) return answerTooLarge(req, res, tooLarge(maxCall, 'Die Anfrage'));
      let body: { input?: unknown; jobId?: string };
      try {
        body = JSON.parse(raw.toString('utf8') || '{}') as typeof body;
      } catch {
        return send(res, 400, { ok: false, error: { code: 'validation', message: 'Ungültiges JSON', messageEn: 'Invalid JSON' } });
      }
      const result = await opts.router.call(call[1]!, body.input, { jobId: typeof body.jobId === 'string' ? body.jobId : undefined });
      return send(res, result.ok ? 200 : statusFor(result.error), result);
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      const bytes = await readLimitedBody(req, maxUpload);
      if (bytes === null) return answerTooLarge(req, res, tooLarge(maxUpload, 'Die Datei'));
      const handle = opts.ctx.files.storeUpload(url.searchParams.get('name') ?? 'upload', bytes);
      // the sanitised name: a client-sent "../../x" never comes back as if it were a path
      return send(res, 200, { ok: true, data: { handle, name: opts.ctx.files.get(handle).name, size: bytes.length } });
    }
    const dl = /^\/api\/download\/([\w-]+)$/.exec(url.pathname);
    if (dl && req.method === 'GET') {
      let entry;
      try {
        entry = opts.ctx.files.get(dl[1]!);
      } catch {
        return send(res, 404, { ok: false, error: { code: 'not_found', message: 'Datei nicht gefunden' } });
      }
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
        'cache-control': 'no-store',
      });
      fs.createReadStream(entry.path).pipe(res);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    return send(res, 404, { ok: false, error: { code: 'unknown_procedure', message: 'Unbekannter Pfad' } });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = opts.staticDir;
    if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Die Oberfläche ist noch nicht gebaut: bitte "npm run build:renderer" ausführen.');
      return;
    }
    let file = resolveStatic(root, pathname === '/' ? '/index.html' : pathname);
    if (file === null) return refuse(res, 403, 'Unzulässiger Pfad', 'Path not allowed');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) file = path.join(root, 'index.html');
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': mime[ext] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
      'cache-control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    token,
    port,
    async close() {
      opts.ctx.events.off('progress', onProgress);
      for (const c of sseClients) c.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
