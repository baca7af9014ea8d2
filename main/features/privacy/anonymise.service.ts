import { sql, type Kysely } from 'kysely';
import { retentionEndsOn, type AnonymiseResult, type RetentionItem } from '../../../shared/domain/privacy.js';
import { nameKey, searchText } from '../../../shared/rules/names.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit, redactAuditEntries } from '../audit/audit.service.js';
import { withSecureErase } from '../../db/engine/erasure.js';
import { databaseFileOf, databaseId, recordErasures } from '../backups/erasure-journal.js';
import { todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/**
 * Which program each person belongs to, through every table that ties a person to a program. A person is past
 * retention only when every one of these programs is.
 */
async function personPrograms(db: Db): Promise<Map<number, Set<number>>> {
  const links = await db
    .selectFrom('enrollments')
    .select(['participant_id', 'program_id'])
    .union(db.selectFrom('placements').select(['participant_id', 'program_id']))
    .union(
      db
        .selectFrom('outcomes')
        .select(['participant_id', sql<number>`program_id`.as('program_id')])
        .where('program_id', 'is not', null),
    )
    .union(db.selectFrom('success_stories').select(['participant_id', 'program_id']))
    .union(
      db
        .selectFrom('attendance')
        .innerJoin('activities', 'activities.id', 'attendance.activity_id')
        .select(['attendance.participant_id', 'activities.program_id']),
    )
    .union(
      db
        .selectFrom('fair_registrations')
        .innerJoin('fairs', 'fairs.id', 'fair_registrations.fair_id')
        .select(['fair_registrations.participant_id', 'fairs.program_id']),
    )
    .union(
      db
        .selectFrom('fair_contacts')
        .innerJoin('fairs', 'fairs.id', 'fair_contacts.fair_id')
        .select(['fair_contacts.participant_id', 'fairs.program_id']),
    )
    .execute();
  const map = new Map<number, Set<number>>();
  for (const l of links) {
    let set = map.get(l.participant_id);
    if (!set) map.set(l.participant_id, (set = new Set()));
    set.add(l.program_id);
  }
  return map;
}

/**
 * People not yet anonymised whose programs are all past retention (see `retentionEndsOn`). People linked to no
 * program are never listed: without a program there is no retention rule to apply, a coordinator decides.
 */
export async function listPastRetention(db: Db, today = todayIso()): Promise<RetentionItem[]> {
  const programs = await db
    .selectFrom('programs')
    .select(['id', 'name', 'end_date', 'final_report_submitted_on', 'retention_years'])
    .execute();
  const ends = new Map(
    programs.map((p) => [
      p.id,
      {
        name: p.name,
        endsOn: retentionEndsOn({
          finalReportSubmittedOn: p.final_report_submitted_on,
          endDate: p.end_date,
          retentionYears: p.retention_years,
        }),
      },
    ]),
  );
  const links = await personPrograms(db);
  const candidates: { id: number; programs: string[]; pastSince: string }[] = [];
  for (const [participantId, set] of links) {
    let latest = '';
    let past = set.size > 0;
    for (const programId of set) {
      const end = ends.get(programId)?.endsOn ?? null;
      if (end === null || end > today) {
        past = false;
        break;
      }
      if (end > latest) latest = end;
    }
    if (past) {
      candidates.push({ id: participantId, programs: [...set].map((p) => ends.get(p)?.name ?? String(p)).sort(), pastSince: latest });
    }
  }
  const out: RetentionItem[] = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500);
    const rows = await db
      .selectFrom('participants')
      .select(['id', 'last_name', 'first_name'])
      .where('id', 'in', chunk.map((c) => c.id))
      .where('anonymised_at', 'is', null)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of chunk) {
      const r = byId.get(c.id);
      if (r) out.push({ participantId: c.id, lastName: r.last_name, firstName: r.first_name, programs: c.programs, pastSince: c.pastSince });
    }
  }
  return out.sort((a, b) => a.pastSince.localeCompare(b.pastSince) || a.participantId - b.participantId);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for one batch of people's identifying strings inside other tables' free text and JSON snapshots.
 * Strings of 4+ characters match anywhere (case-insensitive); shorter ones ("Li", "Wu") only as a whole JSON
 * value, so a two-letter name does not wipe unrelated entries.
 */
