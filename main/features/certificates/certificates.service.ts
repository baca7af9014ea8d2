import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { todayIso } from '../../../shared/domain/common.js';
import type { FileStore } from '../../api/files.js';
import type { Database } from '../../db/schema.js';
import { renderCertificate, type CertificateData } from '../../pdf/certificate.js';
import { audit } from '../audit/audit.service.js';
import { getPlacement } from '../placements/placements.service.js';

type Db = Kysely<Database>;

/** What a document row keeps: the inputs only, so the PDF is re-created from the data on demand. */
const certificateParams = z.object({
  placementId: z.number().int(),
  bilingual: z.boolean(),
  place: z.string(),
  issuedOn: z.string(),
});
type CertificateParams = z.infer<typeof certificateParams>;

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
  return {
    operator: program.operator,
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

async function writePdf(files: FileStore, data: CertificateData): Promise<{ handle: string; name: string }> {
  const bytes = await renderCertificate(data);
  const name = fileName(data);
  const file = files.tempPath(name);
  fs.writeFileSync(file, bytes);
  return { handle: files.register({ path: file, name, temporary: true }), name };
}

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
  const out = await writePdf(files, data);
  const documentId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('documents')
      .values({
        participant_id: placement.participantId,
        kind: 'teilnehmerbescheinigung',
        title: `Teilnehmerbescheinigung AGH ${placement.communeName} (${placement.startDate.slice(0, 4)})`,
        params: JSON.stringify(params),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'document', entityId: id, participantId: placement.participantId, after: params });
    return id;
  });
  return { documentId, ...out };
}

/** Re-creates a recorded certificate from its stored parameters and the current data. */
export async function recreateCertificate(db: Db, files: FileStore, documentId: number): Promise<{ handle: string; name: string }> {
  const doc = await db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  if (!doc || doc.kind !== 'teilnehmerbescheinigung') {
    throw new AppError('not_found', `Bescheinigung ${documentId} nicht gefunden.`, 'Certificate not found.');
  }
  const params = certificateParams.parse(JSON.parse(doc.params));
  return writePdf(files, await certificateData(db, params));
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
