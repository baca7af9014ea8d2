import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import {
  participantInput,
  participantListInput,
  type DuplicateMatch,
  type HistoryEntry,
  type HistoryRef,
  type Participant,
  type ParticipantData,
  type ParticipantInput,
  type ParticipantListInput,
  type ParticipantListRow,
} from '../../../shared/domain/participants.js';
import type { TitleEntry } from '../../../shared/domain/participant-model.js';
import { AppError } from '../../../shared/errors.js';
import { assertProgramsExist } from '../programs/program-refs.js';
import { residenceGroups } from '../../../shared/rules/residence-groups.js';
import { parseResidenceTitle } from '../../../shared/rules/residence-title-parser.js';
import { residenceTitle, residenceTitles } from '../../../shared/rules/residence-titles.js';
import { caseNumberKey, nameKey, searchTerm, searchText } from '../../../shared/rules/names.js';
import type { Database, ParticipantRow } from '../../db/schema.js';
import { asRefId, refKindOf, RefResolver } from '../audit/audit-refs.service.js';
import { audit } from '../audit/audit.service.js';
import { saveModel, titleHistories } from './title-history.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/**
 * The derived columns every write must keep in step with the names: duplicate keys, search text and birth
 * year. Exported so the demo seeder and the importer compute them the same way.
 */
export function derivedColumns(p: { lastName: string | null; firstName: string | null; birthDate: string | null; caseNumber: string | null }) {
  return {
    name_key: nameKey(p.lastName, p.firstName, p.birthDate),
    case_number_key: caseNumberKey(p.caseNumber),
    search_text: searchText(p.lastName, p.firstName, p.caseNumber),
    birth_year: p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
  };
}

function toRow(d: ParticipantData) {
  return {
    last_name: d.lastName,
    first_name: d.firstName,
    birth_date: d.birthDate,
    gender: d.gender,
    commune_id: d.communeId,
    arrival_in_saxony: d.arrivalInSaxony,
    german_level: d.germanLevel,
    phone: d.phone,
    email: d.email,
    case_number: d.caseNumber,
    case_manager: d.caseManager,
    referred_by: d.referredBy,
    social_worker: d.socialWorker,
    consent_date: d.consentDate,
    consent_programs: JSON.stringify(d.consentPrograms),
    consent_success_story: d.consentSuccessStory ? 1 : 0,
    consent_share_partners: d.consentSharePartners ? 1 : 0,
    consent_withdrawn_on: d.consentWithdrawnOn,
    notes: d.notes,
    asylblg_entitled: boolToInt(d.asylblgEntitled),
    employment_status: d.employmentStatus,
    isced_group: d.iscedGroup,
    qualification_recognition: d.qualificationRecognition,
    migration_background: boolToInt(d.migrationBackground),
    arrival_in_germany: d.arrivalInGermany,
    interpreter_language: d.interpreterLanguage,
    childcare_need: boolToInt(d.childcareNeed),
    ...derivedColumns(d),
  };
}

const boolToInt = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
const intToBool = (v: number | null) => (v === null ? null : v === 1);

