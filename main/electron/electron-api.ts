/**
 * The few Electron APIs Lotse uses, typed by hand. Electron is an optional dependency that may be missing
 * (no binary download here), and an ambient `declare module 'electron'` would clash with its real typings
 * once installed, so main.ts and preload.ts require electron at runtime and cast to these interfaces.
 * Names and signatures follow Electron 45's API.
 */

export interface ElectronEvent {
  preventDefault(): void;
}

/** Electron ≥ 25 passes the target on the event; the separate `url` argument is deprecated but still sent. */
export interface NavigationEvent extends ElectronEvent {
  readonly url?: string;
}

export interface WebFrameMain {
  readonly url: string;
  readonly parent: WebFrameMain | null;
}

export interface IpcMainInvokeEvent extends ElectronEvent {
  readonly senderFrame: WebFrameMain | null;
}

export interface Session {
  setPermissionRequestHandler(
    handler: (webContents: WebContents, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: WebContents | null, permission: string) => boolean): void;
}

export interface WebContents {
  readonly session: Session;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: ElectronEvent) => void): this;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface BrowserWindowOptions {
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  show?: boolean;
  title?: string;
  backgroundColor?: string;
  webPreferences?: {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInWorker?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    webSecurity?: boolean;
    allowRunningInsecureContent?: boolean;
    webviewTag?: boolean;
    navigateOnDragDrop?: boolean;
    spellcheck?: boolean;
    devTools?: boolean;
  };
}

export interface BrowserWindow {
  readonly webContents: WebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): this;
  on(event: 'closed', listener: () => void): this;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export interface MenuItemOptions {
  label?: string;
  role?: string;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemOptions[];
  visible?: boolean;
}

export interface ElectronMain {
  app: {
    readonly isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<void>;
    quit(): void;
    exit(code?: number): void;
    getAppPath(): string;
    getPath(name: 'userData' | 'documents' | 'downloads'): string;
    setPath(name: 'userData', path: string): void;
    getVersion(): string;
    on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
    on(event: 'web-contents-created', listener: (event: ElectronEvent, contents: WebContents) => void): unknown;
    on(event: 'will-quit', listener: (event: ElectronEvent) => void): unknown;
  };
  protocol: {
    registerSchemesAsPrivileged(
      schemes: { scheme: string; privileges: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean } }[],
    ): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  BrowserWindow: new (options: BrowserWindowOptions) => BrowserWindow;
  ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  };
  dialog: {
    showOpenDialog(
      window: BrowserWindow,
      options: { title?: string; properties: 'openFile'[]; filters?: { name: string; extensions: string[] }[] },
    ): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(window: BrowserWindow, options: { title?: string; defaultPath?: string }): Promise<{ canceled: boolean; filePath?: string }>;
    showMessageBox(
      window: BrowserWindow,
      options: { type?: 'none' | 'info' | 'error' | 'question' | 'warning'; title?: string; message: string; detail?: string; buttons?: string[] },
    ): Promise<{ response: number }>;
    showErrorBox(title: string, content: string): void;
  };
  Menu: {
    buildFromTemplate(template: MenuItemOptions[]): unknown;
    setApplicationMenu(menu: unknown): void;
  };
  session: { readonly defaultSession: Session };
  shell: { openExternal(url: string): Promise<void> };
  safeStorage: {
    isEncryptionAvailable(): boolean;
    encryptString(plain: string): Buffer;
    decryptString(encrypted: Buffer): string;
    /** Linux only: 'basic_text' means no keychain, only a fixed built-in password */
    getSelectedStorageBackend?(): string;
  };
}

export interface IpcRendererEvent {
  readonly senderId?: number;
}

export interface ElectronPreload {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  };
}
