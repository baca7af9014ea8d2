import type { InputOf, OutputOf, ProcedureName, ProgressEvent } from '../../../shared/contract/index.js';
import { translateMessage, type Lang } from '../../../shared/domain/validation-messages.js';
import { isSerializedError, type SerializedError } from '../../../shared/errors.js';
import { uiLang } from '../i18n/lang.js';

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
    const shown = localiseError(error, uiLang());
    super(shown.message);
    this.error = shown;
  }
  get code() {
    return this.error.code;
  }
  fieldMessage(path: string): string | undefined {
    return this.error.details?.fields?.find((f) => f.path === path)?.message;
  }
}

/**
 * The error in the UI language: main answers in German with English alongside (messageEn); the English UI shows
 * the English, for the whole message and for each field.
 */
export function localiseError(error: SerializedError, lang: Lang): SerializedError {
  if (lang === 'de') return error;
  const fields = error.details?.fields?.map((f) => ({ ...f, message: f.messageEn ?? translateMessage(f.message, 'en') }));
  return {
    ...error,
    message: error.messageEn ?? error.message,
    ...(error.details ? { details: { ...error.details, ...(fields ? { fields } : {}) } } : {}),
  };
}

/**
 * What to show for any failure: a call's message in the UI language; anything else (a bug in the page, a
 * browser error) gets a plain sentence, never its raw English text.
 */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return localiseError({ code: 'internal', message: 'Unerwarteter Fehler. Bitte die Ansicht neu laden.', messageEn: 'Unexpected error. Please reload the view.' }, uiLang())
    .message;
}

const unreachable: SerializedError = {
  code: 'internal',
  message: 'Lotse ist nicht erreichbar. Läuft der Dienst noch?',
  messageEn: 'Lotse cannot be reached. Is it still running?',
};

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

/** True inside the desktop app (the preload's bridge), false in a browser (web mode). */
export const isElectron = (): boolean => typeof window.lotse !== 'undefined';

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
      throw new ApiError(unreachable);
    }
    result = (await res.json().catch(() => ({ ok: false }))) as typeof result;
  }
  if (result.ok) return result.data as OutputOf<N>;
  throw new ApiError(isSerializedError(result.error) ? result.error : { code: 'internal', message: 'Unbekannter Fehler', messageEn: 'Unknown error' });
}

/** Progress of long jobs (import, export, backup). Returns an unsubscribe function. */
export function onProgress(cb: (e: ProgressEvent) => void): () => void {
  if (window.lotse) return window.lotse.on('progress', cb);
  const source = new EventSource(`./api/events?token=${encodeURIComponent(getToken())}`);
  const listener = (ev: MessageEvent<string>) => cb(JSON.parse(ev.data) as ProgressEvent);
  source.addEventListener('progress', listener);
  return () => source.close();
}

/** What a call the user stopped ends with (the same code main answers a cancelled job with). */
export const cancelledError = () => new ApiError({ code: 'cancelled', message: 'Abgebrochen', messageEn: 'Cancelled' });

/** Hands a chosen file to main and gets back an opaque handle (web mode uploads the bytes). */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<{ handle: string; name: string; size: number }> {
  const failed: SerializedError = { code: 'internal', message: 'Hochladen fehlgeschlagen', messageEn: 'Upload failed' };
  let res: Response;
  try {
    res = await fetch(`./api/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-lotse-token': getToken() },
      body: file,
      signal,
    });
  } catch {
    if (signal?.aborted) throw cancelledError();
    throw new ApiError(unreachable);
  }
  type UploadBody = { ok: boolean; data?: { handle: string; name: string; size: number }; error?: unknown };
  const body = (await res.json().catch(() => ({ ok: false }))) as UploadBody;
  // stopped while the answer was still arriving: that is a cancel, not a failed upload
  if (signal?.aborted) throw cancelledError();
  if (!body.ok || !body.data) throw new ApiError(isSerializedError(body.error) ? body.error : failed);
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
