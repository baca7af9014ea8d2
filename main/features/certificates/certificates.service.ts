import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { FileStore } from '../../api/files.js';
import type { Database } from '../../db/schema.js';
import { renderCertificate, type CertificateData } from '../../pdf/certificate.js';
import { audit } from '../audit/audit.service.js';
import { getAghSettings } from '../placements/agh-settings.service.js';
import { getPlacement } from '../placements/placements.service.js';
import { todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** The inputs a certificate was asked with. */
const certificateParams = z.object({
  placementId: z.number().int(),
  bilingual: z.boolean(),
  place: z.string(),
  issuedOn: z.string(),
});
type CertificateParams = z.infer<typeof certificateParams>;

/**
 * What a document row keeps: the inputs and, since issue 17, the snapshot of everything the paper stated and the
 * SHA-256 of the PDF handed out, so printing it again gives the same document, not one rebuilt from today's data.
 * Rows from before keep only the inputs (no snapshot) and are rebuilt from the data as they always were.
 */
const storedCertificate = certificateParams.extend({
  snapshot: z
    .object({
      operator: z.string().nullable(),
      operatorAddress: z.string().nullable().optional(),
      participantName: z.string(),
      birthDate: z.string().nullable(),
      programName: z.string(),
      activity: z.string(),
      site: z.string(),
      commune: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      totalHoursX100: z.number().int(),
      place: z.string(),
      issuedOn: z.string(),
      bilingual: z.boolean(),
      namesLegalBasis: z.boolean().optional(),
    })
    .optional(),
  sha256: z.string().optional(),
});

/** Collects everything the certificate states from the current data. */
export async function certificateData(db: Db, params: CertificateParams): Promise<CertificateData> {
  const p = await getPlacement(db, params.placementId);
  const person = await db
    .selectFrom('participants')
    .select(['first_name', 'last_name', 'birth_date', 'anonymised_at'])
    .where('id', '=', p.participantId)
    .executeTakeFirstOrThrow();
  if (person.anonymised_at !== null) {
    throw new AppError('conflict', 'Die Person wurde anonymisiert; eine Bescheinigung ist nicht mehr möglich.', 'Participant anonymised.');
  }
  const program = await db.selectFrom('programs').select(['name', 'operator']).where('id', '=', p.programId).executeTakeFirstOrThrow();
  const settings = await getAghSettings(db, p.programId);
  return {
    operator: program.operator,
    operatorAddress: settings.operatorAddress,
    namesLegalBasis: settings.certificateNamesLegalBasis,
    participantName: [person.first_name, person.last_name].filter(Boolean).join(' ') || '(ohne Namen)',
    birthDate: person.birth_date,
    programName: program.name,
    activity: p.activity,
    site: p.site,
    commune: p.communeName,
    startDate: p.startDate,
    endDate: p.endDate,
    totalHoursX100: p.totalHoursX100,
    place: params.place,
    issuedOn: params.issuedOn,
    bilingual: params.bilingual,
  };
}

function fileName(data: CertificateData): string {
  const safe = data.participantName.replace(/[\\/:*?"<>|]/g, '-');
  return `Teilnehmerbescheinigung ${safe}.pdf`;
}

function register(files: FileStore, data: CertificateData, bytes: Uint8Array): { handle: string; name: string } {
  const name = fileName(data);
  const file = files.tempPath(name);
  fs.writeFileSync(file, bytes);
  return { handle: files.register({ path: file, name, temporary: true }), name };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Creates a certificate for a placement, records it in the participant's documents and returns the PDF's handle. */
export async function createCertificate(
  db: Db,
  files: FileStore,
  input: { placementId: number; bilingual: boolean; place: string | null; issuedOn: string | null },
): Promise<{ documentId: number; handle: string; name: string }> {
  const placement = await getPlacement(db, input.placementId);
  const params: CertificateParams = {
    placementId: input.placementId,
    bilingual: input.bilingual,
    place: input.place ?? placement.communeName,
    issuedOn: input.issuedOn ?? todayIso(),
  };
  // render first: a failing PDF leaves no half-recorded document behind
  const data = await certificateData(db, params);
  const bytes = await renderCertificate(data);
  const out = register(files, data, bytes);
  const hash = sha256(bytes);
  const documentId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('documents')
      .values({
        participant_id: placement.participantId,
        kind: 'teilnehmerbescheinigung',
        title: `Teilnehmerbescheinigung AGH ${placement.communeName} (${placement.startDate.slice(0, 4)})`,
        params: JSON.stringify({ ...params, snapshot: data, sha256: hash }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the audit keeps the inputs and the hash; the snapshot's personal data stays in the document row only
    await audit(trx, { action: 'create', entity: 'document', entityId: id, participantId: placement.participantId, after: { ...params, sha256: hash } });
    return id;
  });
  return { documentId, ...out };
}

/**
 * The recorded certificate again, as it was handed out: rendered from its snapshot (the same bytes; the stored
 * hash proves it). A certificate recorded before snapshots existed is rebuilt from its inputs and today's data.
 */
export async function recreateCertificate(db: Db, files: FileStore, documentId: number): Promise<{ handle: string; name: string }> {
  const doc = await db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  if (!doc || doc.kind !== 'teilnehmerbescheinigung') {
    throw new AppError('not_found', `Bescheinigung ${documentId} nicht gefunden.`, 'Certificate not found.');
  }
  const stored = storedCertificate.safeParse(JSON.parse(doc.params));
  if (!stored.success) {
    throw new AppError('conflict', 'Die Bescheinigung ist nicht mehr vorhanden (anonymisiert).', 'The certificate is no longer available.');
  }
  const data = stored.data.snapshot ?? (await certificateData(db, stored.data));
  // the writer's output is deterministic (fixed dates, same font), so the bytes match the stored hash; a newer PDF
  // library might lay the same content out differently, and the content is what was handed out
  return register(files, data, await renderCertificate(data));
}

/** The participant's recorded certificates, newest first. */
export async function listCertificates(db: Db, participantId: number) {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'participant_id', 'kind', 'title', 'created_at'])
    .where('participant_id', '=', participantId)
    .where('kind', '=', 'teilnehmerbescheinigung')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, participantId: r.participant_id, kind: r.kind, title: r.title, createdAt: r.created_at }));
}