function identifierMatcher(values: string[]): (text: string | null) => boolean {
  const long = [...new Set(values.filter((v) => v.length >= 4))];
  const short = new Set(values.filter((v) => v.length > 0 && v.length < 4).map((v) => JSON.stringify(v)));
  const re = long.length > 0 ? new RegExp(long.map(escapeRegex).join('|'), 'i') : null;
  return (text) => {
    if (!text) return false;
    if (re?.test(text)) return true;
    for (const s of short) if (text.includes(s)) return true;
    return false;
  };
}

/** Replaces every string inside a JSON value that holds an identifier. */
function scrubJson(value: unknown, hit: (t: string) => boolean): unknown {
  if (typeof value === 'string') return hit(value) ? '[anonymisiert]' : value;
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, hit));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, hit)]));
  }
  return value;
}

export interface AnonymiseOptions {
  dryRun?: boolean;
  /** why: 'request' (Recht auf Löschung), 'retention' (Aufbewahrungsfrist) or 'restore' (again after a restore) */
  reason: 'request' | 'retention' | 'restore';
  now?: Date;
}

const chunkSize = 200;

const reasonText: Record<AnonymiseOptions['reason'], string> = {
  request: 'Anonymisiert auf Antrag (Recht auf Löschung)',
  retention: 'Anonymisiert: Aufbewahrungsfrist abgelaufen',
  restore: 'Erneut anonymisiert nach Wiederherstellung einer Sicherung',
};

/**
 * Anonymises people so that every past report gives the same figures:
 * - kept: gender, birth year (taken from the birth date if only that is known), nationality, commune (commune_text
 *   only when no commune_id is set, since it is then the only commune information), residence status, German level,
 *   consent record, and every enrollment, placement, hour, attendance, fair registration/contact and outcome row
 *   (with their kinds, dates and statuses), so all counts stay;
 * - arrival in Saxony and in Germany are cut to 1 January of their year (the exact day adds nothing to any figure, the year keeps
 *   "years in Saxony" statistics usable);
 * - removed: names, exact birth date, phone, email, case number, case manager, referrer, social worker, notes,
 *   health/disability/religion, duplicate and search keys; free-text notes in contacts, applications, outcomes and
 *   enrollments (override reasons become "anonymisiert", the check constraint needs a text); success stories are
 *   deleted; document titles and parameters are blanked; audit snapshots of the person are redacted, as are any
 *   other audit snapshots and import reports that contain the person's identifiers.
 * Afterwards the old bytes are purged from storage (db/engine/erasure.ts: VACUUM and a WAL checkpoint on SQLite).
 */