function parseIds(json: string): number[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

function fromRow(r: ParticipantRow, communeName: string | null, titles: TitleEntry[]): Participant {
  return {
    id: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    gender: r.gender,
    nationality: r.nationality,
    communeId: r.commune_id,
    communeName,
    communeText: r.commune_id === null ? r.commune_text : null,
    residenceStatus: r.residence_status,
    arrivalInSaxony: r.arrival_in_saxony,
    germanLevel: r.german_level,
    phone: r.phone,
    email: r.email,
    caseNumber: r.case_number,
    caseManager: r.case_manager,
    referredBy: r.referred_by,
    socialWorker: r.social_worker,
    consentDate: r.consent_date,
    consentPrograms: parseIds(r.consent_programs),
    consentSuccessStory: r.consent_success_story === 1,
    consentSharePartners: r.consent_share_partners === 1,
    consentWithdrawnOn: r.consent_withdrawn_on,
    notes: r.notes,
    residenceTitleCode: r.residence_title_code,
    residenceGroup: residenceTitle(r.residence_title_code)?.group ?? null,
    residenceStatusOpen: r.residence_title_code === null && r.residence_status !== null,
    titles,
    nationalityCode: r.nationality_code,
    nationalityOpen: r.nationality_code === null && r.nationality !== null,
    asylblgEntitled: intToBool(r.asylblg_entitled),
    employmentStatus: r.employment_status,
    iscedGroup: r.isced_group,
    qualificationRecognition: r.qualification_recognition,
    migrationBackground: intToBool(r.migration_background),
    arrivalInGermany: r.arrival_in_germany,
    interpreterLanguage: r.interpreter_language,
    childcareNeed: intToBool(r.childcare_need),
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The editable part of a stored person, in the input's shape, so audit before/after compare like with like. */
function toData(p: Participant): ParticipantData {
  return {
    lastName: p.lastName ?? '',
    firstName: p.firstName ?? '',
    birthDate: p.birthDate,
    gender: p.gender,
    nationality: p.nationality,
    communeId: p.communeId,
    residenceStatus: p.residenceStatus,
    arrivalInSaxony: p.arrivalInSaxony,
    germanLevel: p.germanLevel,
    phone: p.phone,
    email: p.email,
    caseNumber: p.caseNumber,
    caseManager: p.caseManager,
    referredBy: p.referredBy,
    socialWorker: p.socialWorker,
    consentDate: p.consentDate,
    consentPrograms: p.consentPrograms,
    consentSuccessStory: p.consentSuccessStory,
    consentSharePartners: p.consentSharePartners,
    consentWithdrawnOn: p.consentWithdrawnOn,
    notes: p.notes,
    titles: p.titles.map((t) => ({ titleCode: t.titleCode, validFrom: t.validFrom, validUntil: t.validUntil })),
    asylblgEntitled: p.asylblgEntitled,
    employmentStatus: p.employmentStatus,
    iscedGroup: p.iscedGroup,
    qualificationRecognition: p.qualificationRecognition,
    migrationBackground: p.migrationBackground,
    arrivalInGermany: p.arrivalInGermany,
    interpreterLanguage: p.interpreterLanguage,
    childcareNeed: p.childcareNeed,
  };
}

/** One person by id, archived ones included; `not_found` otherwise. */
export async function getParticipant(db: Db, id: number): Promise<Participant> {
  const row = await db
    .selectFrom('participants as p')
    .leftJoin('communes as c', 'c.id', 'p.commune_id')
    .selectAll('p')
    .select('c.name as commune_name')
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `Teilnehmende/r Nr. ${id} nicht gefunden.`, `Participant ${id} not found.`);
  const titles = (await titleHistories(db, [id])).get(id) ?? [];
  return fromRow(row, row.commune_name, titles);
}

export interface DuplicateQuery {
  lastName: string | null;
  firstName: string | null;
  birthDate: string | null;
  caseNumber: string | null;
  exceptId?: number | null;
}

/** People matching the DOMAIN.md duplicate rule: same normalised name and birth date, or same case number. */
export async function findDuplicates(db: Db, q: DuplicateQuery): Promise<DuplicateMatch[]> {
  const nk = nameKey(q.lastName, q.firstName, q.birthDate);
  const ck = caseNumberKey(q.caseNumber);
  if (!nk && !ck) return [];
  let query = db
    .selectFrom('participants')
    .select(['id', 'last_name', 'first_name', 'birth_date', 'case_number', 'name_key', 'case_number_key', 'archived_at'])
    .where((eb) => {
      const ors = [];
      if (nk) ors.push(eb('name_key', '=', nk));
      if (ck) ors.push(eb('case_number_key', '=', ck));
      return eb.or(ors);
    })
    .where('anonymised_at', 'is', null);
  if (q.exceptId) query = query.where('id', '!=', q.exceptId);
  const rows = await query.orderBy('id').limit(20).execute();
  return rows.map((r) => ({
    id: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    caseNumber: r.case_number,
    by: ck && r.case_number_key === ck ? 'caseNumber' : 'name',
    archived: r.archived_at !== null,
  }));
}

async function checkWrite(db: Db, data: ParticipantData, confirmDuplicate: boolean, exceptId: number | null): Promise<void> {
  if (data.communeId !== null) {
    const c = await db.selectFrom('communes').select('id').where('id', '=', data.communeId).executeTakeFirst();
    if (!c) {
      throw new AppError('validation', 'Die gewählte Kommune gibt es nicht.', 'Unknown commune.', {
        fields: [{ path: 'communeId', message: 'Unbekannte Kommune' }],
      });
    }
  }
  await assertProgramsExist(db, data.consentPrograms, 'consentPrograms');
  const matches = await findDuplicates(db, { ...data, exceptId });
  // A case number identifies one person only (unique index): no confirmation can override it.
  const byCase = matches.filter((m) => m.by === 'caseNumber');
  if (byCase.length > 0) {
    throw new AppError(
      'conflict',
      'Diese Fallnummer ist bereits einer anderen Person zugeordnet.',
      'Case number already in use.',
      { fields: [{ path: 'caseNumber', message: 'Fallnummer bereits vergeben' }], matches: byCase },
    );
  }
  if (matches.length > 0 && !confirmDuplicate) {
    throw new AppError(
      'duplicate',
      'Diese Person ist vermutlich schon erfasst (gleicher Name und gleiches Geburtsdatum).',
      'Probably already registered (same name and birth date).',
      { matches },
    );
  }
}

/** Creates a person after the commune, case number and duplicate checks, with an audit entry. */
export async function createParticipant(db: Db, input: ParticipantInput, opts: { confirmDuplicate?: boolean } = {}): Promise<Participant> {
  const data = participantInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    await checkWrite(trx, data, opts.confirmDuplicate ?? false, null);
    const { id } = await trx.insertInto('participants').values(toRow(data)).returning('id').executeTakeFirstOrThrow();
    await saveModel(trx, id, data);
    await audit(trx, {
      action: 'create',
      entity: 'participant',
      entityId: id,
      participantId: id,
      after: toData(await getParticipant(trx, id)),
      details: opts.confirmDuplicate ? 'trotz möglicher Dublette gespeichert' : null,
    });
    return id;
  });
  return getParticipant(db, id);
}

