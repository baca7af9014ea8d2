import fs from 'node:fs';
import type { Kysely } from 'kysely';
import {
  defaultPersonDocumentSettings,
  personDocumentSettings,
  type PersonDocument,
  type PersonDocumentInput,
  type PersonDocumentMime,
  type PersonDocumentSettings,
} from '../../../shared/domain/person-documents.js';
import { personDocumentInput } from '../../../shared/domain/person-documents.js';
import { AppError } from '../../../shared/errors.js';
import type { FileStore } from '../../api/files.js';
import { privateFileMode } from '../../db/at-rest.js';
import type { BackupKeyProvider } from '../../db/backup-crypto.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { getSetting, setSetting } from '../settings/settings.service.js';
import { openFile, sealFile } from './file-crypto.js';
import { fileTypeOf } from './file-type.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** What the service needs besides the database: the backup keys (which also seal files) and the file handles. */
export interface DocumentDeps {
  keys: BackupKeyProvider[];
  files: FileStore;
}

/** A file change on update: a new upload, removal of the stored file, or (undefined) no change. */
export type FileChange = { handle: string } | { remove: true } | undefined;

const settingsKey = 'personDocuments';

export async function getDocumentSettings(db: Db): Promise<PersonDocumentSettings> {
  return { ...defaultPersonDocumentSettings, ...(await getSetting<Partial<PersonDocumentSettings>>(db, settingsKey, {})) };
}

export async function updateDocumentSettings(db: Db, input: PersonDocumentSettings): Promise<PersonDocumentSettings> {
  const value = personDocumentSettings.parse(input);
  await setSetting(db, settingsKey, value);
  return value;
}

function selectDocuments(db: Db) {
  return db
    .selectFrom('person_documents as d')
    .leftJoin('person_document_files as f', 'f.document_id', 'd.id')
    .select(['d.id', 'd.participant_id', 'd.kind', 'd.number', 'd.issued_by', 'd.valid_from', 'd.valid_until', 'd.notes'])
    .select(['f.file_name', 'f.mime', 'f.size']);
}

type DocRow = Awaited<ReturnType<ReturnType<typeof selectDocuments>['executeTakeFirstOrThrow']>>;

const toDocument = (r: DocRow): PersonDocument => ({
  id: r.id,
  participantId: r.participant_id,
  kind: r.kind,
  number: r.number,
  issuedBy: r.issued_by,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  notes: r.notes,
  file: r.file_name && r.mime ? { name: r.file_name, mime: r.mime, size: Number(r.size) } : null,
});

/** A person's documents, the ones valid longest first (undated at the end), then by kind. */
export async function listPersonDocuments(db: Db, participantId: number): Promise<PersonDocument[]> {
  const rows = await selectDocuments(db).where('d.participant_id', '=', participantId).orderBy('d.kind').orderBy('d.id').execute();
  return rows.map(toDocument);
}

async function getDocument(db: Db, id: number): Promise<PersonDocument> {
  const row = await selectDocuments(db).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Dokument nicht gefunden.', 'Document not found.');
  return toDocument(row);
}

/** Reads an upload and checks it (size against the setting, type by content) before anything is stored. */
async function readUpload(db: Db, files: FileStore, handle: string): Promise<{ name: string; mime: PersonDocumentMime; bytes: Buffer }> {
  const entry = files.readable(handle);
  const { maxFileBytes } = await getDocumentSettings(db);
  let size: number;
  let bytes: Buffer;
  try {
    size = fs.statSync(entry.path).size;
    if (size > maxFileBytes) throw tooLarge(entry.name, size, maxFileBytes);
    bytes = fs.readFileSync(entry.path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('corrupt_file', `„${entry.name}“ lässt sich nicht lesen. Es wurde nichts gespeichert.`, `"${entry.name}" cannot be read.`);
  }
  if (bytes.length === 0) throw new AppError('empty_file', `„${entry.name}“ ist leer. Es wurde nichts gespeichert.`, `"${entry.name}" is empty.`);
  return { name: entry.name, mime: fileTypeOf(entry.name, bytes), bytes };
}

const mb = (n: number) => (n / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 });
const tooLarge = (name: string, size: number, max: number) =>
  new AppError(
    'too_large',
    `„${name}“ ist ${mb(size)} MB groß; erlaubt sind höchstens ${mb(max)} MB (Einstellung). Es wurde nichts gespeichert.`,
    `"${name}" is ${size} bytes; the limit is ${max} bytes. Nothing was stored.`,
  );

async function assertPerson(db: Db, participantId: number): Promise<void> {
  const p = await db.selectFrom('participants').select('anonymised_at').where('id', '=', participantId).executeTakeFirst();
  if (!p || p.anonymised_at) {
    throw new AppError('validation', 'Teilnehmende nicht gefunden.', 'Participant not found.', {
      fields: [{ path: 'participantId', message: 'Teilnehmende nicht gefunden', messageEn: 'Participant not found' }],
    });
  }
}

