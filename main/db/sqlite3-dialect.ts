import sqlite3 from 'sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { checkParameters, hasMultipleStatements, returnsRows, UnsafeSqlError } from './sql-guard.js';

/**
 * Kysely's built-in SQLite dialect targets the synchronous better-sqlite3. Lotse uses `sqlite3` (Node-API: one
 * native build for Node and Electron, queries on the libuv thread pool so the main process stays responsive).
 * The writer is one connection, serialised: a transaction holds it until commit or rollback. The reader may be
 * several read-only connections (a small pool), so independent queries of one page run on both cores.
 */
export interface Sqlite3DialectConfig {
  database: sqlite3.Database | readonly sqlite3.Database[];
}

export class Sqlite3Dialect implements Dialect {
  readonly #config: Sqlite3DialectConfig;
  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }
  createDriver(): Driver {
    const { database } = this.#config;
    return new Sqlite3Driver(Array.isArray(database) ? database : [database as sqlite3.Database]);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    const { database } = this.#config;
    return Array.isArray(database) && database.length > 1 ? new PooledSqliteAdapter() : new SqliteAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** Kysely queues every query behind one lock for SQLite unless told there are several connections to hand out. */
class PooledSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/**
 * Hands out the pool's connections, one user at a time each; callers beyond the pool's size wait in order. A
 * transaction holds its connection until commit or rollback.
 */
class Sqlite3Driver implements Driver {
  readonly #all: Sqlite3Connection[];
  readonly #free: Sqlite3Connection[];
  readonly #waiting: Array<(c: Sqlite3Connection) => void> = [];

  constructor(dbs: readonly sqlite3.Database[]) {
    if (dbs.length === 0) throw new Error('Sqlite3Dialect needs at least one connection');
    // `PRAGMA data_version` is a per-connection counter: asked on whichever connection is free, two answers could
    // not be compared (a cache would take an old answer for current). It always goes to the first connection.
    this.#all = dbs.map((db) => new Sqlite3Connection(db, dbs[0]!));
    this.#free = [...this.#all];
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const free = this.#free.shift();
    return free ?? new Promise<Sqlite3Connection>((resolve) => this.#waiting.push(resolve));
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock at once, so a second process fails fast instead of deadlocking mid-way
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdent(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteIdent(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteIdent(name)}`));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const next = this.#waiting.shift();
    if (next) next(connection as Sqlite3Connection);
    else this.#free.push(connection as Sqlite3Connection);
  }
  async destroy(): Promise<void> {
    await Promise.all(
      this.#all.map((c) => new Promise<void>((resolve, reject) => c.db.close((err) => (err ? reject(err) : resolve())))),
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function wantsRows(compiled: CompiledQuery): boolean {
  const node = compiled.query as { kind?: string; returning?: unknown };
  if (SelectQueryNode.is(compiled.query)) return true;
  if (node.kind === 'InsertQueryNode' || node.kind === 'UpdateQueryNode' || node.kind === 'DeleteQueryNode') {
    return node.returning !== undefined;
  }
  return returnsRows(compiled.sql);
}

const dataVersionSql = /^\s*pragma\s+data_version\s*;?\s*$/i;

class Sqlite3Connection implements DatabaseConnection {
  readonly db: sqlite3.Database;
  readonly #versionDb: sqlite3.Database;
  constructor(db: sqlite3.Database, versionDb: sqlite3.Database) {
    this.db = db;
    this.#versionDb = versionDb;
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    if (hasMultipleStatements(sql)) {
      return Promise.reject(new UnsafeSqlError('Multi-statement SQL is only allowed through exec()'));
    }
    try {
      checkParameters(parameters);
    } catch (err) {
      return Promise.reject(err);
    }
    const params = parameters as unknown[];
    if (wantsRows(compiled)) {
      const db = dataVersionSql.test(sql) ? this.#versionDb : this.db;
      return new Promise((resolve, reject) => {
        db.all(sql, params, (err: Error | null, rows: R[]) => (err ? reject(err) : resolve({ rows })));
      });
    }
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) return reject(err);
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes),
          insertId: this.lastID ? BigInt(this.lastID) : undefined,
        });
      });
    });
  }

  /** Streams rows one `get` at a time so memory stays flat and the consumer sets the pace. */
  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 500): AsyncIterableIterator<QueryResult<R>> {
    const { sql, parameters } = compiled;
    if (!SelectQueryNode.is(compiled.query) && !returnsRows(sql)) {
      throw new UnsafeSqlError('Only queries that return rows can be streamed');
    }
    if (hasMultipleStatements(sql)) throw new UnsafeSqlError('Multi-statement SQL is only allowed through exec()');
    checkParameters(parameters);
    const stmt = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const s: sqlite3.Statement = this.db.prepare(sql, parameters as unknown[], (err: Error | null) =>
        err ? reject(err) : resolve(s),
      );
    });
    try {
      for (;;) {
        const chunk: R[] = [];
        while (chunk.length < chunkSize) {
          const row = await new Promise<R | undefined>((resolve, reject) =>
            stmt.get((err: Error | null, r: R | undefined) => (err ? reject(err) : resolve(r))),
          );
          if (row === undefined) break;
          chunk.push(row);
        }
        if (chunk.length > 0) yield { rows: chunk };
        if (chunk.length < chunkSize) return;
      }
    } finally {
      await new Promise<void>((resolve) => stmt.finalize(() => resolve()));
    }
  }
}