export async function anonymiseParticipants(db: Db, ids: number[], opts: AnonymiseOptions): Promise<AnonymiseResult> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const counts: Record<string, number> = {
    participants: 0,
    auditEntriesRedacted: 0,
    successStoriesDeleted: 0,
    documentsBlanked: 0,
    notesCleared: 0,
    importReportsScrubbed: 0,
    personDocumentsDeleted: 0,
    contactNotesDeleted: 0,
    tasksDeleted: 0,
  };
  if (unique.length === 0) return { dryRun: opts.dryRun ?? false, participantIds: [], counts };
  const existing = await db.selectFrom('participants').select(['id', 'anonymised_at']).where('id', 'in', unique).execute();
  const missing = unique.filter((id) => !existing.some((e) => e.id === id));
  if (missing.length > 0) {
    throw new AppError('not_found', `Teilnehmende Nr. ${missing.join(', ')} nicht gefunden.`, `Participant ${missing.join(', ')} not found.`);
  }
  const todo = existing.filter((e) => e.anonymised_at === null).map((e) => e.id);
  if (opts.dryRun) {
    counts.participants = todo.length;
    return { dryRun: true, participantIds: todo, counts };
  }
  const stamp = (opts.now ?? new Date()).toISOString();
  // the journal beside the database file survives restores; a re-application after a restore is already in it
  const journalFor = opts.reason === 'restore' ? '' : await databaseFileOf(db);

  await withSecureErase(db, erasedTables, async () => {
    for (let i = 0; i < todo.length; i += chunkSize) {
      const chunk = todo.slice(i, i + chunkSize);
      await db.transaction().execute(async (trx) => {
        const people = await trx
          .selectFrom('participants')
          .select(['id', 'last_name', 'first_name', 'birth_date', 'phone', 'email', 'case_number', 'name_key', 'case_number_key', 'search_text'])
          .where('id', 'in', chunk)
          .execute();
        // recorded before the erasure commits: a crash in between leaves a record of an erasure that was asked
        // for (applied again by the next restore), never an erasure without a record
        if (journalFor) {
          const erased = people.map((p) => ({ id: p.id, nameKey: p.name_key, caseNumberKey: p.case_number_key }));
          recordErasures(journalFor, erased, stamp, (await databaseId(trx, true))!);
        }
        const identifiers: string[] = [];
        for (const p of people) {
          for (const v of [p.last_name, p.first_name, p.phone, p.email, p.case_number, p.name_key]) if (v) identifiers.push(v.trim());
          if (p.search_text.trim().length >= 4) identifiers.push(p.search_text.trim());
          const fullKey = nameKey(p.last_name, p.first_name, p.birth_date);
          if (fullKey) identifiers.push(fullKey);
          const text = searchText(p.last_name, p.first_name, p.case_number);
          if (text.length >= 4) identifiers.push(text);
        }
        const hit = identifierMatcher(identifiers.filter((v) => v.length > 0));

        const res = await trx
          .updateTable('participants')
          .set({
            last_name: null,
            first_name: null,
            birth_year: sql<number | null>`coalesce(birth_year, cast(substr(birth_date, 1, 4) as integer))`,
            birth_date: null,
            arrival_in_saxony: sql<string | null>`CASE WHEN arrival_in_saxony IS NULL THEN NULL ELSE substr(arrival_in_saxony, 1, 4) || '-01-01' END`,
            // like arrival in Saxony: the year keeps "years in Germany" usable (issue 14 characteristic)
            arrival_in_germany: sql<string | null>`CASE WHEN arrival_in_germany IS NULL THEN NULL ELSE substr(arrival_in_germany, 1, 4) || '-01-01' END`,
            commune_text: sql<string | null>`CASE WHEN commune_id IS NULL THEN commune_text ELSE NULL END`,
            phone: null,
            email: null,
            case_number: null,
            case_manager: null,
            referred_by: null,
            social_worker: null,
            notes: null,
            health_notes: null,
            disability_notes: null,
            religion: null,
            name_key: null,
            case_number_key: null,
            search_text: '',
            anonymised_at: stamp,
            updated_at: stamp,
          })
          .where('id', 'in', chunk)
          .executeTakeFirst();
        counts.participants! += Number(res.numUpdatedRows);

        for (const table of ['fair_contacts', 'applications', 'outcomes'] as const) {
          const r = await trx
            .updateTable(table)
            .set({ notes: null })
            .where('participant_id', 'in', chunk)
            .where('notes', 'is not', null)
            .executeTakeFirst();
          counts.notesCleared! += Number(r.numUpdatedRows);
        }
        const er = await trx
          .updateTable('enrollments')
          .set({
            exit_reason: null,
            override_reason: sql<string | null>`CASE WHEN override_reason IS NULL THEN NULL ELSE 'anonymisiert' END`,
          })
          .where('participant_id', 'in', chunk)
          .where((eb) => eb.or([eb('exit_reason', 'is not', null), eb('override_reason', 'is not', null)]))
          .executeTakeFirst();
        counts.notesCleared! += Number(er.numUpdatedRows);

        const stories = await trx.deleteFrom('success_stories').where('participant_id', 'in', chunk).executeTakeFirst();
        counts.successStoriesDeleted! += Number(stories.numDeletedRows);
        const docs = await trx
          .updateTable('documents')
          .set({ title: 'anonymisiert', params: '{}', updated_at: stamp })
          .where('participant_id', 'in', chunk)
          .executeTakeFirst();
        counts.documentsBlanked! += Number(docs.numUpdatedRows);
        await eraseDayRecords(trx, chunk, counts);

        // the person's own audit rows, then any other snapshot that mentions them (e.g. an import summary)
        const own = await trx
          .selectFrom('audit_log')
          .select('id')
          .where('redacted', '=', 0)
          .where((eb) =>
            eb.or([eb('participant_id', 'in', chunk), eb.and([eb('entity', '=', 'participant'), eb('entity_id', 'in', chunk)])]),
          )
          .execute();
        const toRedact = new Set(own.map((r) => r.id));
        let after = 0;
        for (;;) {
          const page = await trx
            .selectFrom('audit_log')
            .select(['id', 'before', 'after', 'details'])
            .where('redacted', '=', 0)
            .where('id', '>', after)
            .orderBy('id')
            .limit(2000)
            .execute();
          if (page.length === 0) break;
          for (const r of page) if (hit(r.before) || hit(r.after) || hit(r.details)) toRedact.add(r.id);
          after = page.at(-1)!.id;
        }
        counts.auditEntriesRedacted! += await redactAuditEntries(trx, [...toRedact]);

        const batches = await trx.selectFrom('import_batches').select(['id', 'report', 'mapping']).execute();
        for (const b of batches) {
          if (!hit(b.report) && !hit(b.mapping)) continue;
          await trx
            .updateTable('import_batches')
            .set({
              report: JSON.stringify(scrubJson(JSON.parse(b.report), hit)),
              mapping: JSON.stringify(scrubJson(JSON.parse(b.mapping), hit)),
            })
            .where('id', '=', b.id)
            .execute();
          counts.importReportsScrubbed! += 1;
        }

        for (const id of chunk) {
          await audit(trx, {
            action: 'anonymise',
            entity: 'participant',
            entityId: id,
            participantId: id,
            peopleCount: 1,
            details: reasonText[opts.reason],
          });
        }
      });
    }
  });
  return { dryRun: false, participantIds: todo, counts };
}

