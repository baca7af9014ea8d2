import path from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-db.js';
import { migrateToLatest } from '../migrate.js';
import { openDatabase } from '../open.js';
import { migrationProvider } from './index.js';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('migration 2026-12-04-001-participant-model', () => {
  it('maps free-text statuses and nationalities to the catalogues and keeps what it cannot map', async () => {
    const open = await openDatabase(path.join(dir.dir, 'old.sqlite'));
    try {
      const { error } = await new Migrator({ db: open.db, provider: migrationProvider }).migrateTo('2026-12-03-002-participant-search-index');
      expect(error).toBeUndefined();
      await open.exec(`
        INSERT INTO programs (id, name, start_date, hourly_rate_cents, eligibility_rule) VALUES (1, 'P', '2020-01-01', 0, '{"op":"and","items":[]}');
        INSERT INTO participants (id, last_name, first_name, residence_status, nationality, search_text) VALUES
          (1, 'A', 'a', 'Duldung', 'syrisch', 'a'),
          (2, 'B', 'b', 'AE § 25 Abs. 2', 'SYR', 'b'),
          (3, 'C', 'c', 'Gestattung', 'Syria', 'c'),
          (4, 'D', 'd', 'Visum', 'kurdisch', 'd'),
          (5, 'E', 'e', 'Aufenthaltserlaubnis', NULL, 'e'),
          (6, 'F', 'f', NULL, 'staatenlos', 'f');
        INSERT INTO enrollments (participant_id, program_id, status, start_date, entry_residence_status, entry_nationality, entry_snapshot_on)
          VALUES (2, 1, 'aktiv', '2024-01-01', 'AE § 25 Abs. 2', 'SYR', '2024-01-01');`);
      const res = await migrateToLatest(open);
      // later migrations follow it; this one runs first
      expect(res.applied[0]).toBe('2026-12-04-001-participant-model');

      const people = await sql<{ id: number; residence_title_code: string | null; residence_status: string | null; nationality_code: string | null; nationality: string | null }>`
        SELECT id, residence_title_code, residence_status, nationality_code, nationality FROM participants ORDER BY id`.execute(open.db);
      expect(people.rows).toEqual([
        { id: 1, residence_title_code: 'duldung', residence_status: 'Duldung', nationality_code: 'SY', nationality: 'Syrien' },
        {
          id: 2,
          residence_title_code: 'ae_25_2',
          residence_status: 'Aufenthaltserlaubnis § 25 Abs. 2 AufenthG (Flüchtlingsschutz, subsidiärer Schutz)',
          nationality_code: 'SY',
          nationality: 'Syrien',
        },
        { id: 3, residence_title_code: 'gestattung', residence_status: 'Aufenthaltsgestattung', nationality_code: 'SY', nationality: 'Syrien' },
        // not mappable: kept as it was, code NULL
        { id: 4, residence_title_code: null, residence_status: 'Visum', nationality_code: null, nationality: 'kurdisch' },
        { id: 5, residence_title_code: 'ae_unbestimmt', residence_status: 'Aufenthaltserlaubnis (Rechtsgrundlage nicht angegeben)', nationality_code: null, nationality: null },
        { id: 6, residence_title_code: null, residence_status: null, nationality_code: 'XS', nationality: 'staatenlos' },
      ]);
      const titles = await sql<{ participant_id: number; title_code: string; valid_from: string | null }>`
        SELECT participant_id, title_code, valid_from FROM participant_titles ORDER BY participant_id`.execute(open.db);
      expect(titles.rows).toEqual([
        { participant_id: 1, title_code: 'duldung', valid_from: null },
        { participant_id: 2, title_code: 'ae_25_2', valid_from: null },
        { participant_id: 3, title_code: 'gestattung', valid_from: null },
        { participant_id: 5, title_code: 'ae_unbestimmt', valid_from: null },
      ]);
      const entry = await sql<{ entry_title_code: string | null; entry_nationality_code: string | null; entry_residence_status: string }>`
        SELECT entry_title_code, entry_nationality_code, entry_residence_status FROM enrollments`.execute(open.db);
      // the snapshot keeps its text as taken and gains the codes
      expect(entry.rows).toEqual([{ entry_title_code: 'ae_25_2', entry_nationality_code: 'SY', entry_residence_status: 'AE § 25 Abs. 2' }]);
      // a contradicting title period is refused by the table itself
      await expect(
        sql`INSERT INTO participant_titles (participant_id, title_code, valid_from, valid_until) VALUES (1, 'duldung', '2024-02-01', '2024-01-01')`.execute(open.db),
      ).rejects.toThrow(/CHECK/);
    } finally {
      await open.close();
    }
  });
});