const columns = (d: ReturnType<typeof personDocumentInput.parse>) => ({
  kind: d.kind,
  number: d.number,
  issued_by: d.issuedBy,
  valid_from: d.validFrom,
  valid_until: d.validUntil,
  notes: d.notes,
});

async function storeFile(trx: Db, keys: BackupKeyProvider[], documentId: number, upload: Awaited<ReturnType<typeof readUpload>>): Promise<void> {
  // a team server has no key beside a file that every member's Lotse could read: files wait for a team key there
  if (!keys[0]) {
    throw new AppError(
      'conflict',
      'Im Teambetrieb lassen sich noch keine Dateien anhängen (es gibt noch keinen gemeinsamen Schlüssel des Teams). Die Angaben zum Dokument ohne Datei speichern.',
      'In team mode files cannot be attached yet (no shared team key). Save the document details without a file.',
    );
  }
  const sealed = sealFile(upload.bytes, documentId, upload.mime, keys[0]);
  const row = {
    file_name: upload.name,
    mime: upload.mime,
    size: upload.bytes.length,
    key_kind: sealed.keyKind,
    key_id: sealed.keyId,
    iv: sealed.iv,
    content: sealed.content,
    updated_at: nowIso(),
  };
  await trx
    .insertInto('person_document_files')
    .values({ document_id: documentId, ...row })
    .onConflict((oc) => oc.column('document_id').doUpdateSet(row))
    .execute();
}

/** Audit snapshot without number or notes: the trail says what kind and validity, not the document's content. */
const snapshot = (d: ReturnType<typeof personDocumentInput.parse>, fileName: string | null) => ({
  kind: d.kind,
  validFrom: d.validFrom,
  validUntil: d.validUntil,
  file: fileName !== null,
});

export async function createPersonDocument(db: Db, deps: DocumentDeps, input: PersonDocumentInput, fileHandle?: string | null): Promise<PersonDocument> {
  const data = personDocumentInput.parse(input);
  await assertPerson(db, data.participantId);
  const upload = fileHandle ? await readUpload(db, deps.files, fileHandle) : null;
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('person_documents')
      .values({ participant_id: data.participantId, ...columns(data) })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (upload) await storeFile(trx, deps.keys, row.id, upload);
    await audit(trx, { action: 'create', entity: 'person_document', entityId: row.id, participantId: data.participantId, after: snapshot(data, upload?.name ?? null) });
    return row.id;
  });
  return getDocument(db, id);
}

export async function updatePersonDocument(db: Db, deps: DocumentDeps, id: number, input: PersonDocumentInput, file?: FileChange): Promise<PersonDocument> {
  const data = personDocumentInput.parse(input);
  const before = await getDocument(db, id);
  if (before.participantId !== data.participantId) {
    throw new AppError('validation', 'Ein Dokument bleibt bei seiner Person.', 'A document stays with its person.', {
      fields: [{ path: 'participantId', message: 'Ein Dokument bleibt bei seiner Person' }],
    });
  }
  const upload = file && 'handle' in file ? await readUpload(db, deps.files, file.handle) : null;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('person_documents').set({ ...columns(data), updated_at: nowIso() }).where('id', '=', id).execute();
    if (upload) await storeFile(trx, deps.keys, id, upload);
    if (file && 'remove' in file) await trx.deleteFrom('person_document_files').where('document_id', '=', id).execute();
    await audit(trx, { action: 'update', entity: 'person_document', entityId: id, participantId: data.participantId, after: snapshot(data, upload?.name ?? before.file?.name ?? null) });
  });
  return getDocument(db, id);
}

export async function deletePersonDocument(db: Db, id: number): Promise<{ ok: true }> {
  const before = await getDocument(db, id);
  await db.transaction().execute(async (trx) => {
    // the file row goes with the document (ON DELETE CASCADE); deleted explicitly so it does not rely on the pragma
    await trx.deleteFrom('person_document_files').where('document_id', '=', id).execute();
    await trx.deleteFrom('person_documents').where('id', '=', id).execute();
    await audit(trx, { action: 'delete', entity: 'person_document', entityId: id, participantId: before.participantId, details: before.kind });
  });
  return { ok: true };
}

/** The decrypted file of a document, as a temp file behind a handle (opened or saved by the renderer). */
export async function personDocumentFile(db: Db, deps: DocumentDeps, id: number): Promise<{ handle: string; name: string }> {
  const row = await db.selectFrom('person_document_files').selectAll().where('document_id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Zu diesem Dokument ist keine Datei gespeichert.', 'No file stored for this document.');
  const plain = openFile({ keyKind: row.key_kind, keyId: row.key_id, iv: row.iv, content: Buffer.from(row.content) }, id, row.mime, deps.keys);
  const target = deps.files.tempPath(row.file_name);
  fs.writeFileSync(target, plain, { mode: privateFileMode });
  return { handle: deps.files.register({ path: target, name: row.file_name, temporary: true }), name: row.file_name };
}
