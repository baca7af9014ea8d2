import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors.js';
import { createPrivateFile, privateFileMode } from './at-rest.js';

/**
 * Backups are encrypted with AES-256-GCM (node:crypto). The whole file is one GCM message: a header (magic, length,
 * JSON with the key kind, a key id and the IV) that is authenticated as additional data, the ciphertext, and the
 * 16-byte tag at the end. Decryption writes to a temp file that is used only after the tag checked out, so a
 * changed byte anywhere (header, content, tag) is refused and never restored.
 */
const magic = Buffer.from('LOTSE-BACKUP-1\n', 'latin1');
const tagLength = 16;

export type KeyKind = 'file' | 'safeStorage';

/** The source of the 32-byte backup key: a key file (web mode, CLI) or the OS keychain through Electron. */
export interface BackupKeyProvider {
  kind: KeyKind;
  /** the key; `create` makes one on first use (encrypting), otherwise null when none exists yet */
  key(create: boolean): Buffer | null;
}

/** The standard key file of a database in web mode and on the command line (0600, beside the database). */
export function keyFileFor(dbPath: string): string {
  return `${dbPath}.backup-key`;
}

function readOrCreate(file: string, create: boolean, encode: (key: Buffer) => Buffer, decode: (stored: Buffer) => Buffer): Buffer | null {
  if (fs.existsSync(file)) return decode(fs.readFileSync(file));
  if (!create) return null;
  const key = crypto.randomBytes(32);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  createPrivateFile(tmp);
  fs.writeFileSync(tmp, encode(key), { mode: privateFileMode });
  try {
    // link, not rename: a key written meanwhile by another process wins, and both then use the same one
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return decode(fs.readFileSync(file));
}

/** A random key in a file readable only by the user (web mode and CLI). */
export function fileKeyProvider(file: string): BackupKeyProvider {
  return {
    kind: 'file',
    key: (create) =>
      readOrCreate(
        file,
        create,
        (k) => Buffer.from(k.toString('base64')),
        (b) => Buffer.from(b.toString('utf8').trim(), 'base64'),
      ),
  };
}

/** The part of Electron's safeStorage this needs; main/electron passes the real one in. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}


/**
 * A random key kept in a file only the OS keychain can open (DPAPI on Windows, Keychain on macOS, libsecret on
 * Linux), through Electron's safeStorage.
 */
export function safeStorageKeyProvider(file: string, safe: SafeStorageLike): BackupKeyProvider {
  return {
    kind: 'safeStorage',
    key: (create) =>
      readOrCreate(
        file,
        create,
        (k) => safe.encryptString(k.toString('base64')),
        (b) => Buffer.from(safe.decryptString(b), 'base64'),
      ),
  };
}

/**
 * The keys of a database: encrypt with the OS keychain's key where Electron offers a real keychain, otherwise
 * (web mode, CLI, Linux without a keyring, where safeStorage would fall back to a fixed built-in password) with the
 * key file. The key file stays usable for decrypting backups the command line made.
 */
export function backupKeysFor(dbPath: string, safe?: SafeStorageLike & { getSelectedStorageBackend?(): string }): BackupKeyProvider[] {
  const file = fileKeyProvider(keyFileFor(dbPath));
  if (!safe?.isEncryptionAvailable() || safe.getSelectedStorageBackend?.() === 'basic_text') return [file];
  return [safeStorageKeyProvider(`${keyFileFor(dbPath)}.safe`, safe), file];
}

interface Header {
  alg: 'aes-256-gcm';
  keyKind: KeyKind;
  keyId: string;
  iv: string;
  createdAt: string;
}

/** A short public fingerprint of a key, stored with what it sealed so the right key is picked later. */
export const keyId = (key: Buffer) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);

function headerBytes(h: Header): Buffer {
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([magic, len, json]);
}

/** Does the file start like an encrypted Lotse backup? */
export function isEncryptedBackup(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === magic.length && head.equals(magic);
  } finally {
    fs.closeSync(fd);
  }
}

