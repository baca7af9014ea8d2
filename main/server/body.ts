import type http from 'node:http';

/**
 * Request bodies of web mode: the exact JSON content type, and a size limit that is read, not trusted. An oversized
 * body is answered with 413 while the rest of it is discarded, so the client reads the answer instead of a
 * connection reset.
 */

/** `application/json`, optionally with `charset=utf-8`; `application/jsonfoo` or another charset is no JSON call. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/**
 * The body, or null when it is larger than `limit` (by its Content-Length or by what arrived). Reading stops at the
 * limit: nothing beyond it is kept in memory.
 */
export function readLimitedBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      stop();
      chunks.length = 0;
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** How much of an oversized body is discarded after the answer before the connection is cut (a client that never stops). */
const drainLimit = 512 * 1024 * 1024;

/**
 * Answers 413 with the error as JSON and keeps the connection open while the client finishes sending: the rest of
 * the body is read and dropped (never stored). Closing with unread data would make the kernel reset the connection,
 * and the client would see that instead of the message.
 */
export function answerTooLarge(req: http.IncomingMessage, res: http.ServerResponse, body: unknown): void {
  let discarded = 0;
  req.on('data', (c: Buffer) => {
    discarded += c.length;
    if (discarded > drainLimit) req.socket.destroy();
  });
  req.resume();
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
