import { z } from 'zod';
import { procedure } from './define.js';
import { reportFrame, reportText } from '../domain/reports.js';

export const reportsContract = {
  /** The Sachbericht texts of one report (program, kind, period); missing sections come back empty. */
  'reports.texts': procedure({ input: reportFrame, output: z.array(reportText) }),
  /** Saves the Sachbericht texts of one report; empty text removes the section's text. */
  'reports.saveTexts': procedure({
    input: z.object({ frame: reportFrame, texts: z.array(reportText) }),
    output: z.array(reportText),
  }),
  /** Writes the program-end or interim report workbook; returns a file handle for downloadFile. */
  'reports.export': procedure({
    input: reportFrame,
    output: z.object({ handle: z.string(), name: z.string() }),
    job: true,
  }),
};
