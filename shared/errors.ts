/**
 * Error codes every transport understands. The renderer shows `message` (German); `messageEn` serves
 * logs and English UI. `details` carries field-level issues so forms can mark the right field.
 */
export const errorCodes = [
  'validation',
  'unknown_procedure',
  'not_found',
  'conflict',
  'duplicate',
  'quota_exceeded',
  'not_eligible',
  'forbidden',
  'unsupported_format',
  'password_protected',
  'corrupt_file',
  'not_a_spreadsheet',
  'empty_file',
  'no_data_rows',
  'too_large',
  'not_a_file',
  'file_too_complex',
  'cancelled',
  'not_a_lotse_database',
  'schema_too_new',
  'program_running',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** dotted path of the field, e.g. "birthDate" or "communes.2.slots" */
  path: string;
  message: string;
  /** the same in English, for the English UI */
  messageEn?: string;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  messageEn?: string;
  details?: { fields?: FieldIssue[]; [key: string]: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string | undefined;
  readonly details: SerializedError['details'];

  constructor(code: ErrorCode, message: string, messageEn?: string, details?: SerializedError['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.messageEn = messageEn;
    this.details = details;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, messageEn: this.messageEn, details: this.details };
  }
}

export function isSerializedError(value: unknown): value is SerializedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
