import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNamed } from '../../db/backup.js';
import { engineOf } from '../../db/engine/kind.js';
import { restoreFromFile } from '../backups/restore.service.js';
import { testEngine } from '../../test/pg.js';
import { tempApp } from '../../test/temp-db.js';
import { insertPeople } from '../participants/insert-people.js';
import { collectAccessData } from '../privacy/access-export.service.js';
import { anonymiseParticipants } from '../privacy/anonymise.service.js';
import {
  createPersonDocument,
  deletePersonDocument,
  listPersonDocuments,
  personDocumentFile,
  updateDocumentSettings,
  updatePersonDocument,
  type DocumentDeps,
} from './person-documents.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
let deps: DocumentDeps;
beforeEach(async () => {
  app = await tempApp();
  deps = { keys: app.ctx.open.backupKeys, files: app.ctx.files };
});
afterEach(async () => app.dispose());

/** A tiny PDF carrying a marker that must never appear in the database unencrypted. */
const marker = 'GEHEIM-AUFENTHALT-4711-MARKER';
const pdf = Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'latin1');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(marker)]);
const upload = (name: string, bytes: Buffer) => app.ctx.files.storeUpload(name, bytes);
const residence = (participantId: number) => ({
  participantId,
  kind: 'aufenthaltsdokument' as const,
  number: 'AB123',
  issuedBy: 'Ausländerbehörde Landkreis Mittelsachsen',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
});
const rawFile = async (documentId: number) =>
  app.ctx.db.selectFrom('person_document_files').selectAll().where('document_id', '=', documentId).executeTakeFirstOrThrow();

// files are sealed with the key beside a database file; a team server has none yet (refused, tested below)
const filesNeedKey = testEngine === 'postgres';

