import type { z } from 'zod';
import { translateMessage } from '../../../shared/domain/validation-messages.js';
import { uiLang } from '../i18n/lang.js';
import { ApiError } from '../api/client.js';

/**
 * Field messages from the shared zod schema, keyed by dotted path, for a form to show beside each field. Generic
 * messages already come in the UI language (see initI18n); a schema's own German text is translated here.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const lang = uiLang();
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    out[key] ??= translateMessage(issue.message, lang);
  }
  return out;
}

/**
 * Field messages after row `index` of the list at `prefix` (e.g. "communes") was removed: that row's messages go
 * and later rows' move up one, so a message never lands on the row that took the removed one's place.
 */
export function withoutRow(errors: Record<string, string>, prefix: string, index: number): Record<string, string> {
  const out: Record<string, string> = {};
  const row = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)(\\..*)?$`);
  for (const [key, message] of Object.entries(errors)) {
    const m = row.exec(key);
    if (!m) out[key] = message;
    else if (Number(m[1]) > index) out[`${prefix}.${Number(m[1]) - 1}${m[2] ?? ''}`] = message;
    else if (Number(m[1]) < index) out[key] = message;
  }
  return out;
}

/**
 * The server's field messages of a failed call (already in the UI language), by field path; null when the failure
 * is not about fields, so the caller shows it as a whole.
 */
export function serverFieldErrors(err: unknown): Record<string, string> | null {
  const fields = err instanceof ApiError ? err.error.details?.fields : undefined;
  return fields?.length ? Object.fromEntries(fields.map((f) => [f.path, f.message])) : null;
}
