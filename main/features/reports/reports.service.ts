import { sql, type Kysely } from 'kysely';
import {
  reportFrame,
  reportSections,
  type Figures,
  type Finding,
  type ReportFrame,
  type ReportFrameInput,
  type ReportJson,
  type ReportText,
} from '../../../shared/domain/reports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { writeProgramEndReport, reportFileName, type ProgramEndReportData, type SuccessStory } from '../../excel/export/program-end-report.js';
import { audit } from '../audit/audit.service.js';
import { computeFigures } from '../dashboard/figures.service.js';
import { computeFinance, financeJsonOf } from '../finance/nachweis.service.js';
import { checkFigures } from './checks.service.js';
import { esfPlusIndicators } from './esf-plus.service.js';
import { todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

const frameWhere = (f: ReportFrame) =>
  ({ program_id: f.programId, report_kind: f.kind, period_from: f.from, period_to: f.to }) as const;

/** The Sachbericht texts of one report, every section (empty where nothing was written yet). */
export async function getReportTexts(db: Db, frame: ReportFrame): Promise<ReportText[]> {
  const w = frameWhere(frame);
  const rows = await db
    .selectFrom('report_texts')
    .select(['section', 'text'])
    .where('program_id', '=', w.program_id)
    .where('report_kind', '=', w.report_kind)
    .where('period_from', '=', w.period_from)
    .where('period_to', '=', w.period_to)
    .execute();
  return reportSections.map((section) => ({ section, text: rows.find((r) => r.section === section)?.text ?? '' }));
}

/** Saves the given sections of one report's Sachbericht in one transaction (audited); returns all sections. */
export async function saveReportTexts(db: Db, frame: ReportFrame, texts: ReportText[]): Promise<ReportText[]> {
  const program = await db.selectFrom('programs').select('id').where('id', '=', frame.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${frame.programId} nicht gefunden.`, `Program ${frame.programId} not found.`);
  await db.transaction().execute(async (trx) => {
    const before = await getReportTexts(trx, frame);
    for (const t of texts) {
      const text = t.text.trim();
      const w = frameWhere(frame);
      await trx
        .deleteFrom('report_texts')
        .where('program_id', '=', w.program_id)
        .where('report_kind', '=', w.report_kind)
        .where('period_from', '=', w.period_from)
        .where('period_to', '=', w.period_to)
        .where('section', '=', t.section)
        .execute();
      if (text !== '') await trx.insertInto('report_texts').values({ ...w, section: t.section, text }).execute();
    }
    await audit(trx, {
      action: 'update',
      entity: 'report_texts',
      entityId: frame.programId,
      before,
      after: await getReportTexts(trx, frame),
      details: `${frame.kind} ${frame.from}/${frame.to}`,
    });
  });
  return getReportTexts(db, frame);
}

/**
 * Success stories for the Sachbericht: only of people who consented to it and did not withdraw consent, with the
 * first name only (never a surname).
 */
export async function consentedStories(db: Db, programId: number): Promise<SuccessStory[]> {
  const rows = await db
    .selectFrom('success_stories as s')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .select(['s.title', 's.text', 'p.first_name'])
    .where('s.program_id', '=', programId)
    .where('p.consent_success_story', '=', 1)
    .where('p.consent_withdrawn_on', 'is', null)
    .where('p.anonymised_at', 'is', null)
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ firstName: (r.first_name ?? '').trim().split(/\s+/)[0] || '–', title: r.title, text: r.text }));
}

/**
 * A Verwendungsnachweis (program_end) states that the program is over. For a program still running (no end date,
 * or ending after today) it needs an explicit confirmation, so nobody signs a final report by mistake.
 */
export function assertMayReport(frame: ReportFrame, programEnd: string | null, today: string): void {
  if (frame.kind !== 'program_end' || frame.confirmRunning) return;
  if (programEnd !== null && programEnd <= today) return;
  throw new AppError(
    'program_running',
    `Das Programm läuft noch${programEnd ? ` (bis ${programEnd.slice(8, 10)}.${programEnd.slice(5, 7)}.${programEnd.slice(0, 4)})` : ''}: ein Verwendungsnachweis (Programmende) nur nach ausdrücklicher Bestätigung – oder einen Zwischennachweis wählen.`,
    'The program is still running: a final report needs an explicit confirmation (or choose an interim report).',
  );
}

/** Date of the data ("Stand"): the day of the last recorded change, or today for a database without one. */
async function dataStand(db: Db, created: Date): Promise<string> {
  const row = await sql<{ at: string | null }>`SELECT max(at) AS at FROM audit_log`.execute(db);
  return row.rows[0]?.at?.slice(0, 10) ?? todayIso(created);
}

/** Everything the report workbook and the JSON need, from one read of the database (one computation). */
export async function reportData(db: Db, input: ReportFrameInput, created: Date): Promise<ProgramEndReportData> {
  const frame = reportFrame.parse(input);
  const program = await db.selectFrom('programs').selectAll().where('id', '=', frame.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${frame.programId} nicht gefunden.`, `Program ${frame.programId} not found.`);
  assertMayReport(frame, program.end_date, todayIso(created));
  const q = { programId: frame.programId, from: frame.from, to: frame.to };
  const figures = await computeFigures(db, q);
  return {
    kind: frame.kind,
    program: {
      name: program.name,
      operator: program.operator,
      funder: program.funder,
      fundingGuideline: program.funding_guideline,
      grantReference: program.grant_reference,
      startDate: program.start_date,
      endDate: program.end_date,
    },
    figures,
    findings: await checkFigures(db, q),
    stand: await dataStand(db, created),
    texts: await getReportTexts(db, frame),
    stories: await consentedStories(db, frame.programId),
    esfPlus: program.esf_plus === 1 ? await esfPlusIndicators(db, q) : null,
    created,
    // the AGH compensation comes from the same figures the report shows, so it enters once and agrees
    finance: await computeFinance(db, q, figures.communeMonths),
  };
}

/** Writes the program-end (or interim) report to `file`; returns the file name users should see. */
export async function exportReport(db: Db, frame: ReportFrameInput, file: string, opts: { created?: Date } = {}): Promise<string> {
  const data = await reportData(db, frame, opts.created ?? new Date());
  await writeProgramEndReport(file, data);
  return reportFileName(data.kind, data.program.name, frame.from, frame.to);
}

const rows = (xs: Figures['byGender']) => xs.map((r) => ({ key: r.key, label: r.label, count: r.count }));

/** The report's figures as data with the stable keys of issue 13 item 8 (`lotse report program-end --json`). */
export function reportJsonOf(d: ProgramEndReportData, programId: number): ReportJson {
  const f = d.figures;
  return {
    program: { id: programId, name: d.program.name },
    kind: d.kind === 'program_end' ? 'final' : 'interim',
    from: f.from,
    to: f.to,
    stand: d.stand,
    participants: {
      total: f.participants.total,
      entered: f.participants.entered,
      exited: f.participants.exited,
      active: f.participants.active,
      completed: f.participants.completed,
      dropped: f.participants.dropped,
      overrides: f.participants.overrides,
      byGender: rows(f.byGender),
      byAgeGroup: rows(f.byAgeGroup),
      byResidenceGroup: rows(f.byResidenceGroup),
      byCommune: rows(f.byCommune),
      byGermanLevel: rows(f.byGermanLevel),
    },
    activities: f.activities.map((a) => ({
      kind: a.kind,
      sessions: a.sessions,
      participants: a.people ?? 0,
      attendances: a.attendances,
      participantHours: Math.round((a.participantMinutes / 60) * 100) / 100,
    })),
    fairs: f.fairs.map((x) => ({
      title: x.title,
      date: x.date,
      companies: x.companies,
      registered: x.registered,
      present: x.present,
      presentParticipants: x.presentParticipants,
      presentVisitors: x.presentVisitors,
      contacts: x.contacts,
      resultsLater: x.laterResults,
    })),
    outcomes: {
      people: f.outcomes.people,
      byKind: rows(f.outcomes.byKind),
      success: { kinds: f.outcomes.success.kinds, definition: f.outcomes.success.definition, count: f.outcomes.success.count, rate: f.outcomes.success.rate },
    },
    agh: { slots: f.agh.slots, placements: f.agh.placements, people: f.agh.people, hours: f.agh.hoursX100 / 100, compensationCents: f.agh.compensationCents },
    network: { companies: f.network.companies, partners: f.network.partners, employersSupported: f.network.employersSupported },
    targets: f.targets.map((t) => ({ key: t.key, label: t.label, planned: t.planned, actual: t.actual })),
    findings: d.findings.map((x: Finding) => ({ code: x.code, count: x.count, message: x.message })),
    finance: d.finance ? financeJsonOf(d.finance) : null,
  };
}
