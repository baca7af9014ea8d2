import { sql, type Kysely, type Selectable } from 'kysely';
import {
  consentInput,
  consentState,
  consentWarningDays,
  programPrivacyInput,
  retentionEndsOn,
  type Consent,
  type ConsentInput,
  type ConsentReviewItem,
  type ProgramPrivacy,
  type ProgramPrivacyInput,
} from '../../../shared/domain/privacy.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { assertProgramsExist } from '../programs/program-refs.js';
import { addDays, nowIso, todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

function parseJsonArray(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

type ProgramRow = Pick<
  Selectable<Database['programs']>,
  'id' | 'name' | 'end_date' | 'legal_basis_fields' | 'sensitive_fields' | 'sensitive_reason' | 'final_report_submitted_on' | 'retention_years'
>;

function toProgramPrivacy(r: ProgramRow): ProgramPrivacy {
  return {
    programId: r.id,
    programName: r.name,
    legalBasisFields: parseJsonArray(r.legal_basis_fields),
    sensitiveFields: parseJsonArray(r.sensitive_fields),
    sensitiveReason: r.sensitive_reason,
    retentionYears: r.retention_years,
    finalReportSubmittedOn: r.final_report_submitted_on,
    endDate: r.end_date,
    retentionEndsOn: retentionEndsOn({
      finalReportSubmittedOn: r.final_report_submitted_on,
      endDate: r.end_date,
      retentionYears: r.retention_years,
    }),
  };
}

const programCols = [
  'id',
  'name',
  'end_date',
  'legal_basis_fields',
  'sensitive_fields',
  'sensitive_reason',
  'final_report_submitted_on',
  'retention_years',
] as const;

/** Data protection settings of every program (legal basis, Art. 9 fields, retention). */
export async function listProgramPrivacy(db: Db): Promise<ProgramPrivacy[]> {
  const rows = await db.selectFrom('programs').select(programCols).orderBy('name').execute();
  return rows.map(toProgramPrivacy);
}

export async function getProgramPrivacy(db: Db, programId: number): Promise<ProgramPrivacy> {
  const row = await db.selectFrom('programs').select(programCols).where('id', '=', programId).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Programm ${programId} nicht gefunden.`, `Program ${programId} not found.`);
  return toProgramPrivacy(row);
}

/** Saves a program's legal-basis fields, Art. 9 fields (reason required), retention and final report date. */
export async function updateProgramPrivacy(db: Db, programId: number, input: ProgramPrivacyInput): Promise<ProgramPrivacy> {
  const data = programPrivacyInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getProgramPrivacy(trx, programId);
    await trx
      .updateTable('programs')
      .set({
        legal_basis_fields: JSON.stringify(data.legalBasisFields),
        sensitive_fields: JSON.stringify(data.sensitiveFields),
        sensitive_reason: data.sensitiveReason,
        retention_years: data.retentionYears,
        final_report_submitted_on: data.finalReportSubmittedOn,
        updated_at: nowIso(),
      })
      .where('id', '=', programId)
      .execute();
    await audit(trx, { action: 'update_privacy', entity: 'program', entityId: programId, before, after: data });
  });
  return getProgramPrivacy(db, programId);
}

const consentCols = [
  'id',
  'consent_date',
  'consent_programs',
  'consent_success_story',
  'consent_share_partners',
  'consent_expires_on',
  'consent_withdrawn_on',
  'anonymised_at',
] as const;

type ConsentRow = Pick<Selectable<Database['participants']>, (typeof consentCols)[number]>;

function toConsent(r: ConsentRow, today: string): Consent {
  const c = {
    consentDate: r.consent_date,
    consentPrograms: (() => {
      try {
        const v: unknown = JSON.parse(r.consent_programs);
        return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
      } catch {
        return [];
      }
    })(),
    consentSuccessStory: r.consent_success_story === 1,
    consentSharePartners: r.consent_share_partners === 1,
    consentExpiresOn: r.consent_expires_on,
    consentWithdrawnOn: r.consent_withdrawn_on,
  };
  return { participantId: r.id, ...c, state: consentState(c, today), anonymised: r.anonymised_at !== null };
}

/** A person's consent and its state on `today`. */
export async function getConsent(db: Db, participantId: number, today = todayIso()): Promise<Consent> {
  const row = await db.selectFrom('participants').select(consentCols).where('id', '=', participantId).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Teilnehmende Nr. ${participantId} nicht gefunden.`, 'Participant not found.');
  return toConsent(row, today);
}

/** Records a (new) consent; an earlier withdrawal is cleared, because the person consented again. */
export async function recordConsent(db: Db, input: ConsentInput): Promise<Consent> {
  const data = consentInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getConsent(trx, data.participantId);
    await assertProgramsExist(trx, data.consentPrograms, 'consentPrograms');
    await trx
      .updateTable('participants')
      .set({
        consent_date: data.consentDate,
        consent_programs: JSON.stringify(data.consentPrograms),
        consent_success_story: data.consentSuccessStory ? 1 : 0,
        consent_share_partners: data.consentSharePartners ? 1 : 0,
        consent_expires_on: data.consentExpiresOn,
        consent_withdrawn_on: null,
        updated_at: nowIso(),
      })
      .where('id', '=', data.participantId)
      .execute();
    const { participantId: _p, state: _s, anonymised: _a, ...beforeFields } = before;
    await audit(trx, {
      action: 'consent_recorded',
      entity: 'participant',
      entityId: data.participantId,
      participantId: data.participantId,
      before: beforeFields,
      after: data,
    });
  });
  return getConsent(db, data.participantId);
}

