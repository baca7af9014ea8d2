import type { Kysely } from 'kysely';
import { aghRules, aghSettings, mittelsachsenRules, type AghRules, type AghSettings, type AghSettingsInput } from '../../../shared/domain/agh.js';
import { AppError } from '../../../shared/errors.js';
import type { Finding } from '../../../shared/rules/agh-rules.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/**
 * The stored rules over Mittelsachsen's: a rule a later Lotse adds gets its default while the program's own stay;
 * what no longer parses falls back to Mittelsachsen's as a whole.
 */
function parseRules(json: string | undefined): AghRules {
  if (json === undefined) return mittelsachsenRules;
  try {
    const stored: unknown = JSON.parse(json);
    const r = aghRules.safeParse(typeof stored === 'object' && stored !== null ? { ...mittelsachsenRules, ...stored } : stored);
    return r.success ? r.data : mittelsachsenRules;
  } catch {
    return mittelsachsenRules;
  }
}

async function assertProgram(db: Db, programId: number): Promise<void> {
  const p = await db.selectFrom('programs').select('id').where('id', '=', programId).executeTakeFirst();
  if (!p) throw new AppError('not_found', `Programm ${programId} nicht gefunden.`, `Program ${programId} not found.`);
}

/** A program's AGH settings; a program never edited gets Mittelsachsen's rules and an empty letterhead. */
export async function getAghSettings(db: Db, programId: number): Promise<AghSettings> {
  await assertProgram(db, programId);
  const row = await db.selectFrom('agh_program_settings').selectAll().where('program_id', '=', programId).executeTakeFirst();
  return {
    programId,
    rules: parseRules(row?.rules),
    operatorAddress: row?.operator_address ?? null,
    fileReference: row?.file_reference ?? null,
    certificateNamesLegalBasis: row?.certificate_names_legal_basis === 1,
  };
}

/** Only the rules, for the checks in placements and hours. */
export async function rulesOf(db: Db, programId: number): Promise<AghRules> {
  const row = await db.selectFrom('agh_program_settings').select('rules').where('program_id', '=', programId).executeTakeFirst();
  return parseRules(row?.rules);
}

/** Saves the program's AGH settings (audited: who changed a limit matters when a placement was refused). */
export async function saveAghSettings(db: Db, input: AghSettingsInput): Promise<AghSettings> {
  const data = aghSettings.parse(input);
  const before = await getAghSettings(db, data.programId);
  const values = {
    rules: JSON.stringify(data.rules),
    operator_address: data.operatorAddress,
    file_reference: data.fileReference,
    certificate_names_legal_basis: data.certificateNamesLegalBasis ? 1 : 0,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agh_program_settings')
      .values({ program_id: data.programId, ...values })
      .onConflict((oc) => oc.column('program_id').doUpdateSet({ ...values, updated_at: nowIso() }))
      .execute();
    await audit(trx, { action: 'update', entity: 'agh_settings', entityId: data.programId, before, after: data });
  });
  return getAghSettings(db, data.programId);
}

/** Refuses when any finding is a hard limit: German and English message, one field message per finding. */
export function refuseHardLimits(findings: Finding[], fieldPath?: (f: Finding) => string): void {
  const hard = findings.filter((f) => f.level === 'grenze');
  if (hard.length === 0) return;
  const more = hard.length > 1 ? ` (und ${hard.length - 1} weitere)` : '';
  throw new AppError('validation', `Programmregel: ${hard[0]!.message}${more}`, `Program rule: ${hard[0]!.messageEn}`, {
    fields: hard.map((f) => ({ path: fieldPath ? fieldPath(f) : f.path, message: f.message, messageEn: f.messageEn })),
  });
}
