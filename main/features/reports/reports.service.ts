import type { Kysely } from 'kysely';
import { reportSections, type ReportFrame, type ReportText } from '../../../shared/domain/reports.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { writeProgramEndReport, reportFileName, type ProgramEndReportData, type SuccessStory } from '../../excel/export/program-end-report.js';
import { audit } from '../audit/audit.service.js';
import { computeFigures } from '../dashboard/figures.service.js';

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

/** Everything the report workbook needs, from one read of the database. */
export async function reportData(db: Db, frame: ReportFrame, created: Date): Promise<ProgramEndReportData> {
  const program = await db.selectFrom('programs').selectAll().where('id', '=', frame.programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${frame.programId} nicht gefunden.`, `Program ${frame.programId} not found.`);
  const figures = await computeFigures(db, { programId: frame.programId, from: frame.from, to: frame.to });
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
    texts: await getReportTexts(db, frame),
    stories: await consentedStories(db, frame.programId),
    created,
  };
}

/** Writes the program-end (or interim) report to `file`; returns the file name users should see. */
export async function exportReport(db: Db, frame: ReportFrame, file: string, opts: { created?: Date } = {}): Promise<string> {
  const data = await reportData(db, frame, opts.created ?? new Date());
  await writeProgramEndReport(file, data);
  return reportFileName(frame.kind, data.program.name, frame.from, frame.to);
}
