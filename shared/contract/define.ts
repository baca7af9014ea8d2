import type { z } from 'zod';

/** One callable procedure: validated input, validated output, documented once for both transports. */
export interface Procedure<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** long-running procedures emit progress events and accept a jobId for cancellation */
  job?: boolean;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(p: Procedure<I, O>): Procedure<I, O> {
  return p;
}

/** Progress of a long job as sent over `on('progress', ...)`. */
export interface ProgressEvent {
  jobId: string;
  phase: string;
  done: number;
  total: number;
}
