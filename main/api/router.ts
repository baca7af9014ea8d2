import { ZodError, type z } from 'zod';
import {
  contract,
  isProcedureName,
  type Contract,
  type ParsedInputOf,
  type ProcedureName,
} from '../../shared/contract/index.js';
import { translateMessage, englishOfIssue } from '../../shared/domain/validation-messages.js';
import { AppError, type FieldIssue, type SerializedError } from '../../shared/errors.js';
import { describeDbError } from '../db/engine/errors.js';
import type { AppContext } from './context.js';

export interface CallMeta {
  /** id of a long job, so it can report progress and be cancelled */
  jobId?: string;
}

/** One handler per procedure; a missing or mistyped handler is a compile error. */
export type Handlers = {
  [N in ProcedureName]: (
    input: ParsedInputOf<N>,
    ctx: AppContext,
    meta: CallMeta,
  ) => Promise<z.input<Contract[N]['output']>>;
};

export type CallResult = { ok: true; data: unknown } | { ok: false; error: SerializedError };

function fieldIssues(err: ZodError): FieldIssue[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, messageEn: englishOfIssue(i) }));
}

/** A service's field messages are German; the English UI gets their English where one is known. */
function withEnglishFields(error: SerializedError): SerializedError {
  const fields = error.details?.fields;
  if (!fields) return error;
  const english = fields.map((f) => ({ ...f, messageEn: f.messageEn ?? translateMessage(f.message, 'en') }));
  return { ...error, details: { ...error.details, fields: english } };
}

/** Turns anything thrown into the one error shape users see: specific, German, never a stack trace. */
export function toSerializedError(err: unknown): SerializedError {
  if (err instanceof AppError) return withEnglishFields(err.toJSON());
  if (err instanceof ZodError) {
    const fields = fieldIssues(err);
    const first = fields[0];
    const where = first?.path ? `${first.path}: ` : '';
    return {
      code: 'validation',
      message: first ? `Eingabe ungültig: ${where}${first.message}` : 'Eingabe ungültig',
      messageEn: first ? `Invalid input: ${where}${first.messageEn}` : 'Invalid input',
      details: { fields },
    };
  }
  const meaning = describeDbError(err);
  if (meaning) return meaning;
  // the raw text goes to the log (see createRouter), never to a user in either language
  return { code: 'internal', message: 'Interner Fehler. Der Vorgang wurde nicht ausgeführt.', messageEn: 'Internal error. Nothing was done.' };
}

export interface Router {
  call(name: string, input: unknown, meta?: CallMeta): Promise<CallResult>;
}

/**
 * The single entry point of both transports: checks the name, validates input with the contract's schema,
 * runs the handler and validates its output (which also strips any column a handler leaked by mistake).
 */
export function createRouter(handlers: Handlers, ctx: AppContext, log: (line: string) => void = () => {}): Router {
  return {
    async call(name, input, meta = {}) {
      if (!isProcedureName(name)) {
        return {
          ok: false,
          error: {
            code: 'unknown_procedure',
            message: `Unbekannte Funktion "${name}".`,
            messageEn: `Unknown procedure "${name}".`,
          },
        };
      }
      const proc = contract[name];
      try {
        const parsed: unknown = proc.input.parse(input ?? undefined);
        const handler = handlers[name] as (i: unknown, c: AppContext, m: CallMeta) => Promise<unknown>;
        const result = await handler(parsed, ctx, meta);
        return { ok: true, data: proc.output.parse(result) };
      } catch (err) {
        const serialized = toSerializedError(err);
        // never log inputs: they may hold personal data; the procedure name and error code are enough
        if (serialized.code === 'internal') log(`[${name}] internal error: ${(err as Error)?.stack ?? String(err)}`);
        return { ok: false, error: serialized };
      }
    },
  };
}
