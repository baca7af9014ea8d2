import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

/**
 * Runs a report export and kills it (SIGKILL) the moment its output appears in the folder, i.e. while the
 * workbook is being written. Resolves with how it ended.
 */
function exportKilledWhileWriting(out: string): Promise<{ signal: NodeJS.Signals | null }> {
  const folder = path.dirname(out);
  const child = spawn(process.execPath, [bin, 'report', 'program-end', '--db', db, '--program', 'Arbeitsmarktmentoren Dresden',
    '--from', '2016-01-01', '--to', '2026-12-31', '--confirm-running', '--out', out], { stdio: 'ignore' });
  // a folder watch, not polling: the kill lands within the same tick as the file's creation
  const watcher = fs.watch(folder, (_event, name) => {
    if (name && String(name).startsWith(path.basename(out))) child.kill('SIGKILL');
  });
  return new Promise((resolve) =>
    child.once('exit', (_code, signal) => {
      watcher.close();
      resolve({ signal });
    }),
  );
}

describe('crash safety (issues 8 and 12)', () => {
  it('a report export killed while writing leaves no half-written workbook under the chosen name, and the database as it was', async () => {
    const before = await snapshot(db);
    expect(before.integrity).toBe('ok');
    let interrupted = 0;
    for (let run = 0; run < 3; run++) {
      const folder = path.join(dir.dir, `lauf-${run}`);
      fs.mkdirSync(folder);
      const out = path.join(folder, 'bericht.xlsx');
      const { signal } = await exportKilledWhileWriting(out);
      if (signal === 'SIGKILL') interrupted++;
      if (fs.existsSync(out)) {
        // whatever carries the chosen name must be a complete workbook, never a cut-off zip a user would send on:
        // a zip is complete when it ends with its end-of-central-directory record
        const bytes = fs.readFileSync(out);
        expect(bytes.subarray(-22).readUInt32LE(0), out).toBe(0x06054b50);
      }
      const after = await snapshot(db);
      expect(after.integrity).toBe('ok');
      expect(after.counts).toEqual(before.counts);
    }
    // the kill must really have hit the writing, or this test proves nothing
    expect(interrupted).toBeGreaterThan(0);
  }, 180_000);
});
