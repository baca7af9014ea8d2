import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TeamConnection } from '../../../shared/contract/team.contract.js';
import { AppError } from '../../../shared/errors.js';
import { makePrivateDir } from '../../db/at-rest.js';
import type { SafeStorageLike } from '../../db/backup-crypto.js';
import { classifyDbError, describeDbError } from '../../db/engine/errors.js';
import { withPassword } from '../../db/engine/target.js';

/**
 * The desktop app's team server: address, database, user and TLS mode in `team-connection.json` in the data folder;
 * the password only through the OS keychain (Electron safeStorage: DPAPI, Keychain, libsecret), never in plain text.
 * Without a keychain (web mode, the CLI) no password is stored: PostgreSQL's own ~/.pgpass or PGPASSWORD serve.
 */
export const connectionFile = (dataDir: string) => path.join(dataDir, 'team-connection.json');
const passwordFile = (dataDir: string) => `${connectionFile(dataDir)}.password.safe`;

export function connectionUrl(c: TeamConnection): string {
  const u = new URL('postgres://localhost');
  u.hostname = c.host;
  u.port = String(c.port);
  u.username = c.user;
  u.pathname = `/${c.database}`;
  u.searchParams.set('sslmode', c.sslmode);
  return u.toString();
}

export function readConnection(dataDir: string): TeamConnection | null {
  try {
    return JSON.parse(fs.readFileSync(connectionFile(dataDir), 'utf8')) as TeamConnection;
  } catch {
    return null;
  }
}

export function hasStoredPassword(dataDir: string): boolean {
  return fs.existsSync(passwordFile(dataDir));
}

/** Saves (or with null removes) the connection; a password is kept only where a keychain can seal it. */
export function writeConnection(dataDir: string, c: TeamConnection | null, password: string | null, safe?: SafeStorageLike): void {
  makePrivateDir(dataDir);
  if (c === null) {
    for (const f of [connectionFile(dataDir), passwordFile(dataDir)]) fs.rmSync(f, { force: true });
    return;
  }
  if (password !== null && !safe?.isEncryptionAvailable()) {
    throw new AppError(
      'conflict',
      'Hier gibt es keinen Schlüsselbund für das Passwort. Bitte das Passwort in ~/.pgpass (bzw. %APPDATA%\\postgresql\\pgpass.conf) hinterlegen.',
      'No keychain here for the password; use ~/.pgpass instead.',
    );
  }
  fs.writeFileSync(connectionFile(dataDir), JSON.stringify(c, null, 2), { mode: 0o600 });
  if (password !== null) fs.writeFileSync(passwordFile(dataDir), safe!.encryptString(password), { mode: 0o600 });
}

/** The URL and password the app starts with, or null when no team server is set up. */
export function connectionTarget(dataDir: string, safe?: SafeStorageLike): { url: string; password?: string } | null {
  const c = readConnection(dataDir);
  if (!c) return null;
  const sealed = hasStoredPassword(dataDir) && safe?.isEncryptionAvailable() ? fs.readFileSync(passwordFile(dataDir)) : null;
  return { url: connectionUrl(c), password: sealed ? safe!.decryptString(sealed) : undefined };
}

/** Connects once with these settings: reachable, login accepted, TLS as asked, and a Lotse database (or empty). */
export async function testConnection(c: TeamConnection, password: string | null): Promise<{ ok: boolean; message: string }> {
  const client = new pg.Client({ connectionString: withPassword(connectionUrl(c), password), connectionTimeoutMillis: 8000 });
  try {
    await client.connect();
    const res = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'kysely_migration'",
    );
    const lotse = Number(res.rows[0]?.n ?? 0) > 0;
    return { ok: true, message: lotse ? 'Verbunden: eine Lotse-Datenbank.' : 'Verbunden: die Datenbank ist leer (lotse migrate legt das Schema an).' };
  } catch (err) {
    const tls = /SSL|certificate|self.signed|does not support SSL/i.test((err as Error).message);
    const message = tls
      ? 'Die TLS-Verbindung scheitert (Server ohne TLS oder Zertifikat nicht vertrauenswürdig). TLS-Einstellung oder Zertifikat prüfen.'
      : classifyDbError(err) === 'connection' || !describeDbError(err)
        ? 'Server nicht erreichbar: Adresse, Port und Netzwerk prüfen.'
        : describeDbError(err)!.message;
    return { ok: false, message };
  } finally {
    await client.end().catch(() => undefined);
  }
}
