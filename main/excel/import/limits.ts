import { AppError } from '../../../shared/errors.js';

/**
 * Limits that keep a hostile or broken file from exhausting memory or time. The first four are settings
 * (Einstellungen → Import); the rest are fixed safety bounds with defaults far above any real participant list,
 * chosen so that a file at every limit at once still fits the reading thread's heap (`workerHeapMb`).
 */
export interface ReadLimits {
  maxFileMb: number;
  /** data rows (rows with a value) */
  maxRows: number;
  maxCellChars: number;
  /** what the zip's directory declares for all its entries together (a zip bomb claims gigabytes) */
  maxUnpackedMb: number;
  /** Excel's own: columns A to XFD */
  maxColumns: number;
  /** Excel's own last row; also the most row elements one sheet may hold */
  maxRowNumber: number;
  /** characters of one XML element (a row, a shared string) and of one CSV record */
  maxElementChars: number;
  /** entries and characters of the shared-string table, which is held in memory while a workbook is read */
  maxSharedStrings: number;
  maxSharedStringChars: number;
  /** cells held for one file: each row counts its width up to its last value */
  maxCells: number;
  /** one small part read at once (workbook, relationships, styles) */
  maxPartMb: number;
  /** heap of the worker thread that reads the file; beyond it the thread ends and the file is refused */
  workerHeapMb: number;
}

export const defaultReadLimits: ReadLimits = {
  maxFileMb: 50,
  maxRows: 200_000,
  maxCellChars: 2_000,
  maxUnpackedMb: 1_000,
  maxColumns: 16_384,
  maxRowNumber: 1_048_576,
  maxElementChars: 16 * 1024 * 1024,
  maxSharedStrings: 4_000_000,
  maxSharedStringChars: 64 * 1024 * 1024,
  maxCells: 20_000_000,
  maxPartMb: 64,
  workerHeapMb: 512,
};

const de = (n: number) => n.toLocaleString('de-DE');
const nothing = 'Es wurde nichts importiert.';

export const tooLarge = (message: string, en: string) => new AppError('too_large', message, en);

/** A file that stays within the size limits but is built so that reading it would cost unbounded memory or time. */
export function tooComplex(what: string, limit: string, en: string): AppError {
  return new AppError(
    'file_too_complex',
    `Die Datei ist zu komplex zum Lesen: ${what} (Grenze: ${limit}). Bitte die Liste in Excel prüfen und neu speichern. ${nothing}`,
    `The file is too complex to read: ${en}.`,
    { limit },
  );
}

export const limitErrors = {
  longCell: (rowNumber: number, length: number, limits: ReadLimits) =>
    tooLarge(
      `Zeile ${rowNumber}: eine Zelle hat ${de(length)} Zeichen (erlaubt: ${de(limits.maxCellChars)}). ` +
        `Bitte die Zelle kürzen oder die Grenze unter Einstellungen → Import erhöhen. ${nothing}`,
      `Row ${rowNumber}: a cell exceeds ${limits.maxCellChars} characters.`,
    ),
  /** a quoted CSV field past the cell limit is nearly always a quote that was never closed */
  longQuoted: (rowNumber: number, limits: ReadLimits) =>
    tooLarge(
      `Zeile ${rowNumber}: ein Feld in Anführungszeichen ist länger als ${de(limits.maxCellChars)} Zeichen – ` +
        `vermutlich fehlt ein schließendes Anführungszeichen. ${nothing}`,
      `Row ${rowNumber}: a quoted field exceeds ${limits.maxCellChars} characters (unclosed quote?).`,
    ),
  rows: (limits: ReadLimits) =>
    tooLarge(
      `Die Datei hat mehr als ${de(limits.maxRows)} Zeilen. Bitte in kleinere Listen aufteilen ` +
        `oder die Grenze unter Einstellungen → Import erhöhen. ${nothing}`,
      `More than ${limits.maxRows} rows.`,
    ),
  column: (rowNumber: number, limits: ReadLimits) =>
    tooComplex(`Zeile ${rowNumber} hat eine Zelle jenseits der letzten Excel-Spalte`, `${de(limits.maxColumns)} Spalten`, `a cell beyond column ${limits.maxColumns}`),
  rowNumber: (limits: ReadLimits) =>
    tooComplex('ein Tabellenblatt hat mehr Zeilen als Excel', `${de(limits.maxRowNumber)} Zeilen`, `more than ${limits.maxRowNumber} rows in a sheet`),
  element: (what: string, limits: ReadLimits) =>
    tooComplex(`${what} ist länger als erlaubt`, `${de(limits.maxElementChars)} Zeichen`, `an element exceeds ${limits.maxElementChars} characters`),
  sharedStrings: (limits: ReadLimits) =>
    tooComplex(
      'die Tabelle der gemeinsamen Texte ist zu groß',
      `${de(limits.maxSharedStrings)} Texte mit zusammen ${de(limits.maxSharedStringChars)} Zeichen`,
      'the shared-string table exceeds its limit',
    ),
  cells: (limits: ReadLimits) =>
    tooComplex('die Datei hat zu viele Zellen', `${de(limits.maxCells)} Zellen`, `more than ${limits.maxCells} cells`),
  part: (limits: ReadLimits) =>
    tooComplex('ein Teil der Arbeitsmappe ist zu groß', `${de(limits.maxPartMb)} MB`, `a workbook part exceeds ${limits.maxPartMb} MB`),
  memory: (limits: ReadLimits) =>
    tooComplex('das Lesen bräuchte mehr Arbeitsspeicher als erlaubt', `${de(limits.workerHeapMb)} MB`, `reading needs more than ${limits.workerHeapMb} MB`),
};
