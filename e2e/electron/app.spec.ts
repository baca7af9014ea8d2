import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { _electron, type ElectronApplication, type Page } from 'playwright';

/**
 * The desktop app itself, driven through Playwright's Electron support. Electron is an optional dependency
 * whose binary cannot be downloaded everywhere; without it these tests skip themselves with a printed reason
 * (and a skipped test never counts as passed).
 */
const root = path.resolve(import.meta.dirname, '..', '..');

const { binary, reason } = electronBinary();

/** The page's global object as the tests see it (e2e compiles without the DOM library). */
type PageGlobal = {
  lotse: { invoke(name: string, input: unknown): Promise<unknown> };
  require?: unknown;
  process?: unknown;
  location: { href: string; hash: string };
  open(url: string): unknown;
};

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  if (!binary) return;
  const r = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

test.beforeEach(async () => {
  if (!binary) {
    console.log(`Electron-Test übersprungen: ${reason}`);
    test.skip(true, reason);
    return;
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-electron-e2e-'));
  const args = [root, '--db', path.join(dataDir, 'lotse.sqlite')];
  // Chromium refuses its sandbox as root (CI containers)
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  app = await _electron.launch({
    executablePath: binary,
    args,
    cwd: root,
    // a fresh data folder: userData follows XDG_CONFIG_HOME on Linux, APPDATA on Windows
    env: { ...process.env, XDG_CONFIG_HOME: dataDir, APPDATA: dataDir } as Record<string, string>,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  if (!binary) return;
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('loads the UI from app://lotse/ with nothing but window.lotse exposed', async () => {
  expect(page.url()).toMatch(/^app:\/\/lotse\//);
  const exposed = await page.evaluate(() => ({
    bridge: Object.keys((globalThis as unknown as PageGlobal).lotse).sort(),
    require: typeof (globalThis as unknown as PageGlobal).require,
    process: typeof (globalThis as unknown as PageGlobal).process,
  }));
  expect(exposed).toEqual({ bridge: ['invoke', 'on', 'pickFile', 'saveFile'], require: 'undefined', process: 'undefined' });
  const info = await page.evaluate(() => (globalThis as unknown as PageGlobal).lotse.invoke('system.info', {}));
  expect(info).toMatchObject({ ok: true, data: { mode: 'electron', dbPath: path.join(dataDir, 'lotse.sqlite') } });
});

test('the window is sandboxed and cannot navigate away or open windows', async () => {
  // getLastWebPreferences is Electron's own accessor, left out of its published types since Electron 45
  type WithPrefs = { getLastWebPreferences(): Record<string, unknown> };
  const prefs = await app.evaluate(({ BrowserWindow }) => (BrowserWindow.getAllWindows()[0]!.webContents as unknown as WithPrefs).getLastWebPreferences());
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobal).open('https://evil.example/'))).toBeNull();
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobal).location.href = 'https://evil.example/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/lotse\//);
  expect(app.windows()).toHaveLength(1);
});

test('shows the Programme page in German', async () => {
  // a fresh database: the first start asks for the coordinator's name, which may wait
  await page.getByRole('alertdialog', { name: 'Willkommen bei Lotse' }).getByRole('button', { name: 'Später' }).click();
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobal).location.hash = '#/programme';
  });
  await expect(page.getByRole('heading', { name: 'Programme' })).toBeVisible();
});
