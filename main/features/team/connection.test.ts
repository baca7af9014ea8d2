import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SafeStorageLike } from '../../db/backup-crypto.js';
import { createTestDatabase, serverUrl, testEngine } from '../../test/pg.js';
import { tempDir } from '../../test/temp-db.js';
import { openAndMigrate } from '../../db/migrate.js';
import { connectionFile, connectionTarget, readConnection, testConnection, writeConnection } from './connection.js';

/** A keychain for the test: Electron's safeStorage is not available outside Electron; this one seals reversibly. */
const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
};

const conn = { host: '127.0.0.1', port: 1, database: 'lotse', user: 'anke', sslmode: 'disable' as const };

describe('team connection of the desktop app (service-engines)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('is saved beside the data, the password only sealed by the keychain; without one a password is refused', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    expect(() => writeConnection(dir, conn, 'geheim-passwort', undefined)).toThrow(/Schlüsselbund/);
    expect(readConnection(dir)).toBeNull();
    writeConnection(dir, conn, 'geheim-passwort', keychain);
    expect(readConnection(dir)).toEqual(conn);
    expect(fs.readFileSync(connectionFile(dir), 'utf8')).not.toContain('geheim');
    expect(fs.readFileSync(`${connectionFile(dir)}.password.safe`).toString('utf8')).not.toContain('geheim');
    expect(connectionTarget(dir, keychain)).toEqual({ url: 'postgres://anke@127.0.0.1:1/lotse?sslmode=disable', password: 'geheim-passwort' });
    writeConnection(dir, null, null);
    expect(connectionTarget(dir, keychain)).toBeNull();
  });

  it('a server that does not answer is named as such, in German', async () => {
    const r = await testConnection(conn, null);
    expect(r.ok).toBe(false);
    expect(r.message).toContain('nicht erreichbar');
  });

  it.skipIf(testEngine !== 'postgres')('the test server: a Lotse database is recognised, a wrong password is named', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const open = await openAndMigrate(database.url);
    cleanups.push(() => open.close());
    const u = new URL(database.url);
    const c = { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: u.username, sslmode: 'disable' as const };
    expect(await testConnection(c, decodeURIComponent(new URL(serverUrl()).password))).toEqual({ ok: true, message: expect.stringContaining('Lotse-Datenbank') });
    expect(await testConnection(c, 'falsch')).toEqual({ ok: false, message: expect.stringContaining('Passwort') });
    // a server without TLS, asked for TLS: the TLS problem is named, not a generic failure
    expect((await testConnection({ ...c, sslmode: 'require' }, 'x')).message).toContain('TLS');
  });
});
