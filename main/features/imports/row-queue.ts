import type { ParsedRow } from '../../excel/import/table.js';

/**
 * Accepted rows handed from the reading side to the writing side in batches. The reader never waits for the
 * writer; the writer waits only when it has caught up with the reader.
 */
export class RowQueue {
  private batches: ParsedRow[][] = [];
  private current: ParsedRow[] = [];
  private done = false;
  private error: unknown = null;
  private wake: (() => void) | null = null;

  constructor(private readonly size: number) {}

  push(row: ParsedRow): void {
    this.current.push(row);
    if (this.current.length >= this.size) {
      this.batches.push(this.current);
      this.current = [];
      this.signal();
    }
  }

  end(): void {
    if (this.current.length > 0) this.batches.push(this.current);
    this.current = [];
    this.done = true;
    this.signal();
  }

  fail(err: unknown): void {
    this.error = err;
    this.done = true;
    this.signal();
  }

  async next(): Promise<ParsedRow[] | null> {
    for (;;) {
      if (this.error !== null) throw this.error;
      const batch = this.batches.shift();
      if (batch) return batch;
      if (this.done) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