/** Tables whose rows anonymisation changes or deletes (their old versions are purged afterwards). */
const erasedTables = ['participants', 'participant_titles', 'fair_contacts', 'applications', 'outcomes', 'enrollments', 'success_stories', 'documents', 'audit_log', 'import_batches',
  'person_documents', 'person_document_files', 'notes', 'tasks', 'reminder_states'];

/**
 * The coordinator's day records of a person go entirely (issue 18): documents with their encrypted files, the
 * contact log, tasks and reminder decisions. No figure rests on them, so nothing is kept.
 */
async function eraseDayRecords(trx: Db, chunk: number[], counts: Record<string, number>): Promise<void> {
  const docIds = trx.selectFrom('person_documents').select('id').where('participant_id', 'in', chunk);
  await trx.deleteFrom('person_document_files').where('document_id', 'in', docIds).execute();
  const docs = await trx.deleteFrom('person_documents').where('participant_id', 'in', chunk).executeTakeFirst();
  counts.personDocumentsDeleted! += Number(docs.numDeletedRows);
  const notes = await trx.deleteFrom('notes').where('participant_id', 'in', chunk).executeTakeFirst();
  counts.contactNotesDeleted! += Number(notes.numDeletedRows);
  const tasks = await trx.deleteFrom('tasks').where('participant_id', 'in', chunk).executeTakeFirst();
  counts.tasksDeleted! += Number(tasks.numDeletedRows);
  await trx.deleteFrom('reminder_states').where('participant_id', 'in', chunk).execute();
}

