import { describeDbError } from '../db/engine/errors.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';

/** German words for the system errors a command line meets with paths; the path itself is worth showing. */
const systemErrors: Record<string, string> = {
  ENOENT: 'Datei oder Ordner nicht gefunden',
  EISDIR: 'Das ist ein Ordner, keine Datei',
  ENOTDIR: 'Ein Teil des Pfads ist kein Ordner',
  EACCES: 'Keine Berechtigung',
  EPERM: 'Keine Berechtigung',
  EEXIST: 'Die Datei gibt es schon',
  ENOSPC: 'Kein freier Speicherplatz mehr',
  EROFS: 'Das Laufwerk ist schreibgeschützt',
  EBUSY: 'Die Datei ist gerade von einem anderen Programm geöffnet',
};

/** Node's argument parser speaks English; the option it names is what the user needs. */
function argsMessage(code: string, raw: string): string | null {
  const option = /'([^']+)'/.exec(raw)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unbekannte Option ${option ?? ''}. Alle Befehle und Optionen: lotse --help`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Die Option ${option ?? ''} ist so nicht gültig (fehlt ein Wert?).`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Unerwartete Angabe ${option ?? ''}.`;
  return null;
}

/**
 * What the command line prints for a failure: an AppError's German message, German words for system, argument and
 * database errors, and for anything else (a TypeError: a bug) a German "internal error" (the raw text only with
 * LOTSE_DEBUG=1).
 */
export function cliError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; path?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const raw = typeof e?.message === 'string' ? e.message : String(err);
  const system = systemErrors[code];
  if (system) return { code: 'validation', message: typeof e?.path === 'string' ? `${system}: ${e.path}` : `${system}.` };
  const args = argsMessage(code, raw);
  if (args) return { code: 'validation', message: args };
  // a plain Error without a code is a message our own code wrote (in German); TypeError and the like are bugs
  if (err instanceof Error && err.constructor === Error && code === '') return { code: 'internal', message: raw };
  const db = describeDbError(err);
  if (db) return { code: db.code, message: db.message };
  if (code.startsWith('SQLITE_')) return { code: 'internal', message: `Die Datenbank meldet einen Fehler (${code}). Der Vorgang wurde nicht ausgeführt.` };
  const detail = process.env.LOTSE_DEBUG === '1' ? ` (${raw})` : '';
  return { code: 'internal', message: `Interner Fehler. Der Vorgang wurde nicht ausgeführt.${detail}` };
}
