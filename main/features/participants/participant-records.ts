import type { Kysely } from 'kysely';
import type { CanonicalParticipant } from '../../../shared/domain/imports.js';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import type { Database } from '../../db/schema.js';
import { canonicalParticipants } from '../imports/imports.service.js';

/** A canonical record as `lotse participants --json` prints it: with the catalogue codes of issue 14. */
export type ParticipantRecord = CanonicalParticipant & {
  /** group code of DOMAIN.md "Residence titles"; "" when no title is recorded (or an old value waits for a decision) */
  residenceGroup: string;
  /** ISO 3166-1 alpha-2 (XS staatenlos, XX ungeklärt); "" when the nationality names no country */
  nationalityCode: string;
};

/** Every participant as a canonical record plus residence group and nationality code, in id order. */
export async function participantRecords(db: Kysely<Database>): Promise<ParticipantRecord[]> {
  const records = await canonicalParticipants(db);
  // the canonical records come in id order; the codes are read in the same order
  const codes = await db.selectFrom('participants').select(['residence_title_code', 'nationality_code']).orderBy('id').execute();
  return records.map((r, i) => ({
    ...r,
    residenceGroup: residenceTitle(codes[i]?.residence_title_code)?.group ?? '',
    nationalityCode: codes[i]?.nationality_code ?? '',
  }));
}
