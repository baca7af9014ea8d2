import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { OpenDatabase } from '../open.js';
import type { Database } from '../schema.js';
import { classifyDbError, describeDbError } from './errors.js';
import { redactUrl, withPassword } from './target.js';

// 64-bit integers (ids, counts, sums) and numerics (averages) come back as numbers, as on SQLite; Lotse's values
// stay far below 2^53 (cents of a program budget, hours in hundredths)
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface PostgresOptions {
  /** password from the OS keychain (desktop); a URL's own password wins */
  password?: string;
  /** connections in the pool: the web server and the desktop app need few; the bench's simulated team more */
  max?: number;
}

/** Opens a connection pool to a team database. Nothing is created; `lotse server-init` makes database and roles. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<OpenDatabase> {
  const pool = new pg.Pool({
    connectionString: withPassword(url, options.password),
    max: options.max ?? 8,
    application_name: 'Lotse',
    connectionTimeoutMillis: 10_000,
  });
  // an idle connection the server drops must not take the process down; the next query reconnects
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    // a refused or timed-out connection at the start: the server is not reachable (not "interrupted")
    const meaning = classifyDbError(err) === 'connection' ? null : describeDbError(err);
    throw new AppError(
      'not_a_lotse_database',
      `Keine Verbindung zur Datenbank ${redactUrl(url)}: ${meaning?.message ?? 'Server nicht erreichbar oder Adresse falsch.'}`,
      `Cannot connect to ${redactUrl(url)}: ${meaning?.messageEn ?? 'server unreachable or address wrong.'}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine: 'postgres',
    db,
    // the server serves readers and writers at once (MVCC): no second connection kind is needed
    reader: db,
    path: redactUrl(url),
    warnings: [],
    backupKeys: [],
    exec: async (text) => {
      await pool.query(text);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
