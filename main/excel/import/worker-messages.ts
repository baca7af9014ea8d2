import type { ImportMapping } from '../../../shared/domain/imports.js';
import type { SerializedError } from '../../../shared/errors.js';
import type { Analysis } from './analyse.js';
import type { ReadLimits } from './limits.js';
import type { SavedMappings } from './saved-mapping.js';
import type { PackedRows } from './row-batch.js';
import type { RawWorkbook } from './read.js';

/** What the reading thread is asked to do: everything plain data, since it crosses to another thread. */
export interface ReadJob {
  file: string;
  sheet?: string | null;
  mapping?: ImportMapping | null;
  today: string;
  limits?: Partial<ReadLimits>;
  saved?: { all: SavedMappings; sender: string | null } | null;
  /** true: accepted rows are handed on while the file is still read (an import); false: after the whole file (a preview) */
  stream: boolean;
}

/**
 * A list read as plain rows, without the people import's analysis (the receipt import maps and checks the rows
 * itself): the thread reads the file within the limits and sends back every sheet's rows.
 */
export interface RawReadJob {
  raw: true;
  file: string;
  limits?: Partial<ReadLimits>;
}

/** Accepted rows go in batches: one message per row would cost more than parsing the row. */
export const ROW_BATCH = 2000;

export type FromReader =
  | { type: 'rows'; rows: PackedRows }
  | { type: 'progress'; rowsRead: number }
  /** the analysis without its accepted rows, which came as 'rows' messages */
  | { type: 'done'; analysis: Analysis; savedUsed: boolean }
  /** the answer to a RawReadJob */
  | { type: 'raw'; workbook: RawWorkbook }
  /** `error` for an AppError; otherwise only a text (a bug, not a property of the file) */
  | { type: 'error'; error: SerializedError | null; message: string };
