import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { makeTempDir, privateFileMode } from '../db/at-rest.js';

export interface FileEntry {
  path: string;
  name: string;
  /** temp files Lotse wrote itself (uploads, exports in web mode) are removed on dispose */
  temporary: boolean;
}

/**
 * The renderer never sends a path. Main hands out opaque handles for files it was given (an upload in web mode,
 * a dialog choice in Electron) or that it wrote (exports), and only those handles are accepted.
 */
export class FileStore {
  readonly #entries = new Map<string, FileEntry>();
  // 0700, named with the process id: a later start removes it if this process crashed (removeStaleTempDirs)
  readonly #dir = makeTempDir('lotse-files-');

  register(entry: FileEntry): string {
    const handle = crypto.randomUUID();
    this.#entries.set(handle, entry);
    return handle;
  }

  /** Stores uploaded bytes under a safe temp name; the original name is kept only for display. */
  storeUpload(name: string, bytes: Buffer): string {
    const safe = path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'upload';
    const file = path.join(this.#dir, `${crypto.randomUUID()}-${safe}`);
    fs.writeFileSync(file, bytes, { mode: privateFileMode });
    return this.register({ path: file, name: safe, temporary: true });
  }

  /** A fresh temp path for an export; register it after writing. */
  tempPath(name: string): string {
    return path.join(this.#dir, `${crypto.randomUUID()}-${path.basename(name)}`);
  }

  get(handle: string): FileEntry {
    const entry = this.#entries.get(handle);
    if (!entry) {
      throw new AppError('not_found', 'Die Datei ist nicht mehr verfügbar. Bitte erneut auswählen.', 'Unknown file handle.');
    }
    return entry;
  }

  dispose(): void {
    fs.rmSync(this.#dir, { recursive: true, force: true });
    this.#entries.clear();
  }
}