/** Replaces a person's fields with the same checks as create (the person themself is no duplicate). */
/**
 * No lost updates: a save that names the version it started from is refused while someone else saved in between
 * (a colleague in team mode, another window). The check and the write are one statement, so two saves of the same
 * version cannot both pass. The message names who changed the person and when, from the Protokoll.
 */
async function refuseNewerVersion(trx: Db, id: number, expected: string): Promise<never> {
  const last = await trx
    .selectFrom('audit_log')
    .select(['actor', 'at'])
    .where('entity', '=', 'participant')
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const who = last?.actor || 'jemand anderes';
  const when = last ? new Date(last.at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) : '';
  throw new AppError(
    'conflict',
    `Diese Person wurde inzwischen von ${who}${when ? ` (${when})` : ''} geändert. Bitte neu laden und die eigenen Änderungen erneut eintragen.`,
    `This person was changed meanwhile by ${who}. Reload and apply your changes again.`,
    { changedBy: last?.actor ?? null, changedAt: last?.at ?? null, expected },
  );
}

export async function updateParticipant(
  db: Db,
  id: number,
  input: ParticipantInput,
  opts: { confirmDuplicate?: boolean; expectedUpdatedAt?: string } = {},
): Promise<Participant> {
  const data = participantInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getParticipant(trx, id);
    await checkWrite(trx, data, opts.confirmDuplicate ?? false, id);
    let update = trx
      .updateTable('participants')
      .set({ ...toRow(data), updated_at: nowIso() })
      .where('id', '=', id);
    if (opts.expectedUpdatedAt !== undefined) update = update.where('updated_at', '=', opts.expectedUpdatedAt);
    const res = await update.executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) await refuseNewerVersion(trx, id, opts.expectedUpdatedAt ?? '');
    await saveModel(trx, id, data);
    // the stored state, not the input: titles and nationality are normalised by saveModel
    const after = toData(await getParticipant(trx, id));
    await audit(trx, { action: 'update', entity: 'participant', entityId: id, participantId: id, before: toData(before), after });
  });
  return getParticipant(db, id);
}

