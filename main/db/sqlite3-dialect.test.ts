import fs from 'node:fs';
import path from 'node:path';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-db.js';
import { networkPathWarning } from './network-path.js';
import { openDatabase, type OpenDatabase } from './open.js';
import { hasMultipleStatements, returnsRows } from './sql-guard.js';
import { dataVersion } from './engine/changes.js';

let dir: { dir: string; cleanup: () => void };
let open: OpenDatabase;

beforeEach(async () => {
  dir = tempDir();
  open = await openDatabase(path.join(dir.dir, 't.sqlite'));
  await open.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v ANY, s TEXT); CREATE TABLE u (id INTEGER PRIMARY KEY);');
});
afterEach(async () => {
  await open.close();
  dir.cleanup();
});

// the dialect is generic over tables; tests use a small ad-hoc table through raw SQL and an untyped Kysely view
type T = { t: { id: Generated<number>; v: unknown; s: string | null } };
const db = () => open.db as unknown as Kysely<T>;

describe('sqlite3 dialect', () => {
  it('applies the pragmas of DESIGN.md', async () => {
    const jm = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(open.db);
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(open.db);
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(open.db);
    expect(jm.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(sync.rows[0]?.synchronous).toBe(2); // FULL
  });

  it('runs inserts through run (changes, lastID) and selects through all', async () => {
    const r = await db().insertInto('t').values({ v: 1, s: 'a' }).executeTakeFirst();
    expect(r.insertId).toBe(1n);
    expect(r.numInsertedOrUpdatedRows).toBe(1n);
    await db().insertInto('t').values({ v: 2, s: 'b' }).execute();
    const u = await db().updateTable('t').set({ s: 'x' }).executeTakeFirst();
    expect(u.numUpdatedRows).toBe(2n);
    const rows = await db().selectFrom('t').select(['id', 's']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, s: 'x' },
      { id: 2, s: 'x' },
    ]);
  });

  it('returns rows for INSERT ... RETURNING', async () => {
    const row = await db().insertInto('t').values({ v: 5, s: 'r' }).returning(['id', 's']).executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 1, s: 'r' });
  });

  it('refuses a bigint parameter instead of storing NULL', async () => {
    await expect(db().insertInto('t').values({ v: 10n, s: 'big' }).execute()).rejects.toThrow(/bigint/);
    expect(await db().selectFrom('t').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a Date parameter instead of storing a REAL of milliseconds', async () => {
    await expect(db().insertInto('t').values({ v: new Date(), s: 'd' }).execute()).rejects.toThrow(/Date/);
    expect(await db().selectFrom('t').selectAll().execute()).toHaveLength(0);
  });

  it('refuses objects, NaN and unsafe integers', async () => {
    await expect(db().insertInto('t').values({ v: { a: 1 }, s: 'o' }).execute()).rejects.toThrow(/objects/);
    await expect(db().insertInto('t').values({ v: Number.NaN, s: 'n' }).execute()).rejects.toThrow(/finite/);
    await expect(db().insertInto('t').values({ v: 2 ** 60, s: 'n' }).execute()).rejects.toThrow(/safe integer/);
  });

  it('refuses multi-statement SQL outside exec, so the second statement is never silently dropped', async () => {
    await expect(sql.raw(`INSERT INTO t (s) VALUES ('a'); DROP TABLE u`).execute(open.db)).rejects.toThrow(/exec/);
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'u'`.execute(open.db);
    expect(tables.rows).toHaveLength(1);
    expect(await db().selectFrom('t').selectAll().execute()).toHaveLength(0);
    // the explicit path runs both
    await open.exec(`INSERT INTO t (s) VALUES ('a'); INSERT INTO t (s) VALUES ('b');`);
    expect(await db().selectFrom('t').selectAll().execute()).toHaveLength(2);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('t').values({ v: 1, s: 'first' }).execute();
          throw new Error('boom between two statements');
        }),
    ).rejects.toThrow('boom');
    expect(await db().selectFrom('t').selectAll().execute()).toHaveLength(0);
  });

  it('serialises a transaction against concurrent queries on the same connection', async () => {
    let inside = false;
    const seen: boolean[] = [];
    const trx = db()
      .transaction()
      .execute(async (t) => {
        inside = true;
        await t.insertInto('t').values({ v: 1, s: 'a' }).execute();
        await new Promise((r) => setTimeout(r, 50));
        await t.insertInto('t').values({ v: 2, s: 'b' }).execute();
        inside = false;
      });
    const outside = db()
      .selectFrom('t')
      .selectAll()
      .execute()
      .then((rows) => {
        seen.push(inside);
        return rows;
      });
    await trx;
    const rows = await outside;
    expect(seen).toEqual([false]);
    expect(rows).toHaveLength(2);
  });

  it('streams rows in chunks', async () => {
    const values = Array.from({ length: 1234 }, (_, i) => ({ v: i, s: `r${i}` }));
    await db().insertInto('t').values(values).execute();
    let count = 0;
    let sum = 0;
    for await (const row of db().selectFrom('t').select(['v']).orderBy('id').stream(100)) {
      count++;
      sum += Number(row.v);
    }
    expect(count).toBe(1234);
    expect(sum).toBe((1233 * 1234) / 2);
  });

  it('keeps the read-only connection answering while a write transaction is open (WAL)', async () => {
    await db().insertInto('t').values({ v: 1, s: 'committed' }).execute();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writing = db()
      .transaction()
      .execute(async (t) => {
        await t.insertInto('t').values({ v: 2, s: 'uncommitted' }).execute();
        await gate;
      });
    await new Promise((r) => setTimeout(r, 20));
    const reader = open.reader as unknown as Kysely<T>;
    const seen = await reader.selectFrom('t').select('s').execute();
    expect(seen).toEqual([{ s: 'committed' }]);
    await expect(reader.insertInto('t').values({ v: 3, s: 'nope' }).execute()).rejects.toThrow(/readonly|read-only/i);
    release();
    await writing;
    expect(await reader.selectFrom('t').select('s').execute()).toHaveLength(2);
  });
});

describe('sql guard', () => {
  it('detects statements after a semicolon but not semicolons in strings, comments or triggers', () => {
    expect(hasMultipleStatements('SELECT 1; SELECT 2')).toBe(true);
    expect(hasMultipleStatements('SELECT 1;')).toBe(false);
    expect(hasMultipleStatements("SELECT ';' AS x")).toBe(false);
    expect(hasMultipleStatements("SELECT 'it''s; fine'")).toBe(false);
    expect(hasMultipleStatements('SELECT 1 -- ; drop\n')).toBe(false);
    expect(hasMultipleStatements('SELECT 1; /* c */ DELETE FROM t')).toBe(true);
    expect(hasMultipleStatements('CREATE TRIGGER x BEFORE DELETE ON t BEGIN SELECT 1; END')).toBe(false);
    expect(hasMultipleStatements('CREATE TRIGGER x BEFORE DELETE ON t BEGIN SELECT 1; END; DROP TABLE t')).toBe(true);
  });

  it('routes row-returning SQL to all', () => {
    expect(returnsRows('select 1')).toBe(true);
    expect(returnsRows('  PRAGMA integrity_check')).toBe(true);
    expect(returnsRows('insert into t values (1) returning id')).toBe(true);
    expect(returnsRows('insert into t values (1)')).toBe(false);
    expect(returnsRows('with x as (select 1) delete from t')).toBe(false);
  });
});

describe('the reader pool', () => {
  // a query that keeps one connection busy for a while (counting a few million generated rows)
  const slow = () => sql<{ n: number }>`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c`.execute(open.reader);

  it('answers a short query on its second connection while a long one runs on the first', async () => {
    const done: string[] = [];
    const long = slow().then(() => done.push('long'));
    await sql`SELECT count(*) FROM t`.execute(open.reader).then(() => done.push('short'));
    await long;
    // with one connection the short query would wait for the long one
    expect(done).toEqual(['short', 'long']);
  });

  it('asks data_version always on the same connection, so a cache never compares two connections\' counters', async () => {
    const version = async () => Number((await dataVersion(open.reader))!);
    const before = await version();
    await open.db.insertInto('t' as never).values({ v: 1 } as never).execute();
    // asked on another connection, the answer would be that connection's first count — the old number
    const after = [await version(), await version(), await version()];
    expect(after.every((v) => v !== before)).toBe(true);
    expect(new Set(after).size).toBe(1);
    await Promise.all([slow(), version().then((v) => expect(v).toBe(after[0]))]);
  });
});

describe('network share warning', () => {
  it('warns for UNC paths only', () => {
    expect(networkPathWarning('\\\\server\\share\\lotse.sqlite')).toMatch(/Netzlaufwerk/);
    expect(networkPathWarning('//server/share/lotse.sqlite')).toMatch(/Netzlaufwerk/);
    expect(networkPathWarning('C:\\Users\\k\\lotse.sqlite')).toBeNull();
    expect(networkPathWarning('/home/k/lotse.sqlite')).toBeNull();
  });

  it('surfaces the warning on the opened database', async () => {
    // a real UNC path cannot be opened on Linux; the check itself is what the app shows at start
    expect(fs.existsSync(open.path)).toBe(true);
    expect(open.warnings).toEqual([]);
  });
});
