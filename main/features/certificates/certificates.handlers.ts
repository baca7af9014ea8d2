import type { Handlers } from '../../api/router.js';
import { createCertificate, listCertificates, recreateCertificate } from './certificates.service.js';

export const certificatesHandlers = {
  'certificates.create': async (input, ctx) => createCertificate(ctx.db, ctx.files, input),
  'certificates.recreate': async ({ documentId }, ctx) => recreateCertificate(ctx.reader, ctx.files, documentId),
  'certificates.list': async ({ participantId }, ctx) => listCertificates(ctx.reader, participantId),
} satisfies Partial<Handlers>;
