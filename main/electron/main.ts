import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ProgressEvent } from '../../shared/contract/index.js';
import { toSerializedError } from '../api/router.js';
import { startApp, type App } from '../app.js';
import { backupKeysFor } from '../db/backup-crypto.js';
import { isServerUrl, redactUrl } from '../db/engine/target.js';
import { connectionTarget } from '../features/team/connection.js';
import { defaultDataDir, resolveDbPath } from '../paths.js';
import { version } from '../version.js';
import { channels } from './channels.js';
import type { BrowserWindow, ElectronMain, IpcMainInvokeEvent } from './electron-api.js';
import { createIpcHandlers, type Sender } from './ipc.js';
import { menuTemplate } from './menu.js';
import {
  appResponseHeaders,
  appScheme,
  appStartUrl,
  isAllowedExternal,
  isAllowedNavigation,
  permissionAllowed,
  resolveAppUrl,
  windowOpenPolicy,
  windowWebPreferences,
} from './security.js';

/**
 * Electron main process: a thin shell around the same app core web mode uses. All policy decisions live in
 * security.ts and ipc.ts (pure, unit-tested); this file only wires them to Electron's events.
 */

// Electron is an optional dependency; its module only exists inside the Electron runtime (see electron-api.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as ElectronMain;
const { app, protocol, BrowserWindow: BrowserWindowCtor, ipcMain, dialog, Menu, session, shell, safeStorage } = electron;

// must happen before `ready`: app:// behaves like https (standard origin, secure context, fetch allowed)
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// dev runs ("electron .", name "lotse") and the installed app (productName "Lotse") share one data folder,
// the one the CLI and web mode use too
app.setPath('userData', defaultDataDir());

let window: BrowserWindow | null = null;

/** --db or LOTSE_DB if given; else the team server set up in Einstellungen → Teambetrieb; else the local file. */
function chosenDatabase(): { target: string; password?: string } {
  const explicit = process.argv.some((a) => a === '--db' || a.startsWith('--db=')) || !!process.env.LOTSE_DB;
  const team = explicit ? null : connectionTarget(defaultDataDir(), safeStorage);
  return team ? { target: team.url, password: team.password } : { target: cliDbPath() };
}

function cliDbPath(): string {
  const { values } = parseArgs({
    // argv[0] is the executable; in dev runs "." and Chromium/inspector switches follow, which parseArgs skips
    args: process.argv.slice(1),
    options: { db: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return resolveDbPath(typeof values.db === 'string' ? values.db : undefined);
}

function rendererRoot(): string {
  // the override serves parallel test builds; an installed app always serves its own bundled files
  const override = app.isPackaged ? undefined : process.env.LOTSE_RENDERER_DIR;
  return override ?? path.join(app.getAppPath(), 'dist', 'renderer');
}

function openExternalIfAllowed(url: string): void {
  if (isAllowedExternal(url)) void shell.openExternal(url);
}

/** Applies to every web contents ever created (also ones we never intended): no navigation, windows, webviews. */
function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, legacyUrl) => {
      const url = event.url ?? legacyUrl;
      if (isAllowedNavigation(url)) return;
      event.preventDefault();
      openExternalIfAllowed(url);
    });
    contents.on('will-redirect', (event, legacyUrl) => {
      if (!isAllowedNavigation(event.url ?? legacyUrl)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenPolicy(url);
      if (decision.openExternal) void shell.openExternal(url);
      return { action: decision.action };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
}

function serveAppProtocol(root: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppUrl(root, request.url);
    if (file === null) return new Response('Unzulässiger Pfad', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    try {
      const body = await fs.promises.readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return new Response('Nicht gefunden', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  });
}

function senderOf(event: IpcMainInvokeEvent): Sender {
  try {
    const frame = event.senderFrame;
    return { url: frame?.url, isMainFrame: frame !== null && frame.parent === null };
  } catch {
    // the frame was destroyed or navigated away meanwhile: treat as untrusted
    return { url: null, isMainFrame: false };
  }
}

/** Errors cross IPC as their message only; make sure it is the German one, never a stack trace. */
async function germanErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new Error(toSerializedError(err).message);
  }
}

function registerIpc(lotse: App): void {
  const ipc = createIpcHandlers(lotse, {
    async open(filters) {
      if (!window) return null;
      const r = await dialog.showOpenDialog(window, { title: 'Datei auswählen', properties: ['openFile'], filters });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async save(suggestedName) {
      if (!window) return null;
      const r = await dialog.showSaveDialog(window, {
        title: 'Speichern unter',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  });
  ipcMain.handle(channels.invoke, (event, name, input, meta) => ipc.invoke(senderOf(event), name, input, meta));
  ipcMain.handle(channels.pickFile, (event, filters) => germanErrors(() => ipc.pickFile(senderOf(event), filters)));
  ipcMain.handle(channels.saveFile, (event, handle, name) => germanErrors(() => ipc.saveFile(senderOf(event), handle, name)));
  lotse.ctx.events.on('progress', (e: ProgressEvent) => {
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(channels.progress, e);
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindowCtor({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Lotse',
    backgroundColor: '#ffffff',
    webPreferences: windowWebPreferences(path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'), app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (window === win) window = null;
  });
  win.loadURL(appStartUrl).catch((err: unknown) => {
    dialog.showErrorBox('Lotse', `Die Oberfläche konnte nicht geladen werden: ${err instanceof Error ? err.message : String(err)}`);
  });
  return win;
}

async function start(): Promise<void> {
  const chosen = chosenDatabase();
  const dbPath = chosen.target;
  await app.whenReady();
  hardenWebContents();
  serveAppProtocol(rendererRoot());

  let lotse: App;
  try {
    // the backup key is kept by the OS keychain (DPAPI, Keychain, libsecret) where there is one
    lotse = await startApp(dbPath, 'electron', {
      mustExist: false,
      backupKeys: backupKeysFor(dbPath, safeStorage),
      password: chosen.password,
      secrets: safeStorage,
      dataDir: defaultDataDir(),
    });
  } catch (err) {
    dialog.showErrorBox('Lotse kann nicht starten', `${toSerializedError(err).message}\n\nDatenbank: ${isServerUrl(dbPath) ? redactUrl(dbPath) : dbPath}`);
    app.exit(1);
    return;
  }
  registerIpc(lotse);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isPackaged: app.isPackaged,
        openHelpPage: openExternalIfAllowed,
        onAbout() {
          if (!window) return;
          void dialog.showMessageBox(window, {
            type: 'info',
            title: 'Über Lotse',
            message: `Lotse ${version}`,
            detail: `Koordination von Arbeitsmarktintegrationsprogrammen.\nDatenbank: ${lotse.ctx.open.path}`,
            buttons: ['OK'],
          });
        },
      }),
    ),
  );

  window = createWindow();
  for (const warning of lotse.ctx.open.warnings) {
    void dialog.showMessageBox(window, { type: 'warning', title: 'Lotse – Hinweis', message: warning, buttons: ['OK'] });
  }

  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // close SQLite cleanly (WAL checkpoint) before the process ends
    event.preventDefault();
    void lotse.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  // a second start only brings the running window to the front (see 'second-instance'); two writers are avoided
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  start().catch((err: unknown) => {
    dialog.showErrorBox('Lotse kann nicht starten', toSerializedError(err).message);
    app.exit(1);
  });
}
