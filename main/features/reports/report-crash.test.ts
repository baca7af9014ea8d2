import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.js';
import { tempDir } from '../../test/temp-db.js';

const bin = path.resolve(import.meta.dirname, '../../../bin/lotse.mjs');
let dir: { dir: string; cleanup: () => void };
let db: string;

/** Row counts of every table: "holds exactly what it held before". */
async function snapshot(file: string): Promise<{ integrity: string; counts: Record<string, number> }> {
  const open = await openDatabase(file, { create: false });
  try {
    const integrity = (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(open.db)).rows[0]!.integrity_check;
    const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(open.db)).rows;
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t.name] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t.name)}`.execute(open.db)).rows[0]!.n);
    return { integrity, counts };
  } finally {
    await open.close();
  }
}

beforeAll(() => {
  dir = tempDir('lotse-crash-');
  db = path.join(dir.dir, 'demo.sqlite');
  const seed = spawnSync(process.execPath, [bin, 'seed-demo', '--db', db], { encoding: 'utf8' });
  expect(seed.status).toBe(0);
});
afterAll(() => dir.cleanup());

describe('crash safety (issue 8)', () => {
  it('a report export killed (SIGKILL) at any moment leaves the database intact and unchanged but for its audit entry', async () => {
    const before = await snapshot(db);
    expect(before.integrity).toBe('ok');
    // kill at several moments: during start-up, while computing, while writing, and after it finished
    for (const delay of [300, 1500, 2500, 3500, 8000]) {
      const child = spawn(process.execPath, [bin, 'report', 'program-end', '--db', db, '--program', 'Arbeitsmarktmentoren Dresden',
        '--from', '2016-01-01', '--to', '2026-12-31', '--confirm-running', '--out', path.join(dir.dir, `bericht-${delay}.xlsx`)], { stdio: 'ignore' });
      // listen from the start: an export that finishes before the kill has already exited
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const after = await snapshot(db);
      expect(after.integrity).toBe('ok');
      for (const [table, n] of Object.entries(before.counts)) {
        // a completed export records itself in the audit log; nothing else may change
        if (table === 'audit_log') expect(after.counts[table]! - n).toBeGreaterThanOrEqual(0);
        else expect(after.counts[table], table).toBe(n);
      }
      before.counts.audit_log = after.counts.audit_log!;
    }
  }, 180_000);
});
