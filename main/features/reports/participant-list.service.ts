import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import {
  defaultParticipantListColumns,
  participantListColumns,
  participantListExportInput,
  participantListFilter,
  type ParticipantListColumn,
  type ParticipantListExportInput,
  type ParticipantListFilter,
} from '../../../shared/contract/reports.contract.js';
import { consentState, type ConsentState } from '../../../shared/domain/privacy.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import {
  participantListColumnSpecs,
  participantListFileName,
  writeParticipantList,
  type ParticipantListData,
} from '../../excel/export/participant-list.js';
import type { RowValues } from '../../excel/export/workbook.js';
import { recordAccess } from '../audit/audit.service.js';
import { orderParticipants, participantsMatching } from '../participants/participants.service.js';
import { getSetting, setSetting } from '../settings/settings.service.js';
import { todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;
type Filter = z.output<typeof participantListFilter>;

const COLUMNS_KEY = 'reports.participantListColumns';

const genderLabels = { w: 'weiblich', m: 'männlich', d: 'divers' } as const;
const consentLabels: Record<ConsentState, string> = {
  valid: 'erteilt',
  expiring: 'erteilt, läuft bald ab',
  expired: 'abgelaufen',
  withdrawn: 'widerrufen',
  missing: 'fehlt',
};

/**
 * How many people a named list for this filter holds, and how many match but are anonymised (left out: a named
 * list of people without names would only mislead). One query over the list's own filter.
 */
export async function participantListCount(db: Db, input: ParticipantListFilter = {}): Promise<{ count: number; anonymised: number }> {
  const filter = participantListFilter.parse(input);
  const r = await participantsMatching(db, filter)
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('p.anonymised_at').as('anonymised')])
    .executeTakeFirstOrThrow();
  return { count: Number(r.all) - Number(r.anonymised), anonymised: Number(r.anonymised) };
}

/** The columns last chosen; the default set when none were saved or the saved ones are unreadable. */
export async function getParticipantListColumns(db: Db): Promise<ParticipantListColumn[]> {
  const stored = z.array(z.enum(participantListColumns)).min(1).safeParse(await getSetting<unknown>(db, COLUMNS_KEY, null));
  return stored.success ? stored.data : [...defaultParticipantListColumns];
}

/** Remembers the chosen columns (a preference, not a change of data: no audit entry). */
export async function saveParticipantListColumns(db: Db, columns: ParticipantListColumn[]): Promise<ParticipantListColumn[]> {
  await setSetting(db, COLUMNS_KEY, columns);
  return getParticipantListColumns(db);
}

/** The filter in words for the workbook, with names of program and commune; unknown ids are a clear error. */
async function describeFilter(db: Db, f: Filter, opts: { withSearchText: boolean }): Promise<{ text: string; programName: string | null }> {
  const parts: string[] = [];
  let programName: string | null = null;
  if (f.programId !== null) {
    const p = await db.selectFrom('programs').select('name').where('id', '=', f.programId).executeTakeFirst();
    if (!p) throw new AppError('not_found', `Programm ${f.programId} nicht gefunden.`, `Program ${f.programId} not found.`);
    programName = p.name;
    parts.push(`Programm: ${p.name}`);
  }
  if (f.enrollmentStatus !== null) parts.push(`Programmstatus: ${f.enrollmentStatus}`);
  if (f.communeId !== null) {
    const c = await db.selectFrom('communes').select('name').where('id', '=', f.communeId).executeTakeFirst();
    if (!c) throw new AppError('not_found', `Kommune ${f.communeId} nicht gefunden.`, `Commune ${f.communeId} not found.`);
    parts.push(`Kommune: ${c.name}`);
  }
  if (f.residenceStatus !== null) parts.push(`Aufenthaltsstatus: ${f.residenceStatus}`);
  // a search term is often a name: it may stand in the list itself, never in the Protokoll
  if (f.search.trim() !== '') parts.push(opts.withSearchText ? `Suche: „${f.search.trim()}“` : 'Suche (Suchtext nicht protokolliert)');
  parts.push(f.includeArchived ? 'mit archivierten' : 'ohne archivierte');
  return { text: parts.join(' · '), programName };
}

/**
 * The rows of a named participant list: the people of the Teilnehmende list for this filter, in its order, not
 * anonymised, with the chosen columns. Program columns come from the person's latest enrollment in the filtered
 * program (with the filtered status, if one is set), so the row agrees with why the person is on the list.
 */
