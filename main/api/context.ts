import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { ProgressEvent } from '../../shared/contract/index.js';
import { AppError } from '../../shared/errors.js';
import type { SafeStorageLike } from '../db/backup-crypto.js';
import type { OpenDatabase } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { FileStore } from './files.js';

export type Mode = 'electron' | 'web' | 'cli';

/** Everything a handler may use. One per open database; transports share it. */
export interface AppContext {
  db: Kysely<Database>;
  /** read-only connection for dashboards and lists, answers while the writer is busy */
  reader: Kysely<Database>;
  open: OpenDatabase;
  mode: Mode;
  version: string;
  files: FileStore;
  events: EventEmitter<{ progress: [ProgressEvent] }>;
  /** Signal of a running job; `jobs.cancel` aborts it. */
  jobSignal(jobId: string | undefined): AbortSignal;
  progress(jobId: string | undefined, phase: string, done: number, total: number): void;
  cancelJob(jobId: string): boolean;
  /** the data folder (settings files beside the database, e.g. the team connection) */
  dataDir: string;
  /** the OS keychain where there is one (Electron safeStorage): seals the team server's password */
  secrets?: SafeStorageLike;
}

export function createContext(
  open: OpenDatabase,
  mode: Mode,
  version: string,
  place: { dataDir: string; secrets?: SafeStorageLike } = { dataDir: '.' },
): AppContext {
  const events = new EventEmitter<{ progress: [ProgressEvent] }>();
  const jobs = new Map<string, AbortController>();
  return {
    db: open.db,
    reader: open.reader,
    open,
    mode,
    version,
    files: new FileStore(),
    dataDir: place.dataDir,
    secrets: place.secrets,
    events,
    jobSignal(jobId) {
      if (!jobId) return new AbortController().signal;
      let c = jobs.get(jobId);
      if (!c) {
        c = new AbortController();
        jobs.set(jobId, c);
      }
      return c.signal;
    },
    progress(jobId, phase, done, total) {
      if (!jobId) return;
      if (jobs.get(jobId)?.signal.aborted) {
        throw new AppError('cancelled', 'Vorgang abgebrochen; es wurde nichts gespeichert.', 'Cancelled; nothing was saved.');
      }
      events.emit('progress', { jobId, phase, done, total });
    },
    cancelJob(jobId) {
      const c = jobs.get(jobId);
      if (!c) {
        const fresh = new AbortController();
        fresh.abort();
        jobs.set(jobId, fresh);
        return false;
      }
      c.abort();
      return true;
    },
  };
}
