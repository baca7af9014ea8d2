import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy as webCsp } from '../server/security.js';
import { menuTemplate } from './menu.js';
import {
  appResponseHeaders,
  appStartUrl,
  contentSecurityPolicy,
  isAllowedExternal,
  isAllowedNavigation,
  isTrustedSender,
  permissionAllowed,
  resolveAppUrl,
  windowOpenPolicy,
  windowWebPreferences,
} from './security.js';

const root = path.resolve('/srv/lotse/dist/renderer');
const inside = (file: string | null) => file !== null && file.startsWith(root + path.sep);

describe('isAllowedNavigation', () => {
  it('allows the app itself, with paths, queries and hash routes', () => {
    expect(isAllowedNavigation(appStartUrl)).toBe(true);
    expect(isAllowedNavigation('app://lotse/')).toBe(true);
    expect(isAllowedNavigation('app://lotse/index.html#/programme?x=1')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:3000/',
    'file:///etc/passwd',
    'app://evil/',
    'app://lotse.evil.example/',
    'app://lotse@evil.example/',
    'app://user:pw@lotse/',
    'app://lotse:8080/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'https://www.arbeitsagentur.de/',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('refuses missing URLs', () => {
    expect(isAllowedNavigation(null)).toBe(false);
    expect(isAllowedNavigation(undefined)).toBe(false);
  });
});

describe('windowOpenPolicy', () => {
  it('denies every new window, even our own origin', () => {
    for (const url of ['app://lotse/index.html', 'https://evil.example/', 'about:blank', 'https://www.arbeitsagentur.de/']) {
      expect(windowOpenPolicy(url).action).toBe('deny');
    }
  });

  it('hands only allow-listed https pages to the system browser', () => {
    expect(windowOpenPolicy('https://www.arbeitsagentur.de/arbeitslos-arbeit-finden').openExternal).toBe(true);
    expect(windowOpenPolicy('https://www.smwa.sachsen.de/').openExternal).toBe(true);
    expect(windowOpenPolicy('https://evil.example/').openExternal).toBe(false);
    expect(windowOpenPolicy('http://www.arbeitsagentur.de/').openExternal).toBe(false);
    expect(windowOpenPolicy('https://www.arbeitsagentur.de.evil.example/').openExternal).toBe(false);
    expect(windowOpenPolicy('https://evil.example@www.arbeitsagentur.de/').openExternal).toBe(false);
    expect(windowOpenPolicy('https://www.arbeitsagentur.de:8443/').openExternal).toBe(false);
    expect(windowOpenPolicy('file:///C:/Windows/System32/calc.exe').openExternal).toBe(false);
    expect(windowOpenPolicy('app://lotse/').openExternal).toBe(false);
  });

  it('isAllowedExternal agrees with the allow-list', () => {
    expect(isAllowedExternal('https://www.smwa.sachsen.de/foerderung')).toBe(true);
    expect(isAllowedExternal('smb://server/share')).toBe(false);
  });
});

describe('permissionAllowed', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])('denies %s', (p) => {
    expect(permissionAllowed(p)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top-level app://lotse/ frame', () => {
    expect(isTrustedSender('app://lotse/index.html', true)).toBe(true);
    expect(isTrustedSender('app://lotse/index.html#/programme', true)).toBe(true);
  });

  it('refuses iframes, foreign origins and vanished frames', () => {
    expect(isTrustedSender('app://lotse/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('https://evil.example/', false)).toBe(false);
    expect(isTrustedSender('file:///tmp/x.html', true)).toBe(false);
    expect(isTrustedSender('app://lotse@evil.example/', true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
  });
});

describe('resolveAppUrl', () => {
  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppUrl(root, 'app://lotse/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://lotse')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://lotse/index.html#/programme')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://lotse/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppUrl(root, 'app://lotse/assets/Schrift%20A.woff2')).toBe(path.join(root, 'assets', 'Schrift A.woff2'));
  });

  it.each([
    'app://lotse/../../etc/passwd',
    'app://lotse/%2e%2e/%2e%2e/etc/passwd',
    'app://lotse/%2E%2E/%2E%2E/etc/passwd',
    'app://lotse/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://lotse/..%5c..%5cwindows%5cwin.ini',
    'app://lotse/assets/x%00.js',
    'app://lotse/%E0%A4%A',
    'app://lotse/assets/../../../etc/passwd',
  ])('refuses the traversal %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it('refuses other origins and schemes', () => {
    expect(resolveAppUrl(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'app://lotse@evil/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppUrl(root, 'https://lotse/index.html')).toBeNull();
  });

  it('keeps anything it does serve inside the folder', () => {
    for (const url of ['app://lotse/a/./b.js', 'app://lotse/a/../b.js', 'app://lotse//etc/passwd']) {
      const file = resolveAppUrl(root, url);
      expect(file === null || inside(file)).toBe(true);
    }
  });
});

describe('CSP and headers', () => {
  it('reuses the web-mode CSP: nothing but our own scripts', () => {
    expect(contentSecurityPolicy).toBe(webCsp);
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('sends the CSP and a MIME type with every app:// response', () => {
    expect(appResponseHeaders('/x/index.html')).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': webCsp,
      'x-content-type-options': 'nosniff',
    });
    expect(appResponseHeaders('/x/a.JS')['content-type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders('/x/unknown.bin')['content-type']).toBe('application/octet-stream');
  });
});

describe('menuTemplate', () => {
  it('is German and hides the developer tools in the installed app', () => {
    const opened: string[] = [];
    const template = menuTemplate({ isPackaged: true, onAbout: () => {}, openHelpPage: (u) => opened.push(u) });
    expect(template.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    const devTools = template[2]?.submenu?.find((i) => i.role === 'toggleDevTools');
    expect(devTools?.visible).toBe(false);
    const dev = menuTemplate({ isPackaged: false, onAbout: () => {}, openHelpPage: () => {} });
    expect(dev[2]?.submenu?.find((i) => i.role === 'toggleDevTools')?.visible).toBe(true);
    for (const item of template[3]?.submenu ?? []) item.click?.();
    expect(opened.length).toBeGreaterThan(0);
    for (const url of opened) expect(isAllowedExternal(url)).toBe(true);
  });
});

describe('windowWebPreferences', () => {
  it('disables DevTools in a packaged build and keeps the page isolated either way', () => {
    const packaged = windowWebPreferences('/app/preload.cjs', true);
    expect(packaged.devTools).toBe(false);
    expect(windowWebPreferences('/app/preload.cjs', false).devTools).toBe(true);
    for (const prefs of [packaged, windowWebPreferences('/app/preload.cjs', false)]) {
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: '/app/preload.cjs' });
    }
  });
});
