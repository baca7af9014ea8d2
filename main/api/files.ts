import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { makeTempDir, privateFileMode } from '../db/at-rest.js';

/** What a path names when it is no regular file, for the message. */
function kindOf(stat: fs.Stats): { de: string; en: string } {
  if (stat.isDirectory()) return { de: 'ein Ordner', en: 'a folder' };
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return { de: 'ein Gerät', en: 'a device' };
  if (stat.isFIFO() || stat.isSocket()) return { de: 'eine Pipe oder ein Socket', en: 'a pipe or socket' };
  return { de: 'keine gewöhnliche Datei', en: 'not a regular file' };
}

/**
 * Refuses, before anything reads it, a path that is not a regular file (a folder, /dev/zero, a pipe): reading
 * those gives raw system errors (EISDIR), never ends, or blocks. A symbolic link counts as what it points to.
 */
export function assertRegularFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not_found', 'Die Datei wurde nicht gefunden.', 'File not found.');
  }
  if (stat.isFile()) return;
  const kind = kindOf(stat);
  throw new AppError(
    'not_a_file',
    `„${path.basename(file)}“ ist ${kind.de}, keine Datei. Bitte eine Tabelle (.xlsx oder .csv) auswählen.`,
    `"${path.basename(file)}" is ${kind.en}, not a file.`,
  );
}

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

  /** The entry of a handle that is about to be read; refused unless it is still a regular file. */
  readable(handle: string): FileEntry {
    const entry = this.get(handle);
    assertRegularFile(entry.path);
    return entry;
  }

  dispose(): void {
    fs.rmSync(this.#dir, { recursive: true, force: true });
    this.#entries.clear();
  }
}
