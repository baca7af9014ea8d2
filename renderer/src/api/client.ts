import type { InputOf, OutputOf, ProcedureName, ProgressEvent } from '../../../shared/contract/index.js';
import { isSerializedError, type SerializedError } from '../../../shared/errors.js';

/** What the Electron preload exposes; nothing else of Node or Electron reaches the page. */
interface LotseBridge {
  invoke(name: string, input: unknown, meta?: { jobId?: string }): Promise<{ ok: boolean; data?: unknown; error?: SerializedError }>;
  on(event: 'progress', cb: (e: ProgressEvent) => void): () => void;
  pickFile?(filters: { name: string; extensions: string[] }[]): Promise<{ handle: string; name: string; size: number } | null>;
  saveFile?(handle: string, suggestedName: string): Promise<boolean>;
}

declare global {
  interface Window {
    lotse?: LotseBridge;
  }
}

/** A failed call: carries the server's code, German message and field issues. */
export class ApiError extends Error {
  readonly error: SerializedError;
  constructor(error: SerializedError) {
    super(error.message);
    this.error = error;
  }
  get code() {
    return this.error.code;
  }
  fieldMessage(path: string): string | undefined {
    return this.error.details?.fields?.find((f) => f.path === path)?.message;
  }
}

const TOKEN_KEY = 'lotse.token';

/** Web mode: the token arrives once in the URL, is kept for this tab only, and removed from the address bar. */
function webToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;
function getToken(): string {
  token ??= webToken();
  return token;
}

export const isElectron = () => typeof window.lotse !== 'undefined';

/**
 * Calls one procedure of the contract over whichever transport this window has. A `signal` cancels a call whose answer nobody needs any more (a search the user has typed past). Web mode aborts the
 * request; the Electron bridge cannot carry a signal, so there the caller ignores the late answer (the signal is set).
 */
export async function invoke<N extends ProcedureName>(
  name: N,
  input: InputOf<N>,
  meta: { jobId?: string; signal?: AbortSignal } = {},
): Promise<OutputOf<N>> {
  const { signal, ...bridgeMeta } = meta;
  let result: { ok: boolean; data?: unknown; error?: unknown };
  if (window.lotse) {
    result = await window.lotse.invoke(name, input, bridgeMeta);
  } else {
    let res: Response;
    try {
      res = await fetch(`./api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lotse-token': getToken() },
        body: JSON.stringify({ input, jobId: meta.jobId }),
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError({ code: 'internal', message: 'Lotse ist nicht erreichbar. Läuft der Dienst noch?' });
    }
    result = (await res.json().catch(() => ({ ok: false }))) as typeof result;
  }
  if (result.ok) return result.data as OutputOf<N>;
  throw new ApiError(isSerializedError(result.error) ? result.error : { code: 'internal', message: 'Unbekannter Fehler' });
}

/** Progress of long jobs (import, export, backup). Returns an unsubscribe function. */
export function onProgress(cb: (e: ProgressEvent) => void): () => void {
  if (window.lotse) return window.lotse.on('progress', cb);
  const source = new EventSource(`./api/events?token=${encodeURIComponent(getToken())}`);
  const listener = (ev: MessageEvent<string>) => cb(JSON.parse(ev.data) as ProgressEvent);
  source.addEventListener('progress', listener);
  return () => source.close();
}

/** Hands a chosen file to main and gets back an opaque handle (web mode uploads the bytes). */
export async function uploadFile(file: File): Promise<{ handle: string; name: string; size: number }> {
  const res = await fetch(`./api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-lotse-token': getToken() },
    body: file,
  });
  const body = (await res.json()) as { ok: boolean; data?: { handle: string; name: string; size: number }; error?: SerializedError };
  if (!body.ok || !body.data) throw new ApiError(body.error ?? { code: 'internal', message: 'Hochladen fehlgeschlagen' });
  return body.data;
}

/** Saves a file main produced (an export): a save dialog in Electron, a browser download in web mode. */
export async function downloadFile(handle: string, name: string): Promise<void> {
  if (window.lotse?.saveFile) {
    await window.lotse.saveFile(handle, name);
    return;
  }
  const a = document.createElement('a');
  a.href = `./api/download/${handle}?token=${encodeURIComponent(getToken())}`;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
