import { z } from 'zod';
import { procedure } from './define.js';
import { participantListInput } from '../domain/participants.js';
import { checkResult, figuresQuery, reportFrame, reportText } from '../domain/reports.js';

/**
 * Columns a named participant list can hold, in the order they appear in the workbook. The last three belong to
 * an enrollment and need a program in the filter (a person can be in several programs).
 */
export const participantListColumns = [
  'lastName',
  'firstName',
  'birthDate',
  'gender',
  'nationality',
  'commune',
  'residenceStatus',
  'arrivalInSaxony',
  'germanLevel',
  'phone',
  'email',
  'caseNumber',
  'caseManager',
  'socialWorker',
  'consent',
  'consentDate',
  'programStatus',
  'entryDate',
  'exitDate',
] as const;
export type ParticipantListColumn = (typeof participantListColumns)[number];

/** Columns taken from the person's enrollment in the filtered program. */
export const programColumns: readonly ParticipantListColumn[] = ['programStatus', 'entryDate', 'exitDate'];

/** What a coordinator usually needs on a list for a meeting: who, born when, where, status, level, file. */
export const defaultParticipantListColumns: ParticipantListColumn[] = [
  'lastName',
  'firstName',
  'birthDate',
  'commune',
  'residenceStatus',
  'germanLevel',
  'caseNumber',
];

/**
 * Which people: exactly the filters (and order) of the Teilnehmende list, so an export from either page holds
 * the people the list shows. Anonymised people never appear on a named list.
 */
export const participantListFilter = participantListInput.pick({
  search: true,
  communeId: true,
  programId: true,
  enrollmentStatus: true,
  residenceStatus: true,
  includeArchived: true,
  sort: true,
  direction: true,
});
export type ParticipantListFilter = z.input<typeof participantListFilter>;

const columnList = z
  .array(z.enum(participantListColumns))
  .min(1, { message: 'Mindestens eine Spalte auswählen' })
  .refine((c) => new Set(c).size === c.length, { message: 'Jede Spalte nur einmal' });

export const participantListExportInput = z
  .object({ filter: participantListFilter.default(participantListFilter.parse({})), columns: columnList })
  .superRefine((x, ctx) => {
    if (x.filter.programId === null && x.columns.some((c) => programColumns.includes(c))) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'Programmstatus, Eintritt und Austritt brauchen ein Programm im Filter – bitte ein Programm wählen oder die Spalten abwählen',
      });
    }
  });
export type ParticipantListExportInput = z.input<typeof participantListExportInput>;

export const reportsContract = {
  /** The Sachbericht texts of one report (program, kind, period); missing sections come back empty. */
  'reports.texts': procedure({ input: reportFrame, output: z.array(reportText) }),
  /** Saves the Sachbericht texts of one report; empty text removes the section's text. */
  'reports.saveTexts': procedure({
    input: z.object({ frame: reportFrame, texts: z.array(reportText) }),
    output: z.array(reportText),
  }),
  /**
   * The checks before export ("Prüfung"): what makes the figures of a program and period doubtful, each with a
   * count (drill down with figure 'finding', key = code). Only findings with count > 0 are listed.
   */
  'reports.check': procedure({ input: figuresQuery, output: checkResult }),
  /**
   * Writes the program-end or interim report workbook; returns a file handle for downloadFile. A program-end
   * report (Verwendungsnachweis) of a program still running needs confirmRunning, else AppError 'program_running'.
   * When findings exist the workbook carries a sheet "Prüfhinweise"; export stays possible.
   */
  'reports.export': procedure({
    input: reportFrame,
    output: z.object({ handle: z.string(), name: z.string() }),
    job: true,
  }),
  /**
   * Preview of a named participant list: how many people it will hold, and how many people match the filter but
   * are anonymised and therefore left out.
   */
  'reports.participantListCount': procedure({
    input: participantListFilter.default(participantListFilter.parse({})),
    output: z.object({ count: z.number().int(), anonymised: z.number().int() }),
  }),
  /** The columns last chosen for the named participant list (the default set until someone chooses). */
  'reports.participantListColumns': procedure({
    input: z.object({}).default({}),
    output: z.object({ columns: z.array(z.enum(participantListColumns)) }),
  }),
  /** Remembers the chosen columns for the next named participant list. */
  'reports.saveParticipantListColumns': procedure({
    input: z.object({ columns: columnList }),
    output: z.object({ columns: z.array(z.enum(participantListColumns)) }),
  }),
  /**
   * Writes the named participant list (chosen columns, the list's filters) as a workbook and records the access
   * in the Protokoll (who, when, which columns and filter, how many people; no names). Returns a file handle for
   * downloadFile.
   */
  'reports.participantListExport': procedure({
    input: participantListExportInput,
    output: z.object({ handle: z.string(), name: z.string(), count: z.number().int() }),
    job: true,
  }),
};
