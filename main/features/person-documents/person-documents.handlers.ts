import type { Handlers } from '../../api/router.js';
import type { AppContext } from '../../api/context.js';
import {
  createPersonDocument,
  deletePersonDocument,
  getDocumentSettings,
  listPersonDocuments,
  personDocumentFile,
  updateDocumentSettings,
  updatePersonDocument,
  type DocumentDeps,
} from './person-documents.service.js';

const deps = (ctx: AppContext): DocumentDeps => ({ keys: ctx.open.backupKeys, files: ctx.files });

export const personDocumentsHandlers = {
  'personDocuments.list': async ({ participantId }, ctx) => listPersonDocuments(ctx.reader, participantId),
  'personDocuments.create': async ({ data, fileHandle }, ctx) => createPersonDocument(ctx.db, deps(ctx), data, fileHandle),
  'personDocuments.update': async ({ id, data, file }, ctx) => updatePersonDocument(ctx.db, deps(ctx), id, data, file),
  'personDocuments.delete': async ({ id }, ctx) => deletePersonDocument(ctx.db, id),
  'personDocuments.file': async ({ id }, ctx) => personDocumentFile(ctx.reader, deps(ctx), id),
  'personDocuments.settings': async (_input, ctx) => getDocumentSettings(ctx.reader),
  'personDocuments.updateSettings': async (input, ctx) => updateDocumentSettings(ctx.db, input),
} satisfies Partial<Handlers>;