export async function participantListData(db: Db, input: ParticipantListExportInput, created: Date): Promise<ParticipantListData> {
  const { filter, columns } = participantListExportInput.parse(input);
  const { text, programName } = await describeFilter(db, filter, { withSearchText: true });
  const { programId, enrollmentStatus } = filter;
  const found = await orderParticipants(participantsMatching(db, filter), filter)
    .where('p.anonymised_at', 'is', null)
    .leftJoin('communes as c', 'c.id', 'p.commune_id')
    .select([
      'p.last_name',
      'p.first_name',
      'p.birth_date',
      'p.gender',
      'p.nationality',
      'p.residence_status',
      'p.arrival_in_saxony',
      'p.german_level',
      'p.phone',
      'p.email',
      'p.case_number',
      'p.case_manager',
      'p.social_worker',
      'p.consent_date',
      'p.consent_expires_on',
      'p.consent_withdrawn_on',
      // imported people may carry the commune only as text
      sql<string | null>`coalesce(c.name, p.commune_text)`.as('commune'),
    ])
    .$if(programId !== null, (qb) =>
      qb.select((eb) => {
        const latest = <C extends 'status' | 'start_date' | 'end_date'>(column: C) => {
          let sub = eb
            .selectFrom('enrollments as e')
            .select(`e.${column}`)
            .whereRef('e.participant_id', '=', 'p.id')
            .where('e.program_id', '=', programId!);
          if (enrollmentStatus !== null) sub = sub.where('e.status', '=', enrollmentStatus);
          return sub.orderBy(sql`coalesce(e.start_date, '')`, 'desc').orderBy('e.id', 'desc').limit(1);
        };
        return [latest('status').as('program_status'), latest('start_date').as('entry_date'), latest('end_date').as('exit_date')];
      }),
    )
    .execute();
  const today = todayIso(created);
  type Found = (typeof found)[number];
  const value: Record<ParticipantListColumn, (r: Found) => string | null> = {
    lastName: (r) => r.last_name,
    firstName: (r) => r.first_name,
    birthDate: (r) => r.birth_date,
    gender: (r) => (r.gender ? genderLabels[r.gender] : null),
    nationality: (r) => r.nationality,
    commune: (r) => r.commune,
    residenceStatus: (r) => r.residence_status,
    arrivalInSaxony: (r) => r.arrival_in_saxony,
    germanLevel: (r) => r.german_level,
    phone: (r) => r.phone,
    email: (r) => r.email,
    caseNumber: (r) => r.case_number,
    caseManager: (r) => r.case_manager,
    socialWorker: (r) => r.social_worker,
    consent: (r) =>
      consentLabels[consentState({ consentDate: r.consent_date, consentExpiresOn: r.consent_expires_on, consentWithdrawnOn: r.consent_withdrawn_on }, today)],
    consentDate: (r) => r.consent_date,
    programStatus: (r) => r.program_status ?? null,
    entryDate: (r) => r.entry_date ?? null,
    exitDate: (r) => r.exit_date ?? null,
  };
  // only the chosen columns per row: a list over the whole registry holds 100,000 of them
  const rows = found.map((r) => Object.fromEntries(columns.map((c) => [c, value[c](r)])) as RowValues<ParticipantListColumn>);
  return { columns, rows, filter: text, programName, created };
}

/**
 * Writes the named participant list to `file` and records the access (who, when, columns, filter, how many
 * people; no names, no search text). The entry is written before the file: an access recorded for a file that
 * then failed to write is harmless, a named list that left the database unrecorded is not.
 */
export async function exportParticipantList(
  reader: Db,
  writer: Db,
  input: ParticipantListExportInput,
  file: string,
  opts: { created?: Date } = {},
): Promise<{ name: string; count: number }> {
  const created = opts.created ?? new Date();
  const data = await participantListData(reader, input, created);
  const { filter } = participantListExportInput.parse(input);
  const { text } = await describeFilter(reader, filter, { withSearchText: false });
  await recordAccess(writer, {
    action: 'named_list',
    what: `Teilnehmendenliste (namentlich), Excel; Spalten: ${data.columns.map((c) => participantListColumnSpecs[c].header).join(', ')}; Filter: ${text}`,
    peopleCount: data.rows.length,
  });
  await writeParticipantList(data, file);
  return { name: participantListFileName(data.programName, created), count: data.rows.length };
}
