import { z } from 'zod';
import { optionalText, personName } from './common.js';

/** Who runs the programs: printed on certificates, reports and access exports (Auskunft). */
export const operatorDetails = z.object({
  name: optionalText(200),
  address: optionalText(400, { multiline: true }),
  /** the place a certificate is signed in ("Freiberg, den ...") */
  place: optionalText(120),
  contact: optionalText(200),
});
export type OperatorDetails = z.infer<typeof operatorDetails>;

/**
 * Limits an import refuses to exceed. The defaults fit a real list of a few thousand people with room to spare
 * and stop a mistaken 500 MB file before it eats the PC's memory.
 */
export const importLimits = z.object({
  maxFileMb: z.number().int().min(1).max(500).default(50),
  maxRows: z.number().int().min(1).max(1_000_000).default(200_000),
  maxCellChars: z.number().int().min(10).max(100_000).default(2_000),
});
export type ImportLimits = z.infer<typeof importLimits>;
export const defaultImportLimits: ImportLimits = { maxFileMb: 50, maxRows: 200_000, maxCellChars: 2_000 };

export const appSettings = z.object({
  /** the coordinator's name; recorded as the actor of every audit entry */
  coordinatorName: z.string().nullable(),
  operator: operatorDetails,
  importLimits,
});
export type AppSettings = z.infer<typeof appSettings>;

export const appSettingsInput = z.object({
  coordinatorName: optionalText(120),
  operator: operatorDetails.default({ name: null, address: null, place: null, contact: null }),
  importLimits: importLimits.default(defaultImportLimits),
});
export type AppSettingsInput = z.input<typeof appSettingsInput>;

/** The first start's question: only the coordinator's name, which every audit entry then carries. */
export const coordinatorNameInput = z.object({ coordinatorName: personName(120) });
