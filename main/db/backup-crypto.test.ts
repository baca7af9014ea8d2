import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-db.js';
import { backupKeysFor, decryptFile, encryptFile, keyFileFor, type SafeStorageLike } from './backup-crypto.js';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** Stands in for Electron's safeStorage: a reversible transformation that marks what it wrapped. */
function fakeKeychain(backend = 'gnome_libsecret'): SafeStorageLike & { getSelectedStorageBackend(): string; calls: number } {
  return {
    calls: 0,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      this.calls++;
      return Buffer.from(`KC:${Buffer.from(plain).reverse().toString('base64')}`);
    },
    decryptString(enc) {
      this.calls++;
      return Buffer.from(enc.toString().slice(3), 'base64').reverse().toString();
    },
  };
}

describe('backup keys', () => {
  it('Electron with a keychain encrypts with a key only the keychain can open; the file key still decrypts CLI backups', async () => {
    const db = path.join(dir.dir, 'lotse.sqlite');
    const plain = path.join(dir.dir, 'plain.bin');
    fs.writeFileSync(plain, 'SQLite format 3\0 Inhalt');
    const keychain = fakeKeychain();
    const electronKeys = backupKeysFor(db, keychain);
    expect(electronKeys.map((k) => k.kind)).toEqual(['safeStorage', 'file']);
    await encryptFile(plain, path.join(dir.dir, 'app.enc'), electronKeys[0]!);
    expect(fs.readFileSync(`${keyFileFor(db)}.safe`).toString()).toMatch(/^KC:/);
    expect(keychain.calls).toBeGreaterThan(0);
    // the command line has no keychain: it says where to restore instead of failing obscurely
    const cliKeys = backupKeysFor(db);
    await expect(decryptFile(path.join(dir.dir, 'app.enc'), path.join(dir.dir, 'x'), cliKeys)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/Desktop-App/),
    });
    await encryptFile(plain, path.join(dir.dir, 'cli.enc'), cliKeys[0]!);
    await decryptFile(path.join(dir.dir, 'cli.enc'), path.join(dir.dir, 'cli.out'), electronKeys);
    await decryptFile(path.join(dir.dir, 'app.enc'), path.join(dir.dir, 'app.out'), electronKeys);
    expect(fs.readFileSync(path.join(dir.dir, 'app.out'))).toEqual(fs.readFileSync(plain));
    expect(fs.readFileSync(path.join(dir.dir, 'cli.out'))).toEqual(fs.readFileSync(plain));
  });

  it('Linux without a keyring (safeStorage "basic_text", a fixed built-in password) uses the key file', () => {
    const keys = backupKeysFor(path.join(dir.dir, 'lotse.sqlite'), fakeKeychain('basic_text'));
    expect(keys.map((k) => k.kind)).toEqual(['file']);
  });
});
