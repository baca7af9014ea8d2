import type { SerializedError } from '../../../shared/errors.js';

/**
 * What a database error means, on either engine: SQLite reports `SQLITE_CONSTRAINT` codes and texts, PostgreSQL
 * SQLSTATEs. Callers decide on the meaning, never on an engine's wording.
 */
export type DbErrorKind = 'unique' | 'foreign_key' | 'check' | 'busy' | 'connection' | 'auth' | 'no_database' | 'permission';

const pgStates: Record<string, DbErrorKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'check',
  '22007': 'check',
  '22008': 'check',
  P0001: 'check',
  '40001': 'busy',
  '40P01': 'busy',
  '55P03': 'busy',
  '28P01': 'auth',
  '28000': 'auth',
  '3D000': 'no_database',
  '42501': 'permission',
  '57P01': 'connection',
};

const nodeConnectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);

export function classifyDbError(err: unknown): DbErrorKind | null {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (code in pgStates) return pgStates[code]!;
  if (code.startsWith('08')) return 'connection';
  if (nodeConnectionCodes.has(code) || /Connection terminated/i.test(message)) return 'connection';
  if (code === 'SQLITE_CONSTRAINT' || /SQLITE_CONSTRAINT/.test(message)) {
    if (/UNIQUE/.test(message)) return 'unique';
    if (/FOREIGN KEY/.test(message)) return 'foreign_key';
    return 'check';
  }
  if (code === 'SQLITE_BUSY' || /SQLITE_BUSY/.test(message)) return 'busy';
  return null;
}

/** What a database error means for the user, whichever engine reported it (db/engine/errors.ts). */
const dbErrorMessages: Record<DbErrorKind, SerializedError | undefined> = {
  unique: { code: 'conflict', message: 'Ein solcher Eintrag existiert bereits.', messageEn: 'Already exists.' },
  foreign_key: {
    code: 'conflict',
    message: 'Der Eintrag wird noch verwendet oder verweist auf etwas, das es nicht gibt.',
    messageEn: 'Referenced record missing or still in use.',
  },
  check: { code: 'validation', message: 'Die Eingabe verletzt eine Regel der Datenbank.', messageEn: 'The input breaks a rule of the database.' },
  busy: {
    code: 'conflict',
    message: 'Die Datenbank ist gerade belegt (ein anderer Vorgang schreibt). Bitte gleich noch einmal versuchen.',
    messageEn: 'Database busy.',
  },
  connection: {
    code: 'internal',
    message: 'Die Verbindung zum Datenbankserver ist unterbrochen. Der Vorgang wurde nicht ausgeführt; bitte erneut versuchen.',
    messageEn: 'The connection to the database server was lost. Nothing was done.',
  },
  auth: {
    code: 'forbidden',
    message: 'Anmeldung am Datenbankserver abgelehnt: Benutzername oder Passwort falsch.',
    messageEn: 'The database server refused the login: wrong user name or password.',
  },
  no_database: {
    code: 'not_found',
    message: 'Die Datenbank gibt es auf dem Server nicht. Namen prüfen oder sie mit "lotse server-init" anlegen.',
    messageEn: 'The database does not exist on the server.',
  },
  permission: {
    code: 'forbidden',
    message: 'Ihre Rolle darf das nicht (die Datenbank hat es verweigert). Nichts wurde geändert.',
    messageEn: 'Your role may not do this (refused by the database). Nothing was changed.',
  },
};

export function describeDbError(err: unknown): SerializedError | null {
  const kind = classifyDbError(err);
  return kind ? (dbErrorMessages[kind] ?? null) : null;
}
