import { ElementPieces } from './elements.js';
import { isNameEnd } from './xml-text.js';

/** The namespace prefixes a content.xml binds ("table:", "text:", "office:" in every file LibreOffice writes). */
export interface OdsPrefixes {
  table: string;
  text: string;
  office: string;
}

export interface OdsScanHandlers {
  /** the start tag of a <table:table> (a sheet), in document order */
  table: (tag: string) => void;
  /** one complete <table:table-row> element */
  row: (el: string) => void;
  maxChars: number;
  tooLong: () => Error;
}

/**
 * Finds, in a stream of text chunks of an OpenDocument content.xml, each table's start tag and each complete row
 * element, in linear time like the .xlsx reader's element scanner: every character is searched once (plus a carry
 * of a few characters across chunk boundaries), and a row spanning chunks is kept in pieces and joined once. A tag
 * or row longer than `maxChars` stops the scan before it is held. Other elements (columns, row groups, header
 * rows) are passed over; the rows inside a group are found all the same.
 */
export class OdsContentScanner {
  private readonly open: string;
  private readonly rowClose: string;
  private carry = '';
  private readonly element: ElementPieces;
  private state: 'seek' | 'tag' | 'body' = 'seek';
  private kind: 'table' | 'row' = 'row';

  constructor(
    p: OdsPrefixes,
    private readonly h: OdsScanHandlers,
  ) {
    this.element = new ElementPieces(h.maxChars, () => h.tooLong());
    this.open = `<${p.table}table`;
    this.rowClose = `</${p.table}table-row>`;
  }

  /** True while a tag or row is open: at the end of the stream that means it was cut off. */
  get unfinished(): boolean {
    return this.state !== 'seek';
  }

  write(chunk: string): void {
    const text = this.carry + chunk;
    this.carry = '';
    let start = 0;
    let i = 0;
    for (;;) {
      if (this.state === 'seek') {
        const s = text.indexOf(this.open, i);
        // "-row" and one more character decide what the element is
        const need = this.open.length + 5;
        if (s < 0 || s + need > text.length) {
          this.carry = text.slice(s < 0 ? Math.max(i, text.length - need) : s);
          return;
        }
        i = s + this.open.length;
        if (isNameEnd(text[i])) this.kind = 'table';
        else if (text.startsWith('-row', i) && isNameEnd(text[i + 4])) this.kind = 'row';
        else continue;
        start = s;
        this.state = 'tag';
      }
      if (this.state === 'tag') {
        const gt = text.indexOf('>', i);
        if (gt < 0) return this.hold(text, start, 1);
        i = gt + 1;
        // a table's start tag is all that is wanted of it; a self-closing row is complete
        if (this.kind === 'table' || text[gt - 1] === '/') {
          this.emit(text, start, i);
          continue;
        }
        this.state = 'body';
      }
      const c = text.indexOf(this.rowClose, i);
      if (c < 0) return this.hold(text, start, this.rowClose.length - 1);
      i = c + this.rowClose.length;
      this.emit(text, start, i);
    }
  }

  private hold(text: string, start: number, keep: number): void {
    this.carry = this.element.hold(text, start, keep);
  }

  private emit(text: string, start: number, end: number): void {
    const el = this.element.take(text, start, end);
    this.state = 'seek';
    if (this.kind === 'table') this.h.table(el);
    else this.h.row(el);
  }
}