/** Archives or restores a person (hidden from the list, kept for reports). */
export async function archiveParticipant(db: Db, id: number, archived: boolean): Promise<Participant> {
  await db.transaction().execute(async (trx) => {
    const before = await getParticipant(trx, id);
    if (before.archived === archived) return;
    await trx
      .updateTable('participants')
      .set({ archived_at: archived ? nowIso() : null, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      action: archived ? 'archive' : 'unarchive',
      entity: 'participant',
      entityId: id,
      participantId: id,
      before: { archived: before.archived },
      after: { archived },
    });
  });
  return getParticipant(db, id);
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The list's filters (everything of its input but sort and paging). */
export type ParticipantFilter = Pick<
  z.output<typeof participantListInput>,
  'search' | 'communeId' | 'programId' | 'enrollmentStatus' | 'residenceStatus' | 'includeArchived'
>;

/**
 * The registry's people for a filter, as a query over `participants as p`. The list and the named participant
 * list export (reports) both start here, so an export holds exactly the people the list shows. Every word of the
 * search must occur in the accent-free search text (names, case number).
 */
export function participantsMatching(db: Db, q: ParticipantFilter) {
  // no join here: filters and the default order stay on participants and its indexes
  let base = db.selectFrom('participants as p');
  if (!q.includeArchived) base = base.where('p.archived_at', 'is', null);
  for (const word of searchTerm(q.search).split(' ').filter(Boolean)) {
    base = base.where(sql<boolean>`p.search_text LIKE ${likeContains(word)} ESCAPE '\\'`);
  }
  if (q.communeId !== null) base = base.where('p.commune_id', '=', q.communeId);
  if (q.residenceStatus !== null) base = whereResidence(base, q.residenceStatus);
  if (q.programId !== null || q.enrollmentStatus !== null) {
    const { programId, enrollmentStatus } = q;
    base = base.where(({ exists, selectFrom }) => {
      let sub = selectFrom('enrollments as e').select('e.id').whereRef('e.participant_id', '=', 'p.id');
      if (programId !== null) sub = sub.where('e.program_id', '=', programId);
      if (enrollmentStatus !== null) sub = sub.where('e.status', '=', enrollmentStatus);
      return exists(sub);
    });
  }
  return base;
}

/**
 * The residence filter: a group code (all its titles), a title code or a text the catalogue maps (that title),
 * otherwise the stored text as it is (old values waiting for a decision).
 */
function whereResidence<Q extends SelectQueryBuilder<MatchingDb, 'p', object>>(base: Q, value: string): Q {
  const group = (residenceGroups as readonly string[]).includes(value) ? value : null;
  const codes = group ? residenceTitles.filter((t) => t.group === group).map((t) => t.code) : [parseResidenceTitle(value)].filter((c) => c !== null);
  if (codes.length > 0) return base.where('p.residence_title_code', 'in', codes) as Q;
  return base.where('p.residence_status', '=', value) as Q;
}

type MatchingDb = ReturnType<typeof participantsMatching> extends SelectQueryBuilder<infer D, infer _T, infer _O> ? D : never;

/** The registry's order (with the id as tie-break), for the list's pages and the export alike. */
export function orderParticipants<O>(
  query: SelectQueryBuilder<MatchingDb, 'p', O>,
  q: Pick<z.output<typeof participantListInput>, 'sort' | 'direction' | 'search'>,
): SelectQueryBuilder<MatchingDb, 'p', O> {
  let page = query;
  const dir = q.direction;
  switch (q.sort) {
    case 'name':
      // plain columns, so the planner can walk the covering name index (which holds the search text) in order
      page = page.orderBy('p.last_name', dir).orderBy('p.first_name', dir);
      break;
    case 'birthDate':
      page = page.orderBy('p.birth_date', dir);
      break;
    case 'commune':
      page = page.orderBy(sql`(SELECT c.name FROM communes c WHERE c.id = p.commune_id)`, dir);
      break;
    case 'caseNumber':
      page = page.orderBy('p.case_number', dir);
      break;
    case 'createdAt':
      page = page.orderBy('p.created_at', dir);
      break;
    case 'updatedAt':
      page = page.orderBy('p.updated_at', dir);
      break;
  }
  // a stable tie-break keeps pages from overlapping while the user scrolls
  return page.orderBy('p.id', dir);
}

/**
 * One page of the registry. Search, filters, sort and paging all run in SQL so 100,000 people stay fast.
 */
export async function listParticipants(db: Db, input: ParticipantListInput = {}): Promise<{ total: number; rows: ParticipantListRow[] }> {
  const q = participantListInput.parse(input);
  const base = participantsMatching(db, q);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // First the ids of the page (index-only for the default order), then the rows of just those ids: paging deep
  // into 100,000 people then skips index entries instead of whole joined rows.
  const page = orderParticipants(base.select('p.id'), q);
  const ids = (await page.limit(q.limit).offset(q.offset).execute()).map((r) => r.id);
  const found =
    ids.length === 0
      ? []
      : await db
          .selectFrom('participants as p')
          .leftJoin('communes as c', 'c.id', 'p.commune_id')
          .select([
            'p.id',
            'p.last_name',
            'p.first_name',
            'p.birth_date',
            'p.gender',
            'p.nationality',
            'c.name as commune_name',
            'p.residence_status',
            'p.residence_title_code',
            'p.nationality_code',
            'p.german_level',
            'p.case_number',
            'p.case_manager',
            'p.archived_at',
          ])
          .where('p.id', 'in', ids)
          .execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id,
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      gender: r.gender,
      nationality: r.nationality,
      communeName: r.commune_name,
      residenceStatus: r.residence_status,
      residenceGroup: residenceTitle(r.residence_title_code)?.group ?? null,
      nationalityCode: r.nationality_code,
      germanLevel: r.german_level,
      caseNumber: r.case_number,
      caseManager: r.case_manager,
      archived: r.archived_at !== null,
    })),
  };
}

