import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors.js';
import type { Analysis } from './analyse.js';
import { defaultReadLimits, limitErrors, type ReadLimits } from './limits.js';
import { unpackRows } from './row-batch.js';
import type { ParsedRow } from './table.js';
import type { RawWorkbook } from './read.js';
import type { FromReader, RawReadJob, ReadJob } from './worker-messages.js';

export interface ReaderHooks {
  /** accepted rows in file order, a batch at a time; throwing stops the read */
  onAccepted?: (rows: ParsedRow[]) => void;
  /** rows read so far; throwing stops the read */
  onRows?: (rowsRead: number) => void;
  /** aborting ends the reading thread at once */
  signal?: AbortSignal;
}

export interface ReaderResult {
  /** for a job that does not stream, with all accepted rows */
  analysis: Analysis;
  savedUsed: boolean;
}

const cancelled = () => new AppError('cancelled', 'Vorgang abgebrochen; es wurde nichts gespeichert.', 'Cancelled; nothing was saved.');

/**
 * How to start the thread: from a bundle, the reader bundle next to it (read as text inside Electron's asar
 * archive, where a thread cannot open files); from the TypeScript sources, through a small loader that adds tsx.
 * LOTSE_IMPORT_WORKER names a built reader to use instead (the bench measures the reader as it ships). The thread
 * gets none of the process's Node options: an inherited `--import tsx` alone costs 0.4 s of CPU per thread.
 */
function spawn(heapMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: heapMb }, execArgv: [] };
  const here = import.meta.url;
  const built = process.env.LOTSE_IMPORT_WORKER;
  if (!built && here.endsWith('.ts')) {
    return new Worker(new URL('./worker-boot.mjs', here), { ...options, workerData: { entry: new URL('./worker.ts', here).href } });
  }
  const bundle = built ?? fileURLToPath(new URL('./import-worker.cjs', here));
  if (bundle.includes(`.asar${path.sep}`)) return new Worker(fs.readFileSync(bundle, 'utf8'), { ...options, eval: true });
  return new Worker(bundle, options);
}

/**
 * A file read on a thread of its own with a heap limit: a file that would exhaust memory ends that thread with a
 * clear error instead of the process, and this thread keeps answering other calls meanwhile. Started ahead of
 * the job, so its start-up overlaps whatever the caller prepares; `stop` ends it at any time.
 */
export class ReadWorker {
  private readonly worker: Worker;
  private settled = false;
  /** a thread that failed or ended before run() listened: its error, or an error for its exit */
  private early: unknown = null;
  private fail: (err: unknown) => void = (err) => (this.early ??= err);
  private exited: (code: number) => void = (code) => (this.early ??= new Error(`reading thread ended early (${code})`));

  constructor(private readonly heapMb = defaultReadLimits.workerHeapMb) {
    this.worker = spawn(heapMb);
    // a thread started ahead but never given a job must not keep the process alive
    this.worker.unref();
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.exited(code));
  }

  run(job: RawReadJob, hooks?: ReaderHooks): Promise<RawWorkbook>;
  run(job: ReadJob, hooks?: ReaderHooks): Promise<ReaderResult>;
  run(job: ReadJob | RawReadJob, hooks: ReaderHooks = {}): Promise<ReaderResult | RawWorkbook> {
    if (this.settled) return Promise.reject(cancelled());
    if (this.early !== null) {
      this.settled = true;
      return Promise.reject(this.early);
    }
    this.worker.ref();
    const limits = { ...defaultReadLimits, ...job.limits, workerHeapMb: this.heapMb };
    const accepted: ParsedRow[] = [];
    return new Promise<ReaderResult | RawWorkbook>((resolve, reject) => {
      const finish = (err: unknown, result?: ReaderResult | RawWorkbook) => {
        if (this.settled) return;
        this.settled = true;
        hooks.signal?.removeEventListener('abort', onAbort);
        void this.worker.terminate();
        if (result) resolve(result);
        else reject(err);
      };
      const onAbort = () => finish(hooks.signal?.reason instanceof AppError ? hooks.signal.reason : cancelled());
      if (hooks.signal?.aborted) return onAbort();
      hooks.signal?.addEventListener('abort', onAbort);
      this.fail = (err) => {
        const code = (err as { code?: string } | null)?.code;
        finish(code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitErrors.memory(limits) : err);
      };
      this.exited = (code) => finish(code === 0 ? new Error('reading thread ended without a result') : limitErrors.memory(limits));
      this.worker.on('message', (m: FromReader) => {
        if (this.settled) return;
        try {
          if (m.type === 'rows') {
            const rows = unpackRows(m.rows);
            if (hooks.onAccepted) hooks.onAccepted(rows);
            else for (const r of rows) accepted.push(r);
          } else if (m.type === 'progress') hooks.onRows?.(m.rowsRead);
          else if (m.type === 'done') {
            if (!('raw' in job) && !job.stream) m.analysis.table.accepted = accepted;
            finish(null, { analysis: m.analysis, savedUsed: m.savedUsed });
          } else if (m.type === 'raw') finish(null, m.workbook);
          else {
            const e = m.error;
            finish(e ? new AppError(e.code, e.message, e.messageEn, e.details) : new Error(`reading thread: ${m.message}`));
          }
        } catch (err) {
          // a hook refused (a cancelled job, a failed write): the thread's work is not needed any more
          finish(err);
        }
      });
      this.worker.postMessage(job);
    });
  }

  /** Ends the thread (a job that never ran, or one whose result is not needed any more). */
  stop(): void {
    if (!this.settled) this.fail(cancelled());
    this.settled = true;
    void this.worker.terminate();
  }
}

/** Reads a file on a fresh reading thread (see ReadWorker). */
export function analyseInWorker(job: ReadJob, hooks: ReaderHooks = {}): Promise<ReaderResult> {
  return new ReadWorker(job.limits?.workerHeapMb).run(job, hooks);
}

/** Reads every sheet's rows on a fresh reading thread (see ReadWorker), for imports that map rows themselves. */
export function readRawInWorker(file: string, limits: Partial<ReadLimits> = {}, hooks: ReaderHooks = {}): Promise<RawWorkbook> {
  return new ReadWorker(limits.workerHeapMb).run({ raw: true, file, limits }, hooks);
}
