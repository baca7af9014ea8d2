import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs the real dist bundle main.cjs (real app core, real SQLite file, real renderer files) in plain Node.
 * The Electron binary cannot be installed here, so only Electron's API object is a recorder: it captures what
 * main.cjs registers (protocol handler, IPC handlers, window options, hardening hooks), and the harness then
 * calls those exactly as Electron would. The Electron Playwright project covers the real runtime where it exists.
 */
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-electron-smoke-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const recorder = String.raw`
const calls = { events: {}, ipc: {}, windows: [], sent: [], external: [], quit: 0, exit: null, errors: [] };
const on = (store) => (name, fn) => { (store[name] ??= []).push(fn); };
const webContents = () => {
  const wc = { events: {}, sent: [], session: null, isDestroyed: () => false };
  wc.on = (n, f) => { on(wc.events)(n, f); return wc; };
  wc.setWindowOpenHandler = (f) => { wc.openHandler = f; };
  wc.send = (...a) => calls.sent.push(a);
  return wc;
};
class BrowserWindow {
  constructor(options) { this.options = options; this.webContents = webContents(); this.events = {}; calls.windows.push(this); }
  loadURL(url) { this.url = url; return Promise.resolve(); }
  once(n, f) { on(this.events)(n, f); return this; }
  on(n, f) { on(this.events)(n, f); return this; }
  show() {} focus() {} restore() {} isMinimized() { return false; } isDestroyed() { return false; }
}
const session = { defaultSession: {
  setPermissionRequestHandler(f) { calls.permissionRequest = f; },
  setPermissionCheckHandler(f) { calls.permissionCheck = f; },
} };
module.exports = {
  __calls: calls,
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit() { calls.quit++; for (const f of calls.events['will-quit'] ?? []) f({ preventDefault() { calls.quitPrevented = true; } }); },
    exit(code) { calls.exit = code; },
    getAppPath: () => process.env.SMOKE_APP_PATH,
    getPath: () => process.env.SMOKE_TMP,
    setPath(name, p) { calls.userData = p; },
    getVersion: () => '0.0.0',
    on: on(calls.events),
  },
  protocol: {
    registerSchemesAsPrivileged(s) { calls.schemes = s; },
    handle(scheme, f) { calls.protocol = { scheme, f }; },
  },
  BrowserWindow,
  ipcMain: { handle(channel, f) { calls.ipc[channel] = f; } },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
    showMessageBox: async () => ({ response: 0 }),
    showErrorBox(t, m) { calls.errors.push(t + ': ' + m); },
  },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu(m) { calls.menu = m; } },
  session,
  shell: { openExternal: async (u) => { calls.external.push(u); } },
};
`;

const harness = String.raw`
const path = require('node:path');
process.argv = [process.execPath, '.', '--db', process.env.SMOKE_DB];
const electron = require('electron');
const calls = electron.__calls;
require(process.env.SMOKE_MAIN);
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  for (let i = 0; i < 200 && calls.windows.length === 0 && calls.errors.length === 0; i++) await wait(50);
  const out = { errors: calls.errors, schemes: calls.schemes, userData: calls.userData };
  const win = calls.windows[0];
  out.window = win && { url: win.url, options: win.options };
  out.menu = (calls.menu ?? []).map((m) => m.label);
  const serve = async (url) => {
    const res = await calls.protocol.f({ url });
    return { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type'), body: await res.text() };
  };
  out.scheme = calls.protocol.scheme;
  out.index = await serve('app://lotse/');
  out.asset = await serve('app://lotse/assets/app.js');
  out.traversal = await serve('app://lotse/../../etc/passwd');
  out.missing = await serve('app://lotse/assets/nope.js');
  const top = { senderFrame: { url: 'app://lotse/index.html#/programme', parent: null } };
  const iframe = { senderFrame: { url: 'app://lotse/index.html', parent: top.senderFrame } };
  const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
  out.channels = Object.keys(calls.ipc).sort();
  out.invokeTop = await calls.ipc['lotse:invoke'](top, 'system.info', {}, {});
  out.invokeIframe = await calls.ipc['lotse:invoke'](iframe, 'system.info', {}, {});
  out.invokeForeign = await calls.ipc['lotse:invoke'](foreign, 'system.info', {}, {});
  out.pickForeign = await calls.ipc['lotse:pickFile'](foreign, []).then(() => 'resolved', (e) => e.message);
  out.pickCancelled = await calls.ipc['lotse:pickFile'](top, []);
  // hardening hooks, as Electron calls them for every new web contents
  const wc = win.webContents;
  for (const f of calls.events['web-contents-created'] ?? []) f({}, wc);
  const navigate = (url) => { let prevented = false; for (const f of wc.events['will-navigate']) f({ preventDefault() { prevented = true; } }, url); return prevented; };
  out.navEvil = navigate('https://evil.example/');
  out.navSelf = navigate('app://lotse/index.html');
  out.navHelp = navigate('https://www.arbeitsagentur.de/');
  // Electron >= 25 puts the target on the event itself; it wins over the deprecated argument
  let eventUrlPrevented = false;
  for (const f of wc.events['will-navigate']) f({ url: 'https://evil.example/', preventDefault() { eventUrlPrevented = true; } }, 'app://lotse/');
  out.navEventUrl = eventUrlPrevented;
  out.open = [wc.openHandler({ url: 'https://evil.example/' }), wc.openHandler({ url: 'https://www.smwa.sachsen.de/' })];
  let webviewPrevented = false;
  for (const f of wc.events['will-attach-webview']) f({ preventDefault() { webviewPrevented = true; } });
  out.webviewPrevented = webviewPrevented;
  out.permission = await new Promise((r) => calls.permissionRequest(wc, 'media', r));
  out.permissionCheck = calls.permissionCheck(wc, 'geolocation');
  await wait(50);
  out.external = calls.external;
  electron.app.quit();
  await wait(300);
  out.quit = calls.quit;
  out.quitPrevented = calls.quitPrevented ?? false;
  process.stdout.write('RESULT ' + JSON.stringify(out) + '\n');
  process.exit(0);
})().catch((e) => { process.stdout.write('FAILED ' + e.stack + '\n'); process.exit(1); });
`;