function parseSnapshot(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const v: unknown = JSON.parse(json);
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * The Verlauf of one person: their audit entries (person, enrollments, placements ...), newest first, with changed
 * fields. Ids in the snapshots (program, commune, organisation ...) and the record an entry concerns are resolved
 * to names here, at read time, because the audit rows are append-only.
 */
export async function participantHistory(db: Db, id: number, limit = 200): Promise<HistoryEntry[]> {
  await getParticipant(db, id);
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'details', 'redacted'])
    .where('participant_id', '=', id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const refs = new RefResolver();
  const entityIds = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entity_id !== null).map((r) => r.entity_id!))];
  const enrollmentIds = entityIds('enrollment');
  const placementIds = entityIds('placement');
  const enrollments = new Map(
    enrollmentIds.length === 0
      ? []
      : (await db.selectFrom('enrollments').select(['id', 'program_id']).where('id', 'in', enrollmentIds).execute()).map((e) => [e.id, e]),
  );
  const placements = new Map(
    placementIds.length === 0
      ? []
      : (await db.selectFrom('placements').select(['id', 'program_id', 'commune_id']).where('id', 'in', placementIds).execute()).map((p) => [p.id, p]),
  );

  const parsed = rows.map((r) => {
    const before = parseSnapshot(r.before);
    const after = parseSnapshot(r.after);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = keys
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .map((k) => ({ field: k, before: before[k] ?? null, after: after[k] ?? null }));
    for (const c of changes) {
      const kind = refKindOf(c.field);
      if (kind) {
        refs.want(kind, asRefId(c.before));
        refs.want(kind, asRefId(c.after));
      }
    }
    // what the entry concerns: the snapshot's own ids first (they survive a deleted row), else the row itself
    const context: { kind: HistoryRef['kind']; id: number }[] = [];
    const snapshotId = (field: string) => asRefId(after[field]) ?? asRefId(before[field]);
    const entityId = r.entity_id;
    if (r.entity === 'enrollment' || r.entity === 'placement' || r.entity === 'outcome' || r.entity === 'application') {
      const row = entityId === null ? undefined : r.entity === 'enrollment' ? enrollments.get(entityId) : placements.get(entityId);
      const programId = snapshotId('programId') ?? (r.entity === 'enrollment' || r.entity === 'placement' ? (row?.program_id ?? null) : null);
      if (programId !== null) context.push({ kind: 'program', id: programId });
      if (r.entity === 'placement') {
        const communeId = snapshotId('communeId') ?? (entityId === null ? null : (placements.get(entityId)?.commune_id ?? null));
        if (communeId !== null) context.push({ kind: 'commune', id: communeId });
      }
    } else if ((r.entity === 'fair' || r.entity === 'activity') && entityId !== null) {
      context.push({ kind: r.entity, id: entityId });
    }
    for (const c of context) refs.want(c.kind, c.id);
    return { r, changes, context };
  });
  await refs.load(db);

  return parsed.map(({ r, changes, context }) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.details,
    redacted: r.redacted === 1,
    changes: changes.map((c) => {
      const kind = refKindOf(c.field);
      const beforeId = kind ? asRefId(c.before) : null;
      const afterId = kind ? asRefId(c.after) : null;
      return {
        ...c,
        ...(kind && beforeId !== null ? { beforeRef: refs.ref(kind, beforeId) } : {}),
        ...(kind && afterId !== null ? { afterRef: refs.ref(kind, afterId) } : {}),
      };
    }),
    context: context.map((c) => refs.ref(c.kind, c.id)),
  }));
}
