import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import { personDocument, personDocumentInput, personDocumentSettings } from '../domain/person-documents.js';

const fileHandle = z.string().min(1).max(100);

export const personDocumentsContract = {
  /** A person's documents (residence document, work permit, agreement, ...) with their file's name and type. */
  'personDocuments.list': procedure({ input: z.object({ participantId: id }), output: z.array(personDocument) }),
  /**
   * Record a document, optionally with a file (an upload handle). The file must be a PDF, JPG or PNG by its content
   * and agree with its name, and stay under the size setting; otherwise nothing is stored. It is stored encrypted.
   */
  'personDocuments.create': procedure({
    input: z.object({ data: personDocumentInput, fileHandle: fileHandle.nullable().optional() }),
    output: personDocument,
  }),
  /** Replace a document's fields; `file` replaces the stored file (handle) or removes it ({ remove: true }). */
  'personDocuments.update': procedure({
    input: z.object({
      id,
      data: personDocumentInput,
      file: z.union([z.object({ handle: fileHandle }), z.object({ remove: z.literal(true) })]).optional(),
    }),
    output: personDocument,
  }),
  /** Delete a document and its file. */
  'personDocuments.delete': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  /** The decrypted file of a document behind a handle, to open or save. */
  'personDocuments.file': procedure({ input: z.object({ id }), output: z.object({ handle: z.string(), name: z.string() }) }),
  /** The upload limit. */
  'personDocuments.settings': procedure({ input: z.object({}).optional(), output: personDocumentSettings }),
  'personDocuments.updateSettings': procedure({ input: personDocumentSettings, output: personDocumentSettings }),
};
