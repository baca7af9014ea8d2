import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './2026-11-24-001-initial.js';
import * as figuresSummaries from './2026-11-30-001-figures-summaries.js';
import * as anchoredFigures from './2026-12-03-001-anchored-figures.js';
import * as participantSearchIndex from './2026-12-03-002-participant-search-index.js';
import * as participantModel from './2026-12-04-001-participant-model.js';
import * as coordinatorDay from './2026-12-05-003-coordinator-day.js';

/**
 * Static provider: migrations are imported, not read from a folder at run time, so bundles (Electron, CLI)
 * carry them. Names are date-prefixed and sort in order; add new ones at the end, never edit landed ones.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24-001-initial': initial,
  '2026-11-30-001-figures-summaries': figuresSummaries,
  '2026-12-03-001-anchored-figures': anchoredFigures,
  '2026-12-03-002-participant-search-index': participantSearchIndex,
  '2026-12-04-001-participant-model': participantModel,
  '2026-12-05-003-coordinator-day': coordinatorDay,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The newest schema version this build knows; a database with a newer one was written by a newer Lotse. */
export const latestSchemaVersion = Object.keys(migrations).sort().at(-1) ?? null;
