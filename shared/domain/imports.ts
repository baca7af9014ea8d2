import { z } from 'zod';
import { id, optionalText, plainText, requiredText } from './common.js';

/** Participant fields a list column can be mapped to; `fullName` is a "Nachname, Vorname" column that is split. */
export const importFields = [
  'lastName',
  'firstName',
  'fullName',
  'birthDate',
  'gender',
  'nationality',
  'commune',
  'residenceStatus',
  'arrivalDate',
  'germanLevel',
  'phone',
  'email',
  'caseNumber',
  'notes',
] as const;
export const importField = z.enum(importFields);
export type ImportField = z.infer<typeof importField>;

/** One mapping per column of the sheet (index = column), null = column ignored. */
export const importMapping = z.array(importField.nullable());
export type ImportMapping = z.infer<typeof importMapping>;

/** A participant as the import stores it (and as `lotse participants --json` prints it). */
export const canonicalParticipant = z.object({
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(['w', 'm', 'd']).nullable(),
  nationality: z.string().nullable(),
  commune: z.string().nullable(),
  residenceStatus: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  germanLevel: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  caseNumber: z.string().nullable(),
});
export type CanonicalParticipant = z.infer<typeof canonicalParticipant>;

/** A row of a list as the import stores it: the canonical fields and a "Bemerkung"/"Notiz" column's notes (filled only where Lotse has none). */
export const importRecord = canonicalParticipant.extend({ notes: z.string().nullable() });
export type ImportRecord = z.infer<typeof importRecord>;

export const rowRejection = z.object({
  row: z.number().int(),
  reason: z.enum(['missing_required', 'invalid_date', 'out_of_range']),
  message: z.string(),
});
export type RowRejection = z.infer<typeof rowRejection>;

export const rowWarning = z.object({
  row: z.number().int(),
  field: z.string(),
  reason: z.string(),
  message: z.string(),
});
export type RowWarning = z.infer<typeof rowWarning>;

export const importCounts = z.object({
  rowsTotal: z.number().int(),
  imported: z.number().int(),
  existingMatched: z.number().int(),
  duplicatesInFile: z.number().int(),
  rejectedCount: z.number().int(),
  warningCount: z.number().int(),
});

/** The catalogue columns whose values the preview reports and a person can map (issue 14 item 5). */
export const valueFields = ['residenceStatus', 'nationality', 'commune'] as const;
export const valueField = z.enum(valueFields);
export type ValueField = z.infer<typeof valueField>;

/**
 * A person's decision for a value of the file the catalogues do not recognise, remembered per sender.
 * `mapTo`: title code, country code or commune id; '' = import the field empty; null = leave it open (kept as text,
 * listed under "zu entscheiden"). `newCommune` (commune only): create it with the import and map to it.
 */
export const valueChoice = z.object({
  field: valueField,
  value: z.string().max(500),
  mapTo: z.string().max(40).nullable(),
  newCommune: z.object({ name: requiredText(120), district: optionalText(120) }).optional(),
});
export type ValueChoice = z.infer<typeof valueChoice>;

export const importPreviewInput = z.object({
  handle: z.string(),
  sheet: z.string().nullable().optional(),
  /** omitted: proposed from the headers (or the sender's saved mapping) */
  mapping: importMapping.nullable().optional(),
  sender: plainText(200).nullable().optional(),
});

/**
 * The values of one catalogue column of the file (issue 14 item 5): those recognised, with the catalogue entry
 * they map to (title code, country code, commune id), and those not recognised with the first rows holding them.
 */
export const importValueReport = z.object({
  field: valueField,
  recognised: z.array(z.object({ value: z.string(), mappedTo: z.string(), label: z.string(), count: z.number().int() })),
  unknown: z.array(
    z.object({
      value: z.string(),
      count: z.number().int(),
      rows: z.array(z.number().int()),
      /** the sender's earlier decision for this value ('' = left empty), null when there is none */
      remembered: z.object({ mapTo: z.string(), label: z.string() }).nullable(),
    }),
  ),
});
export type ImportValueReport = z.infer<typeof importValueReport>;