/** Encrypts `plain` into a new file `out` (0600) with the provider's key. */
export async function encryptFile(plain: string, out: string, provider: BackupKeyProvider, createdAt = new Date()): Promise<void> {
  const key = provider.key(true)!;
  const iv = crypto.randomBytes(12);
  const header = headerBytes({ alg: 'aes-256-gcm', keyKind: provider.kind, keyId: keyId(key), iv: iv.toString('base64'), createdAt: createdAt.toISOString() });
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  createPrivateFile(out);
  const sink = fs.createWriteStream(out, { flags: 'r+', mode: privateFileMode });
  sink.write(header);
  await pipeline(fs.createReadStream(plain), cipher, sink, { end: false });
  await new Promise<void>((resolve, reject) => {
    sink.end(cipher.getAuthTag(), () => resolve());
    sink.once('error', reject);
  });
  const fd = fs.openSync(out, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const damaged = (file: string) =>
  new AppError(
    'corrupt_file',
    `Die Sicherung ${file} ist beschädigt oder wurde verändert (die Prüfsumme der Verschlüsselung stimmt nicht).`,
    `The backup ${file} is damaged or was tampered with (authentication tag mismatch).`,
  );

function readHeader(file: string, size: number): { header: Header; bytes: Buffer } {
  const fd = fs.openSync(file, 'r');
  try {
    const fixed = Buffer.alloc(magic.length + 4);
    if (fs.readSync(fd, fixed, 0, fixed.length, 0) !== fixed.length) throw damaged(file);
    const len = fixed.readUInt32BE(magic.length);
    if (len > 4096 || fixed.length + len + tagLength > size) throw damaged(file);
    const json = Buffer.alloc(len);
    fs.readSync(fd, json, 0, len, fixed.length);
    let header: Header;
    try {
      header = JSON.parse(json.toString('utf8')) as Header;
    } catch {
      throw damaged(file);
    }
    if (header.alg !== 'aes-256-gcm' || typeof header.iv !== 'string') throw damaged(file);
    return { header, bytes: Buffer.concat([fixed, json]) };
  } finally {
    fs.closeSync(fd);
  }
}

function pickKey(file: string, header: Header, providers: BackupKeyProvider[]): Buffer {
  for (const p of providers.filter((x) => x.kind === header.keyKind)) {
    const key = p.key(false);
    if (key && keyId(key) === header.keyId) return key;
  }
  const where =
    header.keyKind === 'safeStorage'
      ? 'Sie wurde von der Desktop-App mit dem Schlüsselbund dieses Benutzers verschlüsselt; bitte in der Desktop-App wiederherstellen.'
      : 'Der passende Schlüssel (Datei „…backup-key“ neben der Datenbank) fehlt oder ist ein anderer.';
  throw new AppError(
    'forbidden',
    `Die Sicherung ${file} lässt sich mit dem Schlüssel dieser Installation nicht entschlüsseln. ${where}`,
    `The backup ${file} was encrypted with another key (${header.keyKind}).`,
  );
}

/**
 * Decrypts an encrypted backup into a new file `out` (0600). Only a file whose tag checks out is left behind;
 * returns when the backup was made (from its authenticated header).
 */
export async function decryptFile(file: string, out: string, providers: BackupKeyProvider[]): Promise<{ createdAt: string }> {
  const size = fs.statSync(file).size;
  const { header, bytes } = readHeader(file, size);
  const key = pickKey(file, header, providers);
  const tag = Buffer.alloc(tagLength);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, tag, 0, tagLength, size - tagLength);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(bytes);
  decipher.setAuthTag(tag);
  createPrivateFile(out);
  try {
    const end = size - tagLength - 1;
    const source = end >= bytes.length ? fs.createReadStream(file, { start: bytes.length, end }) : Readable.from([]);
    await pipeline(source, decipher, fs.createWriteStream(out, { flags: 'r+', mode: privateFileMode }));
  } catch (err) {
    fs.rmSync(out, { force: true });
    if (err instanceof AppError) throw err;
    throw damaged(file);
  }
  return { createdAt: header.createdAt };
}
