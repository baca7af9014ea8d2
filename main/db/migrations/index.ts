import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { ddlFor } from '../engine/ddl.js';
import { engineOf } from '../engine/kind.js';
import { postgresBaseline } from './postgres/baseline.js';
import * as initial from './2026-11-24-001-initial.js';
import * as figuresSummaries from './2026-11-30-001-figures-summaries.js';
import * as anchoredFigures from './2026-12-03-001-anchored-figures.js';
import * as participantSearchIndex from './2026-12-03-002-participant-search-index.js';
import * as participantModel from './2026-12-04-001-participant-model.js';
import * as money from './2026-12-05-001-money.js';
import * as aghRules from './2026-12-05-002-agh-rules.js';
import * as coordinatorDay from './2026-12-05-003-coordinator-day.js';
import * as esfPlus from './2026-12-05-004-esf-plus.js';
import * as team from './2026-12-05-010-team.js';
import * as nameOrderIndex from './2026-12-06-001-name-order-index.js';

/**
 * The SQLite history up to the participant model. On PostgreSQL the first of them creates the whole schema of that
 * point at once (postgres/baseline.ts) and the rest are recorded without work, so both engines carry the same
 * migration names (a database of a newer Lotse is recognised the same way on both).
 */
const sqliteHistory = (migration: Migration, postgres: (db: Kysely<unknown>) => Promise<void> = async () => {}): Migration => ({
  up: (db) => (engineOf(db) === 'postgres' ? postgres(db) : migration.up(db)),
});

/**
 * Static provider: migrations are imported, not read from a folder at run time, so bundles (Electron, CLI)
 * carry them. Names are date-prefixed and sort in order; add new ones at the end, never edit landed ones.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24-001-initial': sqliteHistory(initial, (db) => ddlFor(db).run(db, postgresBaseline)),
  '2026-11-30-001-figures-summaries': sqliteHistory(figuresSummaries),
  '2026-12-03-001-anchored-figures': sqliteHistory(anchoredFigures),
  '2026-12-03-002-participant-search-index': sqliteHistory(participantSearchIndex),
  '2026-12-04-001-participant-model': sqliteHistory(participantModel),
  // from here on each migration is written once for both engines (db/engine/ddl.ts)
  '2026-12-05-001-money': money,
  '2026-12-05-002-agh-rules': aghRules,
  '2026-12-05-003-coordinator-day': coordinatorDay,
  '2026-12-05-004-esf-plus': esfPlus,
  '2026-12-05-010-team': team,
  '2026-12-06-001-name-order-index': nameOrderIndex,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The newest schema version this build knows; a database with a newer one was written by a newer Lotse. */
export const latestSchemaVersion = Object.keys(migrations).sort().at(-1) ?? null;