/**
 * Whom a row was matched with and why (issue 19 item 6): a person in Lotse (`id`, the Nr.) or an earlier row of
 * the same file (`row`). `by`: same case number, same name and birth date, or same name with no birth date on
 * either side.
 */
export const rowMatch = z.object({
  id: z.number().int().nullable(),
  row: z.number().int().nullable(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  birthDate: z.string().nullable(),
  by: z.enum(['caseNumber', 'nameBirthDate', 'nameOnly']),
});
export type RowMatch = z.infer<typeof rowMatch>;

/** One accepted row as it will be stored, what becomes of it, whom it matched, and its warnings. */
export const previewRow = importRecord.extend({
  row: z.number().int(),
  outcome: z.enum(['new', 'matched', 'duplicate']),
  match: rowMatch.nullable(),
  warnings: z.array(rowWarning),
});
export type PreviewRow = z.infer<typeof previewRow>;

export const importPreview = z.object({
  fileName: z.string(),
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  sheet: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: importMapping,
  mappingSource: z.enum(['proposed', 'saved', 'user']),
  counts: importCounts,
  /** the first accepted rows as they will be stored; the others page by page through imports.previewRows */
  sample: z.array(previewRow),
  rejected: z.array(rowRejection),
  warnings: z.array(rowWarning),
  /** per catalogue column: recognised and unknown values (issue 14) */
  values: z.array(importValueReport),
});
export type ImportPreview = z.infer<typeof importPreview>;

/** A page of the accepted rows of the preview: `offset` counts accepted rows from 0. */
export const importPreviewRowsInput = importPreviewInput.extend({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
});
export const importPreviewRows = z.object({ rows: z.array(previewRow), total: z.number().int() });
export type ImportPreviewRows = z.infer<typeof importPreviewRows>;

export const importCommitInput = importPreviewInput.extend({
  programId: id.nullable().optional(),
  /** decisions for unknown values; the sender's remembered ones apply to values not named here */
  values: z.array(valueChoice).max(5000).optional(),
});

export const importResult = z.object({
  batchId: id,
  rowsTotal: z.number().int(),
  imported: z.number().int(),
  existingMatched: z.number().int(),
  duplicatesInFile: z.number().int(),
  rejected: z.array(rowRejection),
  warnings: z.array(rowWarning),
  enrolled: z.number().int(),
  /** values still unknown after the decisions: imported as text, each a warning of its rows (first 50 listed) */
  unknownValues: z.array(z.object({ field: valueField, value: z.string(), count: z.number().int(), rows: z.array(z.number().int()) })),
  /** the rows matched with a person in Lotse (the first 200), whom and why */
  matches: z.array(rowMatch.extend({ row: z.number().int(), id: z.number().int() })),
});
export type ImportResult = z.infer<typeof importResult>;

export const importBatch = z.object({
  id,
  fileName: z.string(),
  sender: z.string().nullable(),
  sheet: z.string().nullable(),
  status: z.enum(['committed', 'undone']),
  rowsTotal: z.number().int(),
  imported: z.number().int(),
  existingMatched: z.number().int(),
  duplicatesInFile: z.number().int(),
  rejected: z.number().int(),
  programId: z.number().int().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatch>;

/** What undoing an import would remove, for the confirmation (issue 19 item 6). */
export const importUndoImpact = z.object({
  batchId: id,
  fileName: z.string(),
  /** people the import created who are still there */
  people: z.number().int(),
  /** enrollments the import made, and of those, started ones (with hours or records possibly attached) */
  enrollments: z.number().int(),
  startedEnrollments: z.number().int(),
  /** people the import matched in Lotse: they stay, with the fields the import filled */
  matchedStay: z.number().int(),
});
export type ImportUndoImpact = z.infer<typeof importUndoImpact>;
