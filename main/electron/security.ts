import path from 'node:path';
import { contentSecurityPolicy, resolveStatic } from '../server/security.js';
import type { BrowserWindowOptions } from './electron-api.js';

/**
 * Electron's security policy as pure functions (no electron import), so every rule is unit-tested without the
 * Electron binary. main.ts only wires these into the event handlers.
 */

/** The app's own scheme and host: the UI is served from app://lotse/, never from file:// or the network. */
export const appScheme = 'app';
export const appHost = 'lotse';
export const appOrigin = `${appScheme}://${appHost}`;
export const appStartUrl = `${appOrigin}/index.html`;

/** Same CSP as web mode, also sent as a header by the app:// protocol handler. */
export { contentSecurityPolicy };

/** Pages that may be opened in the user's browser (help links to the authorities); everything else is dropped. */
export const externalAllowList: readonly string[] = ['www.arbeitsagentur.de', 'www.smwa.sachsen.de'];

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for our own origin. Compares protocol and host exactly (not `startsWith`), so `app://lotse.evil/`
 * and `app://lotse@evil.example/` (user info) are refused.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  const u = parse(url);
  if (!u) return false;
  return u.protocol === `${appScheme}:` && u.host === appHost && u.username === '' && u.password === '';
}

/** `will-navigate`: the window may only ever show the app itself (hash routes stay inside it). */
export function isAllowedNavigation(url: string | null | undefined): boolean {
  return isAppUrl(url);
}

/** An https URL on the allow-list, default port, no credentials: safe to hand to the system browser. */
export function isAllowedExternal(url: string | null | undefined): boolean {
  const u = parse(url);
  if (!u) return false;
  return u.protocol === 'https:' && u.port === '' && u.username === '' && u.password === '' && externalAllowList.includes(u.hostname);
}

export interface WindowOpenDecision {
  /** Electron never opens a second window of ours */
  action: 'deny';
  /** hand the URL to shell.openExternal instead */
  openExternal: boolean;
}

/** `setWindowOpenHandler`: always deny; allow-listed help pages open in the system browser instead. */
export function windowOpenPolicy(url: string | null | undefined): WindowOpenDecision {
  return { action: 'deny', openExternal: isAllowedExternal(url) };
}

/** Camera, microphone, geolocation, notifications, clipboard-read, ...: Lotse needs none of them. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * IPC sender check: only the top-level frame showing app://lotse/ may call main. An iframe (even one of ours)
 * or a frame that navigated elsewhere is refused; a destroyed frame (null) too.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame === true && isAppUrl(frameUrl);
}

// Raw path of an app:// URL, taken from the string before WHATWG normalisation would fold `..` away,
// so a traversal attempt is refused outright rather than silently clamped to the root.
const appUrlPattern = /^app:\/\/lotse(\/[^?#]*)?(?:[?#].*)?$/;

/**
 * The file the app:// protocol serves for a request URL: a file under `rootDir`, or null when the URL is not
 * ours or would escape the folder (`../`, `%2e%2e`, encoded slashes, backslashes, NUL). `/` is index.html.
 */
export function resolveAppUrl(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const m = appUrlPattern.exec(requestUrl);
  if (!m) return null;
  const rawPath = m[1] ?? '/';
  const file = resolveStatic(rootDir, rawPath === '/' ? '/index.html' : rawPath);
  if (file === null || file === path.resolve(rootDir)) return null;
  return file;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Response headers of the app:// protocol: the CSP travels with every document, no MIME sniffing. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

/**
 * The window's web preferences: isolated, sandboxed, no Node in the page, no webviews. DevTools only in
 * development: in a packaged build nobody at the PC can open a console in the page and call main from there.
 */
export function windowWebPreferences(preload: string, isPackaged: boolean): NonNullable<BrowserWindowOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !isPackaged,
  };
}