describe('person documents', () => {
  it.skipIf(!filesNeedKey)('on a team server a file is refused with the reason, and the document is not half-stored', async () => {
    const [p] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    await expect(createPersonDocument(app.ctx.db, deps, residence(p!), upload('Duldung.pdf', pdf))).rejects.toMatchObject({ code: 'conflict' });
    expect(await listPersonDocuments(app.ctx.db, p!)).toEqual([]);
    const doc = await createPersonDocument(app.ctx.db, deps, residence(p!), null);
    expect(doc.file).toBeNull();
  });

  it.skipIf(filesNeedKey)('stores a file encrypted and gives back exactly its bytes', async () => {
    const [p] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    const doc = await createPersonDocument(app.ctx.db, deps, residence(p!), upload('Duldung.pdf', pdf));
    expect(doc.file).toEqual({ name: 'Duldung.pdf', mime: 'application/pdf', size: pdf.length });
    const stored = await rawFile(doc.id);
    expect(Buffer.from(stored.content).includes(Buffer.from(marker))).toBe(false);
    expect(stored.content.length).toBe(pdf.length + 16);

    const out = await personDocumentFile(app.ctx.db, deps, doc.id);
    expect(fs.readFileSync(app.ctx.files.get(out.handle).path).equals(pdf)).toBe(true);
    expect(await listPersonDocuments(app.ctx.db, p!)).toEqual([doc]);
  });

  it.skipIf(filesNeedKey)('refuses a file whose stored bytes were changed, or that was copied onto another document', async () => {
    const [p] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    const a = await createPersonDocument(app.ctx.db, deps, residence(p!), upload('a.pdf', pdf));
    const b = await createPersonDocument(app.ctx.db, deps, { ...residence(p!), kind: 'zeugnis' }, upload('b.pdf', pdf));
    const stored = await rawFile(a.id);
    const flipped = Buffer.from(stored.content);
    flipped[3] = flipped[3]! ^ 0x01;
    await app.ctx.db.updateTable('person_document_files').set({ content: flipped }).where('document_id', '=', a.id).execute();
    await expect(personDocumentFile(app.ctx.db, deps, a.id)).rejects.toMatchObject({ code: 'corrupt_file' });

    // a's original (intact) ciphertext moved to b: bound to a's id, so b refuses it
    const { iv, key_id, key_kind } = stored;
    await app.ctx.db
      .updateTable('person_document_files')
      .set({ content: Buffer.from(stored.content), iv, key_id, key_kind })
      .where('document_id', '=', b.id)
      .execute();
    await expect(personDocumentFile(app.ctx.db, deps, b.id)).rejects.toMatchObject({ code: 'corrupt_file' });
  });

  it.skipIf(filesNeedKey)('refuses a file that is not what its name says, not an allowed type, empty or too large, and stores nothing', async () => {
    const [p] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    const attempt = (name: string, bytes: Buffer) => createPersonDocument(app.ctx.db, deps, residence(p!), upload(name, bytes)).catch((e: unknown) => e);
    expect(await attempt('Pass.pdf', png)).toMatchObject({ code: 'unsupported_format', message: expect.stringContaining('PNG') });
    expect(await attempt('Pass.docx', Buffer.from('PK\x03\x04 word'))).toMatchObject({ code: 'unsupported_format' });
    expect(await attempt('leer.pdf', Buffer.alloc(0))).toMatchObject({ code: 'empty_file' });
    await updateDocumentSettings(app.ctx.db, { maxFileBytes: 10_000 });
    const big = Buffer.concat([pdf, Buffer.alloc(10_001 - pdf.length)]);
    expect(await attempt('gross.pdf', big)).toMatchObject({ code: 'too_large', message: expect.stringContaining('höchstens') });
    // exactly at the limit is accepted
    expect(await attempt('passt.pdf', big.subarray(0, 10_000))).toMatchObject({ file: { size: 10_000 } });
    expect((await listPersonDocuments(app.ctx.db, p!)).map((d) => d.file?.name)).toEqual(['passt.pdf']);
  });

  it('names the field when valid-until lies before valid-from', async () => {
    const [p] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    const res = await app.router.call('personDocuments.create', { data: { ...residence(p!), validFrom: '2026-05-02', validUntil: '2026-05-01' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'data.validUntil' }] } } });
    expect(await listPersonDocuments(app.ctx.db, p!)).toHaveLength(0);
  });

  it.skipIf(filesNeedKey)('replaces and removes a file on update; deletes a document with its file', async () => {
    const [p] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }]);
    const doc = await createPersonDocument(app.ctx.db, deps, residence(p!), upload('alt.pdf', pdf));
    const replaced = await updatePersonDocument(app.ctx.db, deps, doc.id, { ...residence(p!), validUntil: '2027-06-30' }, { handle: upload('neu.png', png) });
    expect(replaced).toMatchObject({ validUntil: '2027-06-30', file: { name: 'neu.png', mime: 'image/png' } });
    const removed = await updatePersonDocument(app.ctx.db, deps, doc.id, residence(p!), { remove: true });
    expect(removed.file).toBeNull();
    await updatePersonDocument(app.ctx.db, deps, doc.id, residence(p!), { handle: upload('x.pdf', pdf) });
    await deletePersonDocument(app.ctx.db, doc.id);
    expect(await app.ctx.db.selectFrom('person_document_files').select('document_id').execute()).toEqual([]);
  });

  it.skipIf(filesNeedKey)('lists documents and files in the Art. 15 export and erases them with the person', async () => {
    const [p, other] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }, { lastName: 'Osman', firstName: 'Yonas' }]);
    const doc = await createPersonDocument(app.ctx.db, deps, residence(p!), upload('Duldung.pdf', pdf));
    await createPersonDocument(app.ctx.db, deps, residence(other!), upload('Pass.pdf', pdf));
    const access = await collectAccessData(app.ctx.db, p!);
    expect(access.tables.person_documents).toEqual([expect.objectContaining({ id: doc.id, kind: 'aufenthaltsdokument', number: 'AB123' })]);
    expect(access.tables.person_document_files).toEqual([expect.objectContaining({ document_id: doc.id, file_name: 'Duldung.pdf', size: pdf.length })]);
    expect(JSON.stringify(access)).not.toContain(marker);

    const erasedCipher = Buffer.from((await rawFile(doc.id)).content).subarray(0, 48);
    const result = await anonymiseParticipants(app.ctx.db, [p!], { reason: 'request' });
    expect(result.counts.personDocumentsDeleted).toBe(1);
    expect(await listPersonDocuments(app.ctx.db, p!)).toEqual([]);
    const files = await app.ctx.db.selectFrom('person_document_files').select('document_id').execute();
    expect(files).toHaveLength(1);
    expect(files[0]!.document_id).not.toBe(doc.id);
    if (engineOf(app.ctx.db) === 'sqlite') {
      // neither the file nor its WAL holds the plaintext (it never went in) or the erased ciphertext (VACUUM)
      const dbFiles = fs.readdirSync(app.dir).filter((n) => n.startsWith('lotse.sqlite') && fs.statSync(`${app.dir}/${n}`).isFile());
      expect(dbFiles).toContain('lotse.sqlite');
      for (const f of dbFiles) {
        const bytes = fs.readFileSync(`${app.dir}/${f}`);
        expect(bytes.includes(Buffer.from(marker))).toBe(false);
        expect(bytes.includes(erasedCipher)).toBe(false);
      }
    }
  });

  it.skipIf(filesNeedKey)('travel inside a backup: a restore brings a deleted file back, but never one of a person erased since', async () => {
    const [p, q] = await insertPeople(app.ctx.db, [{ lastName: 'Haddad', firstName: 'Samir' }, { lastName: 'Osman', firstName: 'Yonas' }]);
    const kept = await createPersonDocument(app.ctx.db, deps, residence(p!), upload('Duldung.pdf', pdf));
    await createPersonDocument(app.ctx.db, deps, residence(q!), upload('Pass.png', png));
    const backup = await backupNamed(app.ctx.open, 'manuell');
    await deletePersonDocument(app.ctx.db, kept.id);
    await anonymiseParticipants(app.ctx.db, [q!], { reason: 'request' });

    await restoreFromFile(app.ctx.open, backup, { safetyBackup: false });
    const out = await personDocumentFile(app.ctx.db, deps, kept.id);
    expect(fs.readFileSync(app.ctx.files.get(out.handle).path).equals(pdf)).toBe(true);
    expect(await listPersonDocuments(app.ctx.db, q!)).toEqual([]);
    expect(await app.ctx.db.selectFrom('person_document_files').select('document_id').execute()).toEqual([{ document_id: kept.id }]);
  });
});