interface Served {
  status: number;
  csp: string | null;
  type: string | null;
  body: string;
}

let result: Record<string, unknown> & {
  index: Served;
  asset: Served;
  traversal: Served;
  missing: Served;
  window: { url: string; options: { webPreferences: Record<string, unknown> } };
};

beforeAll(() => {
  const out = path.join(tmp, 'out');
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', out], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  fs.mkdirSync(path.join(tmp, 'node_modules', 'electron'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'node_modules', 'electron', 'index.js'), recorder);
  // the real native sqlite3 module, as electron-builder ships it next to the bundle
  fs.symlinkSync(path.join(root, 'node_modules', 'sqlite3'), path.join(tmp, 'node_modules', 'sqlite3'), 'junction');
  const renderer = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Lotse</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  const harnessFile = path.join(tmp, 'harness.cjs');
  fs.writeFileSync(harnessFile, harness);
  const r = spawnSync(process.execPath, [harnessFile], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 50_000,
    env: {
      ...process.env,
      SMOKE_MAIN: path.join(out, 'main.cjs'),
      SMOKE_DB: path.join(tmp, 'data', 'lotse.sqlite'),
      SMOKE_APP_PATH: root,
      SMOKE_TMP: tmp,
      LOTSE_RENDERER_DIR: renderer,
      XDG_CONFIG_HOME: path.join(tmp, 'config'),
      LOTSE_DB: '',
    },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  expect(line, `${r.stdout}\n${r.stderr}`).toBeDefined();
  result = JSON.parse(line!.slice('RESULT '.length)) as typeof result;
}, 60_000);

describe('main.cjs wired to Electron', () => {
  it('starts without errors, registers app:// as standard+secure and opens the app URL in a locked-down window', () => {
    expect(result.errors).toEqual([]);
    expect(result.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(result.userData).toBe(path.join(tmp, 'config', 'Lotse'));
    expect(result.window.url).toBe('app://lotse/index.html');
    expect(result.window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
    });
    expect(result.menu).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
  });

  it('serves the renderer over app:// with the CSP and refuses traversal', () => {
    expect(result.index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>Lotse</title>' });
    expect(result.index.csp).toContain("default-src 'none'");
    expect(result.asset).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(result.traversal.status).toBe(403);
    expect(result.missing.status).toBe(404);
  });

  it('answers lotse:invoke from the top-level app frame only, on the database given by --db', () => {
    expect(result.channels).toEqual(['lotse:invoke', 'lotse:pickFile', 'lotse:saveFile']);
    expect(result.invokeTop).toMatchObject({ ok: true, data: { mode: 'electron', dbPath: path.join(tmp, 'data', 'lotse.sqlite') } });
    expect(result.invokeIframe).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.invokeForeign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.pickForeign).toMatch(/nicht vertrauenswürdig/);
    expect(result.pickCancelled).toBeNull();
  });

  it('blocks navigation, new windows, webviews and permissions; help pages go to the system browser', () => {
    expect(result.navEvil).toBe(true);
    expect(result.navSelf).toBe(false);
    expect(result.navHelp).toBe(true);
    expect(result.navEventUrl).toBe(true);
    expect(result.open).toEqual([{ action: 'deny' }, { action: 'deny' }]);
    expect(result.webviewPrevented).toBe(true);
    expect(result.permission).toBe(false);
    expect(result.permissionCheck).toBe(false);
    expect(result.external).toEqual(['https://www.arbeitsagentur.de/', 'https://www.smwa.sachsen.de/']);
  });

  it('closes the database before quitting', () => {
    expect(result.quitPrevented).toBe(true);
    expect(result.quit).toBe(2);
  });
});
