import { channels } from './channels.js';
import type { ElectronPreload, IpcRendererEvent } from './electron-api.js';

/**
 * The only bridge between the sandboxed page and main: `window.lotse` with invoke/on/pickFile/saveFile, matching
 * LotseBridge in renderer/src/api/client.ts. No ipcRenderer, no event objects, no Node reaches the page.
 */

// Sandboxed preloads get a require() that only serves 'electron'; see electron-api.ts for why it is not an import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer } = require('electron') as ElectronPreload;

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

contextBridge.exposeInMainWorld('lotse', {
  invoke(name: string, input: unknown, meta?: { jobId?: string }): Promise<unknown> {
    return ipcRenderer.invoke(channels.invoke, String(name), input, meta ?? {});
  },
  on(event: 'progress', cb: (e: unknown) => void): () => void {
    if (event !== 'progress') return () => {};
    // the IPC event (which carries `sender`) stays here; the page sees only the payload
    const listener: Listener = (_event, payload) => cb(payload);
    ipcRenderer.on(channels.progress, listener);
    return () => {
      ipcRenderer.removeListener(channels.progress, listener);
    };
  },
  pickFile(filters: { name: string; extensions: string[] }[]): Promise<unknown> {
    return ipcRenderer.invoke(channels.pickFile, filters);
  },
  saveFile(handle: string, suggestedName: string): Promise<unknown> {
    return ipcRenderer.invoke(channels.saveFile, handle, suggestedName);
  },
});
