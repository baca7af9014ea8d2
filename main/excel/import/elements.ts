/**
 * Finds every complete `<tag …/>` or `<tag …>…</tag>` element in a stream of text chunks, in linear time: each
 * character is searched once (plus a carry of a few characters across chunk boundaries), and an element that
 * spans chunks is kept as a list of pieces and joined once it is complete — never re-searched from its start.
 * An element longer than `maxChars` stops the scan through `tooLong` before it is held in memory.
 */
export interface ElementHandlers {
  /** the opening name with any namespace prefix ("x:row"), decided from the first chunk */
  tag: (first: string) => string;
  each: (el: string) => void;
  maxChars: number;
  tooLong: () => Error;
}

const isNameEnd = (ch: string | undefined) => ch === ' ' || ch === '>' || ch === '/' || ch === '\t' || ch === '\n' || ch === '\r';

export class ElementScanner {
  private open = '';
  private close = '';
  /** the end of the previous chunk that may begin a tag continued in the next one */
  private carry = '';
  /** the element being read, while it spans chunks */
  private readonly element: ElementPieces;
  private state: 'seek' | 'tag' | 'body' = 'seek';
  /** count of complete elements */
  count = 0;

  constructor(private readonly h: ElementHandlers) {
    this.element = new ElementPieces(h.maxChars, () => h.tooLong());
  }

  write(chunk: string): void {
    if (!this.open) {
      this.open = `<${this.h.tag(chunk)}`;
      this.close = `</${this.open.slice(1)}>`;
    }
    const text = this.carry + chunk;
    this.carry = '';
    // where the element being read begins in `text` (0 when it began in an earlier chunk)
    let start = 0;
    let i = 0;
    for (;;) {
      if (this.state === 'seek') {
        const s = text.indexOf(this.open, i);
        if (s < 0 || s + this.open.length >= text.length) {
          // too close to the end to tell: keep what could be the start of the tag
          this.carry = text.slice(s < 0 ? Math.max(i, text.length - this.open.length) : s);
          return;
        }
        i = s + this.open.length;
        if (!isNameEnd(text[i])) continue;
        start = s;
        this.state = 'tag';
      }
      if (this.state === 'tag') {
        const gt = text.indexOf('>', i);
        if (gt < 0) return this.hold(text, start, 1);
        i = gt + 1;
        // a '>' at 0 always follows a carried character, so the one before it is in `text`
        if (text[gt - 1] === '/') {
          this.emit(text, start, i);
          continue;
        }
        this.state = 'body';
      }
      const c = text.indexOf(this.close, i);
      if (c < 0) return this.hold(text, start, this.close.length - 1);
      i = c + this.close.length;
      this.emit(text, start, i);
    }
  }

  /** True while an element is open: at the end of the stream that means it was cut off. */
  get unfinished(): boolean {
    return this.state !== 'seek';
  }

  private hold(text: string, start: number, keep: number): void {
    this.carry = this.element.hold(text, start, keep);
  }

  private emit(text: string, start: number, end: number): void {
    const el = this.element.take(text, start, end);
    this.state = 'seek';
    this.count++;
    this.h.each(el);
  }
}

/**
 * The element being read while it spans chunks (for the .xlsx and the .ods scanner): its earlier pieces, joined
 * once when it is complete; longer than `maxChars`, it stops the scan through `tooLong` before it is held.
 */
export class ElementPieces {
  private pieces: string[] = [];
  private held = 0;

  constructor(
    private readonly maxChars: number,
    private readonly tooLong: () => Error,
  ) {}

  /** Keeps `text` from `start` except its last `keep` characters, which it returns for the next chunk to carry. */
  hold(text: string, start: number, keep: number): string {
    const cut = Math.max(start, text.length - keep);
    this.held += cut - start;
    if (this.held + (text.length - cut) > this.maxChars) throw this.tooLong();
    if (cut > start) this.pieces.push(text.slice(start, cut));
    return text.slice(cut);
  }

  /** The complete element: the pieces held so far and `text` from `start` to `end`. */
  take(text: string, start: number, end: number): string {
    if (this.held + end - start > this.maxChars) throw this.tooLong();
    const tail = text.slice(start, end);
    const el = this.pieces.length ? this.pieces.join('') + tail : tail;
    this.pieces = [];
    this.held = 0;
    return el;
  }
}

/** Runs a scanner over a stream of chunks; `after` runs after each chunk (progress reports). */
export async function eachElement(chunks: AsyncIterable<string>, h: ElementHandlers, after?: () => void): Promise<ElementScanner> {
  const scanner = new ElementScanner(h);
  for await (const chunk of chunks) {
    scanner.write(chunk);
    after?.();
  }
  return scanner;
}
