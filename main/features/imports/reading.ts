import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/domain/dates.js';
import type { ImportMapping, ValueChoice } from '../../../shared/domain/imports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import type { Analysis } from '../../excel/import/analyse.js';
import { ReadWorker } from '../../excel/import/in-worker.js';
import type { SavedMappings } from '../../excel/import/saved-mapping.js';
import type { ParsedRow } from '../../excel/import/table.js';
import { getImportLimits } from '../settings/settings.service.js';
import { savedMappings } from './mappings.js';

type Db = Kysely<Database>;

export interface ImportOptions {
  sheet?: string | null;
  mapping?: ImportMapping | null;
  sender?: string | null;
  programId?: number | null;
  today?: string;
  /** decisions for values the catalogues do not know (commit only); the sender's remembered ones fill in */
  values?: ValueChoice[];
}

/** What reading a file needs from the database, fetched before the backup and the import's writes begin. */
export interface ReadContext {
  limits: Awaited<ReturnType<typeof getImportLimits>>;
  saved: SavedMappings;
}

export async function readContext(db: Db): Promise<ReadContext> {
  return { limits: await getImportLimits(db), saved: await savedMappings(db) };
}

export type MappingSource = 'proposed' | 'saved' | 'user';

export interface ReadHooks {
  onRows?: (rowsRead: number) => void;
  /** each batch of good rows as soon as it is parsed (an import); without it the analysis holds them all */
  onAccepted?: (rows: ParsedRow[]) => void;
  signal?: AbortSignal;
  /** a reading thread started ahead (see ReadWorker); otherwise one is started here */
  worker?: ReadWorker;
}

/**
 * Reads and validates the file on a reading thread of its own (a hostile file can only end that thread); touches
 * no database.
 */
export async function analyse(ctx: ReadContext, file: string, opts: ImportOptions, hooks: ReadHooks = {}): Promise<{ analysis: Analysis; mappingSource: MappingSource }> {
  const worker = hooks.worker ?? new ReadWorker();
  const { analysis, savedUsed } = await worker.run(
    {
      file,
      sheet: opts.sheet,
      mapping: opts.mapping,
      today: opts.today ?? todayIso(),
      limits: ctx.limits,
      saved: { all: ctx.saved, sender: opts.sender ?? null },
      stream: hooks.onAccepted !== undefined,
    },
    hooks,
  );
  return { analysis, mappingSource: opts.mapping ? 'user' : savedUsed ? 'saved' : 'proposed' };
}

export const cancelled = () => new AppError('cancelled', 'Vorgang abgebrochen; es wurde nichts gespeichert.', 'Cancelled; nothing was saved.');
