import type { Kysely } from 'kysely';
import { entryCorrectionInput, type Enrollment, type EntryCorrectionInput } from '../../../shared/domain/enrollments.js';
import { AppError } from '../../../shared/errors.js';
import { parseNationality } from '../../../shared/rules/countries.js';
import { residenceGroupOf } from '../../../shared/rules/residence-groups.js';
import { parseResidenceTitle } from '../../../shared/rules/residence-title-parser.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { getEnrollment } from './enrollments.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/**
 * Corrects an entry snapshot (e.g. the commune was recorded wrongly at entry). Only the fields given change;
 * the reason is stored with the snapshot and the before/after pair goes to the audit log ('correct_entry').
 * Reports of earlier periods change with it, which is why a reason is required.
 */
export async function correctEntry(db: Db, input: EntryCorrectionInput): Promise<Enrollment> {
  const data = entryCorrectionInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getEnrollment(trx, data.id);
    if (before.entry === null) {
      throw new AppError(
        'conflict',
        'Die Teilnahme hat noch keinen Beginn; Merkmale bei Eintritt werden mit dem Beginn erfasst.',
        'The enrollment has not started; there is no entry snapshot to correct.',
      );
    }
    if (data.communeId !== undefined && data.communeId !== null) await assertCommune(trx, data.communeId);
    await trx.updateTable('enrollments').set(changes(data)).where('id', '=', data.id).execute();
    const after = await getEnrollment(trx, data.id);
    await audit(trx, {
      action: 'correct_entry',
      entity: 'enrollment',
      entityId: data.id,
      participantId: before.participantId,
      before: before.entry,
      after: after.entry,
      details: data.reason,
    });
  });
  return getEnrollment(db, data.id);
}

type Correction = ReturnType<typeof entryCorrectionInput.parse>;

/** Columns to write: only fields present in the input; the residence group follows a corrected status. */
function changes(data: Correction) {
  const set: Partial<Record<string, string | number | null>> = {
    entry_corrected_reason: data.reason,
    updated_at: nowIso(),
  };
  if (data.birthYear !== undefined) set.entry_birth_year = data.birthYear;
  if (data.gender !== undefined) set.entry_gender = data.gender;
  if (data.communeId !== undefined) set.entry_commune_id = data.communeId;
  if (data.nationality !== undefined) {
    // a recognised nationality is stored as its code and German name, as on the person; else the text, code open
    const text = emptyToNull(data.nationality);
    const found = parseNationality(text);
    set.entry_nationality = found?.name ?? text;
    set.entry_nationality_code = found?.code ?? null;
  }
  if (data.germanLevel !== undefined) set.entry_german_level = data.germanLevel;
  if (data.employmentStatus !== undefined) set.entry_employment_status = data.employmentStatus;
  if (data.iscedGroup !== undefined) set.entry_isced_group = data.iscedGroup;
  if (data.qualificationRecognition !== undefined) set.entry_qualification_recognition = data.qualificationRecognition;
  if (data.migrationBackground !== undefined) set.entry_migration_background = flag(data.migrationBackground);
  if (data.arrivalInGermany !== undefined) set.entry_arrival_in_germany = data.arrivalInGermany;
  if (data.interpreterLanguage !== undefined) set.entry_interpreter_language = emptyToNull(data.interpreterLanguage);
  if (data.childcareNeed !== undefined) set.entry_childcare_need = flag(data.childcareNeed);
  if (data.residenceStatus !== undefined) {
    const status = emptyToNull(data.residenceStatus);
    set.entry_residence_status = status;
    set.entry_residence_group = residenceGroupOf(status) || null;
    set.entry_title_code = parseResidenceTitle(status);
  }
  return set;
}

const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
const emptyToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());

async function assertCommune(db: Db, communeId: number): Promise<void> {
  const found = await db.selectFrom('communes').select('id').where('id', '=', communeId).executeTakeFirst();
  if (!found) {
    throw new AppError('validation', `Unbekannte Kommune (Nr. ${communeId}).`, 'Unknown commune.', {
      fields: [{ path: 'communeId', message: 'Unbekannte Kommune' }],
    });
  }
}
