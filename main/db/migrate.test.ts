import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { tempDir } from '../test/temp-db.js';
import { backupDir } from './backup.js';
import { decryptFile, fileKeyProvider, keyFileFor } from './backup-crypto.js';
import { appliedMigrations, migrateToLatest, openAndMigrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openDatabase } from './open.js';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const expectedTables = [
  'activities', 'activity_presence', 'agh_extra_costs', 'agh_program_settings', 'agh_statements', 'applications',
  'attendance', 'audit_log', 'communes', 'documents', 'enrollments', 'fair_companies', 'fair_contacts',
  'fair_registrations', 'fairs', 'finance_import_batches', 'finance_income', 'finance_payments', 'finance_plans',
  'finance_positions', 'finance_receipts', 'finance_requests', 'follow_ups', 'hours', 'hours_months',
  'import_batches', 'mentor_assignments', 'notes', 'organisations', 'outcomes', 'participant_titles', 'participants',
  'person_document_files', 'person_documents', 'placements', 'program_communes', 'program_targets', 'programs',
  'reminder_rules', 'reminder_states', 'report_texts', 'settings', 'success_stories', 'tasks', 'team_members',
  'team_programs',
];

describe('migrations', () => {
  it('create the whole domain schema on a fresh file, STRICT, with foreign keys', async () => {
    const open = await openAndMigrate(path.join(dir.dir, 'fresh.sqlite'));
    try {
      const tables = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(open.db);
      expect(tables.rows.map((t) => t.name)).toEqual(expectedTables);
      for (const t of tables.rows) expect(t.sql, t.name).toMatch(/STRICT$/);
      expect(await appliedMigrations(open)).toEqual(Object.keys(migrations).sort());
      const fkErrors = await sql`PRAGMA foreign_key_check`.execute(open.db);
      expect(fkErrors.rows).toEqual([]);
      // CHECK constraints hold: an impossible date and an unknown enrollment status are refused by the database itself
      await expect(sql`INSERT INTO programs (name, start_date) VALUES ('x', '2026-02-31')`.execute(open.db)).rejects.toThrow(/CHECK/);
      await expect(sql`INSERT INTO communes (name, ags) VALUES ('x', '123')`.execute(open.db)).rejects.toThrow(/CHECK/);
      // foreign keys are enforced
      await expect(sql`INSERT INTO program_communes (program_id, commune_id, slots) VALUES (99, 99, 3)`.execute(open.db)).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await open.close();
    }
  });

  it('do nothing and write no backup when the file is already current', async () => {
    const file = path.join(dir.dir, 'cur.sqlite');
    (await openAndMigrate(file)).close();
    const open = await openDatabase(file);
    try {
      const res = await migrateToLatest(open);
      expect(res.applied).toEqual([]);
      expect(res.backup).toBeNull();
    } finally {
      await open.close();
    }
  });

  it('back up an existing database before applying pending migrations', async () => {
    const file = path.join(dir.dir, 'old.sqlite');
    // an "older" Lotse database: the migration table exists but knows none of the current migrations' successors
    const old = await openDatabase(file);
    await old.exec(`CREATE TABLE kysely_migration (name VARCHAR(255) NOT NULL PRIMARY KEY, timestamp VARCHAR(255) NOT NULL);
      CREATE TABLE kysely_migration_lock (id VARCHAR(255) NOT NULL PRIMARY KEY, is_locked INTEGER DEFAULT 0 NOT NULL);
      INSERT INTO kysely_migration_lock VALUES ('migration_lock', 0);
      INSERT INTO kysely_migration VALUES ('2026-01-01-000-bootstrap', '2026-01-01T00:00:00.000Z');`);
    await old.close();
    const { migrations } = await import('./migrations/index.js');
    (migrations as Record<string, unknown>)['2026-01-01-000-bootstrap'] = { up: async () => {} };
    try {
      const open = await openDatabase(file);
      const res = await migrateToLatest(open);
      await open.close();
      expect(res.applied).toEqual(Object.keys(migrations).filter((name) => name !== '2026-01-01-000-bootstrap').sort());
      expect(res.backup).not.toBeNull();
      expect(path.dirname(res.backup!)).toBe(backupDir(file));
      // the backup (encrypted) is the state before migrating: it has the old marker and no programs table
      const plain = path.join(dir.dir, 'backup-plain.sqlite');
      await decryptFile(res.backup!, plain, [fileKeyProvider(keyFileFor(file))]);
      const b = await openDatabase(plain, { create: false });
      const t = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'programs'`.execute(b.db);
      await b.close();
      expect(t.rows).toEqual([]);
    } finally {
      delete (migrations as Record<string, unknown>)['2026-01-01-000-bootstrap'];
    }
  });

  it('refuse a file that is not a Lotse database, and one written by a newer Lotse', async () => {
    const foreign = path.join(dir.dir, 'foreign.sqlite');
    const f = await openDatabase(foreign);
    await f.exec('CREATE TABLE kunden (id INTEGER PRIMARY KEY)');
    await f.close();
    await expect(openAndMigrate(foreign)).rejects.toMatchObject({ code: 'not_a_lotse_database' });

    const newer = path.join(dir.dir, 'newer.sqlite');
    (await openAndMigrate(newer)).close();
    const n = await openDatabase(newer);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-001-future', '2099-01-01')`.execute(n.db);
    await n.close();
    await expect(openAndMigrate(newer)).rejects.toMatchObject({ code: 'schema_too_new' });

    const png = path.join(dir.dir, 'bild.sqlite');
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    await expect(openAndMigrate(png)).rejects.toBeInstanceOf(AppError);
  });

  it('give a clear error for a missing file when it must exist', async () => {
    await expect(openAndMigrate(path.join(dir.dir, 'nope.sqlite'), { mustExist: true })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('existiert nicht'),
    });
  });
});
