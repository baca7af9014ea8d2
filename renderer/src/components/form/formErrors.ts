import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { translateMessage } from '../../../../shared/domain/validation-messages.js';
import { ApiError } from '../../api/client.js';
import { uiLang } from '../../i18n/lang.js';

/** Messages by dotted path ("communes.0.slots"), the shape both zod issues and the server's field list reduce to. */
export type FlatErrors = Record<string, string>;

/**
 * Field messages from the shared zod schema, keyed by dotted path, the first per field. Generic messages already
 * come in the UI language (see initI18n); a schema's own German text is translated here.
 */
export function zodFieldErrors(error: z.ZodError): FlatErrors {
  const lang = uiLang();
  const out: FlatErrors = {};
  for (const issue of error.issues) {
    out[issue.path.map(String).join('.')] ??= translateMessage(issue.message, lang);
  }
  return out;
}

/**
 * The server's field messages of a failed call (already in the UI language), by field path; null when the failure
 * is not about fields, so the form shows it as a whole.
 */
export function serverFieldErrors(err: unknown): FlatErrors | null {
  const fields = err instanceof ApiError ? err.error.details?.fields : undefined;
  return fields?.length ? Object.fromEntries(fields.map((f) => [f.path, f.message])) : null;
}

/** The value at a dotted path, undefined where the path leads nowhere. */
function valueAt(values: unknown, path: string): unknown {
  let at: unknown = values;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Splits messages into those of a field the form has (the path, renamed by `fieldOf`, leads to a value) and the
 * rest, which no field could show and so belong in the form's message bar. Several messages on one field keep the
 * first.
 */
export function splitErrors(
  flat: FlatErrors,
  values: FieldValues,
  fieldOf: (path: string) => string,
): { fields: FlatErrors; rest: string[] } {
  const fields: FlatErrors = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(flat)) {
    const field = fieldOf(path);
    if (field !== '' && valueAt(values, field) !== undefined) fields[field] ??= message;
    else rest.push(message);
  }
  return { fields, rest };
}

/**
 * Flat messages as react-hook-form's nested errors (rows of a list as arrays), the shape a resolver returns, so
 * useFieldArray moves a row's messages along when a row is removed.
 */
export function nestErrors<T extends FieldValues>(flat: FlatErrors, type = 'validation'): FieldErrors<T> {
  const root: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split('.');
    let at = root;
    keys.slice(0, -1).forEach((key, i) => {
      at[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
      at = at[key] as Record<string, unknown>;
    });
    at[keys.at(-1)!] = { type, message } satisfies FieldError;
  }
  return root as FieldErrors<T>;
}

/** The message of one field in react-hook-form's nested errors, by dotted path. */
export function messageAt(errors: FieldErrors, path: string): string | undefined {
  const found = valueAt(errors, path) as FieldError | undefined;
  return typeof found?.message === 'string' ? found.message : undefined;
}

/**
 * react-hook-form's nested errors as flat messages by dotted path, with `prefix.` taken off the paths under it (a
 * part of the form, such as the entry characteristics, that shows its own fields' messages).
 */
export function flatMessages(errors: FieldErrors, prefix = ''): FlatErrors {
  const out: FlatErrors = {};
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object') return;
    const message = (node as FieldError).message;
    if (typeof message === 'string' && path !== '') out[path] = message;
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'ref' && key !== 'message' && key !== 'type' && key !== 'types') walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(prefix ? valueAt(errors, prefix) : errors, '');
  return out;
}
