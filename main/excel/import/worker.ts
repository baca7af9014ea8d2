import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors.js';
import { analyseFile } from './analyse.js';
import { defaultReadLimits, limitErrors } from './limits.js';
import { packRows } from './row-batch.js';
import { savedMappingFor } from './saved-mapping.js';
import type { ParsedRow } from './table.js';
import { readWorkbook } from './read.js';
import { ROW_BATCH, type FromReader, type RawReadJob, type ReadJob } from './worker-messages.js';

/**
 * The reading thread: parses one file (in-worker.ts starts it with a heap limit) and sends progress, accepted
 * rows in batches and the analysis back. Whatever a hostile file does here — exhaust the heap, run long — ends
 * this thread only; the process and its other calls go on.
 */
const port = parentPort!;
const send = (m: FromReader) => port.postMessage(m);

async function run(job: ReadJob): Promise<void> {
  let batch: ParsedRow[] = [];
  const flush = () => {
    if (batch.length > 0) send({ type: 'rows', rows: packRows(batch) });
    batch = [];
  };
  const hand = (row: ParsedRow) => {
    batch.push(row);
    if (batch.length >= ROW_BATCH) flush();
  };
  const saved = job.saved ? savedMappingFor(job.saved.all, job.saved.sender) : null;
  let savedUsed = false;
  const analysis = await analyseFile(job.file, {
    sheet: job.sheet,
    mapping: job.mapping,
    today: job.today,
    limits: job.limits,
    onRows: (rowsRead) => send({ type: 'progress', rowsRead }),
    onAccepted: job.stream ? hand : undefined,
    savedMapping: saved
      ? (headers, proposed) => {
          const m = saved(headers, proposed);
          savedUsed = m !== null;
          return m;
        }
      : undefined,
  });
  // a preview gets its rows after the whole file is read, still in batches (one huge message would block the
  // receiving thread while it is unpacked)
  for (const row of analysis.table.accepted) hand(row);
  analysis.table.accepted = [];
  flush();
  send({ type: 'done', analysis, savedUsed });
}

/** Every sheet's rows as they are, for a caller that maps them itself. */
async function readRaw(job: RawReadJob): Promise<void> {
  const workbook = await readWorkbook(job.file, { limits: job.limits, onRows: (rowsRead) => send({ type: 'progress', rowsRead }) });
  send({ type: 'raw', workbook });
}

function failure(err: unknown, job: { limits?: ReadJob['limits'] }): FromReader {
  if (err instanceof AppError) return { type: 'error', error: err.toJSON(), message: err.message };
  // what V8 refuses to allocate (a string or array past its maximum length) is the file's size, not a bug
  if (err instanceof RangeError && !/stack/i.test(err.message)) {
    return { type: 'error', error: limitErrors.memory({ ...defaultReadLimits, ...job.limits }).toJSON(), message: err.message };
  }
  return { type: 'error', error: null, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

port.once('message', (job: ReadJob | RawReadJob) => {
  ('raw' in job ? readRaw(job) : run(job)).catch((err: unknown) => send(failure(err, job)));
});