/**
 * Withdrawal (Widerruf): stores the date and clears the success-story and partner-sharing flags, so a report that
 * checks `consent_success_story = 1` alone already leaves the person's stories out; `consent_withdrawn_on` tells
 * when and that it was a withdrawal. The consent date stays as evidence of the earlier lawful processing.
 */
export async function withdrawConsent(db: Db, participantId: number, date: string): Promise<Consent> {
  await db.transaction().execute(async (trx) => {
    const before = await getConsent(trx, participantId);
    if (before.consentDate !== null && date < before.consentDate) {
      throw new AppError('validation', 'Der Widerruf liegt vor der Einwilligung.', 'The withdrawal is before the consent.', {
        fields: [{ path: 'date', message: 'Der Widerruf liegt vor der Einwilligung' }],
      });
    }
    await trx
      .updateTable('participants')
      .set({ consent_withdrawn_on: date, consent_success_story: 0, consent_share_partners: 0, updated_at: nowIso() })
      .where('id', '=', participantId)
      .execute();
    await audit(trx, {
      action: 'consent_withdrawn',
      entity: 'participant',
      entityId: participantId,
      participantId,
      before: { consentSuccessStory: before.consentSuccessStory, consentSharePartners: before.consentSharePartners },
      after: { consentWithdrawnOn: date },
    });
  });
  return getConsent(db, participantId);
}

/** "Einwilligungen prüfen": withdrawn first, then expired, expiring, missing; anonymised and archived people skipped. */
export async function consentReview(db: Db, limit = 500, today = todayIso()): Promise<{ total: number; items: ConsentReviewItem[] }> {
  const soon = addDays(today, consentWarningDays);
  const base = db
    .selectFrom('participants')
    .where('anonymised_at', 'is', null)
    .where('archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('consent_date', 'is', null),
        eb('consent_withdrawn_on', 'is not', null),
        eb('consent_expires_on', '<=', soon),
      ]),
    );
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rank = sql<number>`CASE
      WHEN consent_withdrawn_on IS NOT NULL THEN 0
      WHEN consent_date IS NULL THEN 3
      WHEN consent_expires_on < ${today} THEN 1
      ELSE 2 END`;
  const rows = await base
    .select(['id', 'last_name', 'first_name', 'consent_date', 'consent_expires_on', 'consent_withdrawn_on'])
    .orderBy(rank)
    .orderBy('consent_expires_on')
    .orderBy('last_name')
    .orderBy('id')
    .limit(limit)
    .execute();
  const items = rows.map((r): ConsentReviewItem => {
    const state = consentState(
      { consentDate: r.consent_date, consentExpiresOn: r.consent_expires_on, consentWithdrawnOn: r.consent_withdrawn_on },
      today,
    );
    const shown = state === 'valid' ? 'withdrawn' : state; // a withdrawal dated in the future still needs a look
    return {
      participantId: r.id,
      lastName: r.last_name,
      firstName: r.first_name,
      state: shown,
      date: shown === 'withdrawn' ? r.consent_withdrawn_on : shown === 'missing' ? null : r.consent_expires_on,
    };
  });
  return { total: Number(n), items };
}
