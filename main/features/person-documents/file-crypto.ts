import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { keyId, type BackupKeyProvider } from '../../db/backup-crypto.js';

/**
 * Document files are sealed with AES-256-GCM under the same key as the backups (the OS keychain through
 * safeStorage in Electron, else the key file beside the database): one key store, one thing to keep safe. The
 * additional data binds the ciphertext to its document and type, so bytes copied onto another document row fail
 * the tag check like any changed byte.
 */
export interface SealedFile {
  keyKind: string;
  keyId: string;
  iv: string;
  /** ciphertext followed by the 16-byte tag */
  content: Buffer;
}

const tagLength = 16;
const aad = (documentId: number, mime: string) => Buffer.from(`lotse-person-document:${documentId}:${mime}`, 'utf8');

export function sealFile(plain: Buffer, documentId: number, mime: string, provider: BackupKeyProvider): SealedFile {
  const key = provider.key(true)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(documentId, mime));
  const content = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { keyKind: provider.kind, keyId: keyId(key), iv: iv.toString('base64'), content };
}

function keyFor(sealed: SealedFile, providers: BackupKeyProvider[]): Buffer {
  for (const p of providers.filter((x) => x.kind === sealed.keyKind)) {
    const key = p.key(false);
    if (key && keyId(key) === sealed.keyId) return key;
  }
  throw new AppError(
    'forbidden',
    'Die Datei lässt sich mit dem Schlüssel dieser Installation nicht entschlüsseln (anderer PC oder Benutzer?).',
    `The file was sealed with another key (${sealed.keyKind}).`,
  );
}

export function openFile(sealed: SealedFile, documentId: number, mime: string, providers: BackupKeyProvider[]): Buffer {
  const key = keyFor(sealed, providers);
  const bytes = Buffer.from(sealed.content);
  if (bytes.length < tagLength) throw damaged();
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(aad(documentId, mime));
    decipher.setAuthTag(bytes.subarray(bytes.length - tagLength));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - tagLength)), decipher.final()]);
  } catch {
    throw damaged();
  }
}

const damaged = () =>
  new AppError(
    'corrupt_file',
    'Die gespeicherte Datei ist beschädigt oder wurde verändert (die Prüfsumme der Verschlüsselung stimmt nicht).',
    'The stored file is damaged or was tampered with (authentication tag mismatch).',
  );
