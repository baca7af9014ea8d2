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
 * This dialect serialises access to the single connection: a transaction holds it until commit or rollback.
 */
export interface Sqlite3DialectConfig {
  database: sqlite3.Database;
}

export class Sqlite3Dialect implements Dialect {
  readonly #config: Sqlite3DialectConfig;
  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }
  createDriver(): Driver {
    return new Sqlite3Driver(this.#config.database);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

class Sqlite3Driver implements Driver {
  readonly #connection: Sqlite3Connection;
  readonly #mutex = new Mutex();
  #release: (() => void) | undefined;

  constructor(db: sqlite3.Database) {
    this.#connection = new Sqlite3Connection(db);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection;
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
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  async destroy(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.#connection.db.close((err) => (err ? reject(err) : resolve())));
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

class Sqlite3Connection implements DatabaseConnection {
  readonly db: sqlite3.Database;
  constructor(db: sqlite3.Database) {
    this.db = db;
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
      return new Promise((resolve, reject) => {
        this.db.all(sql, params, (err: Error | null, rows: R[]) => (err ? reject(err) : resolve({ rows })));
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
