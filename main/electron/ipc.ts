import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { App } from '../app.js';
import type { CallResult } from '../api/router.js';
import { isTrustedSender } from './security.js';

/** Who sent an IPC message: the frame's URL and whether it is the top-level frame (null when it is gone). */
export interface Sender {
  url: string | null | undefined;
  isMainFrame: boolean;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The main-process dialogs, injected so the IPC logic runs (and is tested) without Electron. */
export interface FileDialogs {
  /** absolute path of the chosen file, or null when cancelled */
  open(filters: FileFilter[]): Promise<string | null>;
  /** absolute target path, or null when cancelled */
  save(suggestedName: string): Promise<string | null>;
}

export interface PickedFile {
  handle: string;
  name: string;
  size: number;
}

// The renderer is untrusted input too: filters and names are checked before they reach a dialog.
const filtersSchema = z
  .array(
    z.object({
      name: z.string().min(1).max(100),
      extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/)).min(1).max(20),
    }),
  )
  .max(10);
const metaSchema = z.object({ jobId: z.string().min(1).max(100).optional() }).catch({});

const forbidden = () =>
  new AppError('forbidden', 'Anfrage aus einem nicht vertrauenswürdigen Fenster abgelehnt.', 'Request from an untrusted frame refused.');

/**
 * The Electron transport without Electron: every channel first checks the sender frame (top-level app://lotse/
 * only), then validates its arguments. main.ts binds these to ipcMain.handle.
 */
export function createIpcHandlers(app: Pick<App, 'router' | 'ctx'>, dialogs: FileDialogs) {
  return {
    /** `lotse:invoke` → the same router web mode uses; answers `{ ok, data | error }`, never throws */
    async invoke(sender: Sender, name: unknown, input: unknown, meta: unknown): Promise<CallResult> {
      if (!isTrustedSender(sender.url, sender.isMainFrame)) return { ok: false, error: forbidden().toJSON() };
      if (typeof name !== 'string') {
        return { ok: false, error: { code: 'unknown_procedure', message: 'Unbekannte Funktion.', messageEn: 'Unknown procedure.' } };
      }
      return app.router.call(name, input, metaSchema.parse(meta ?? {}));
    },

    /** `lotse:pickFile`: a main-process open dialog; the chosen file is registered and only its handle returned */
    async pickFile(sender: Sender, filters: unknown): Promise<PickedFile | null> {
      if (!isTrustedSender(sender.url, sender.isMainFrame)) throw forbidden();
      const parsed = filtersSchema.safeParse(filters ?? []);
      if (!parsed.success) throw new AppError('validation', 'Ungültiger Dateifilter.', 'Invalid file filter.');
      const file = await dialogs.open(parsed.data);
      if (!file) return null;
      const stat = await fs.promises.stat(file);
      const name = path.basename(file);
      const handle = app.ctx.files.register({ path: file, name, temporary: false });
      return { handle, name, size: stat.size };
    },

    /** `lotse:saveFile`: copies a file main produced (by handle) to where the user chose; false when cancelled */
    async saveFile(sender: Sender, handle: unknown, suggestedName: unknown): Promise<boolean> {
      if (!isTrustedSender(sender.url, sender.isMainFrame)) throw forbidden();
      if (typeof handle !== 'string') throw new AppError('validation', 'Ungültige Datei.', 'Invalid file handle.');
      const entry = app.ctx.files.get(handle);
      // only a bare file name reaches the dialog: the renderer cannot steer the target folder
      const name = typeof suggestedName === 'string' && path.basename(suggestedName) ? path.basename(suggestedName) : entry.name;
      const target = await dialogs.save(name);
      if (!target) return false;
      await fs.promises.copyFile(entry.path, target);
      return true;
    },
  };
}
