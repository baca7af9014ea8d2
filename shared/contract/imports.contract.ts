import { z } from 'zod';
import { procedure } from './define.js';
import { id } from '../domain/common.js';
import {
  importBatch,
  importCommitInput,
  importPreview,
  importPreviewInput,
  importPreviewRows,
  importPreviewRowsInput,
  importResult,
  importUndoImpact,
} from '../domain/imports.js';

export const importsContract = {
  /** Reads an uploaded list and shows sheets, header, proposed (or saved, or given) mapping, counts and rejected rows; writes nothing. Cancellable job. */
  'imports.preview': procedure({ input: importPreviewInput, output: importPreview, job: true }),
  /** A page of the preview's rows (what each becomes, whom it matched, its warnings); reads the file again. Cancellable job. */
  'imports.previewRows': procedure({ input: importPreviewRowsInput, output: importPreviewRows, job: true }),
  /** Imports the list as one batch in one transaction (backup first); optional enrollment into a program. Long job. */
  'imports.commit': procedure({ input: importCommitInput, output: importResult, job: true }),
  /** The rejected rows with reasons as a workbook to fix and re-import; returns a download handle. */
  'imports.rejectedFile': procedure({
    input: importPreviewInput,
    output: z.object({ handle: z.string(), name: z.string(), rows: z.number().int() }),
  }),
  /** Past imports, newest first. */
  'imports.batches': procedure({ input: z.object({}).default({}), output: z.array(importBatch) }),
  /** What undoing an import would remove (people, enrollments), for the confirmation. */
  'imports.undoImpact': procedure({ input: z.object({ batchId: id }), output: importUndoImpact }),
  /** Undoes an import: deletes the people it created and its enrollments, nothing else. */
  'imports.undo': procedure({ input: z.object({ batchId: id }), output: importBatch }),
};
