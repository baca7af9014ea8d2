import { z } from 'zod';
import { isRealDate } from './dates.js';
import './validation-messages.js';

/** A calendar date as stored everywhere: `YYYY-MM-DD` text, checked for being a real date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Datum im Format JJJJ-MM-TT erwartet' })
  .refine(
    (s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))),
    { message: 'Kein gültiges Kalenderdatum' },
  );

/** A reference to another record; 0 or a negative number is what an empty select sends. */
export const id = z.number().int().positive({ message: 'Bitte auswählen' });

/** A set of references (programs a consent covers): each id once, in the order given. */
export const idSet = z
  .array(id)
  .default([])
  .transform((ids) => [...new Set(ids)]);

/** Runs of spaces (any Unicode space separator) inside one line read as one space. */
const spaceRun = /\p{Zs}+/gu;
/** Every control character (C0, DEL, C1), NUL included. */
const anyControl = /\p{Cc}/u;
/** Control characters other than tab and line feed (multi-line text keeps its line breaks and tabs). */
const controlButLineBreaks = /[^\P{Cc}\t\n]/u;
/** A UTF-16 surrogate without its partner: not a character at all, and SQLite would store a replacement. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextOptions {
  /** keeps line breaks and tabs (notes, reasons, addresses); single-line text refuses them */
  multiline?: boolean;
}

/**
 * The one normalisation of typed text: NFC (so "Mü" typed on macOS and on Windows is the same name and the same
 * duplicate key), surrounding space trimmed, Windows line breaks as \n, runs of spaces in one line as one.
 */
export function normaliseText(s: string, opts: TextOptions = {}): string {
  const nfc = s.normalize('NFC').trim();
  return opts.multiline ? nfc.replace(/\r\n?/g, '\n') : nfc.replace(spaceRun, ' ');
}

/** Why a normalised text is refused, or null: control characters (NUL among them) and broken characters. */
export function textProblem(s: string, opts: TextOptions = {}): string | null {
  if (loneSurrogate.test(s)) return 'Enthält ungültige Zeichen';
  if (opts.multiline) return controlButLineBreaks.test(s) ? 'Enthält Steuerzeichen, die hier nicht erlaubt sind' : null;
  return anyControl.test(s) ? 'Enthält Zeilenumbrüche oder Steuerzeichen, die hier nicht erlaubt sind' : null;
}

/** A normalised string (possibly empty) of at most `max` characters with no refused character; `min` 1 makes it required. */
export function plainText(max: number, opts: TextOptions = {}, min = 0) {
  return z
    .string()
    .transform((s) => normaliseText(s, opts))
    .pipe(
      z
        .string()
        .min(min, { message: 'Pflichtfeld' })
        .max(max)
        .superRefine((s, ctx) => {
          const problem = textProblem(s, opts);
          if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
        }),
    );
}

/** Optional free text: normalised and checked; empty becomes null so the database never holds "". */
export const optionalText = (max = 500, opts: TextOptions = {}) =>
  plainText(max, opts)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** Required single-line text (titles, names of places), normalised and checked. */
export const requiredText = (max = 200) => plainText(max, {}, 1);

/** Text that is searched for, not stored: normalised like stored text so it finds it; control characters refused. */
export const searchText = (max = 200) => plainText(max, {});

/**
 * A person's last or first name: required text with at least one letter of any script, so a "name" of
 * zero-width spaces, digits or punctuation alone is refused.
 */
export const personName = (max = 120) =>
  requiredText(max).refine((s) => s === '' || /\p{L}/u.test(s), { message: 'Ein Name braucht mindestens einen Buchstaben' });
