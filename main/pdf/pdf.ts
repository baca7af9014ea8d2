import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A small page writer over pdf-lib for Lotse's printable documents (certificates, lists). It embeds DejaVu Sans,
 * which covers Latin Extended (ä ö ü ß, Ḥ ā ğ ş ...) so Arabic-, Turkish- and Kurdish-origin names print as
 * written; the 14 standard PDF fonts only know WinAnsi.
 */

const require = createRequire(import.meta.url);

/** Folder of the DejaVu TTF files; LOTSE_FONT_DIR overrides it for packaged builds. */
export function fontDir(): string {
  if (process.env.LOTSE_FONT_DIR) return process.env.LOTSE_FONT_DIR;
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

const fontCache = new Map<string, Buffer>();
function fontBytes(file: string): Buffer {
  let bytes = fontCache.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(fontDir(), file));
    fontCache.set(file, bytes);
  }
  return bytes;
}

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  gray?: boolean;
}

/** A cell of PdfWriter.row: its text, width in points, alignment and weight. */
export interface TableCell {
  text: string;
  width: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

/** Where PdfWriter.row put a line of a cell, in points: what layout tests check against the cell's edges. */
export interface DrawnLine {
  cell: number;
  text: string;
  x: number;
  width: number;
  cellLeft: number;
  cellRight: number;
}

/** A word wider than the width, cut into pieces that fit (a long site name must not run into the next column). */
function pieces(word: string, width: number, font: PDFFont, size: number): string[] {
  if (font.widthOfTextAtSize(word, size) <= width) return [word];
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && font.widthOfTextAtSize(piece + ch, size) > width) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece !== '') out.push(piece);
  return out;
}

/** Splits text into lines that fit the width (words kept whole where they fit); line breaks start new lines. */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    const words = paragraph
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => pieces(w, width, font, size));
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/** Writes lines top to bottom with word wrapping and page breaks; all measures in PDF points. */
export class PdfWriter {
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly margin: number;
  page: PDFPage;
  y: number;

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont, margin: number) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.margin = margin;
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - margin;
  }

  /** A new A4 document with DejaVu Sans (regular and bold) embedded as subsets. */
  static async create(meta: { title: string; author?: string; language?: string }, margin = 64): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const regular = await doc.embedFont(fontBytes('DejaVuSans.ttf'), { subset: true });
    const bold = await doc.embedFont(fontBytes('DejaVuSans-Bold.ttf'), { subset: true });
    doc.setTitle(meta.title);
    doc.setAuthor(meta.author ?? 'Lotse');
    doc.setCreator('Lotse');
    doc.setProducer('Lotse');
    doc.setLanguage(meta.language ?? 'de-DE');
    // fixed dates keep the output reproducible for the same data
    doc.setCreationDate(new Date(Date.UTC(2000, 0, 1)));
    doc.setModificationDate(new Date(Date.UTC(2000, 0, 1)));
    return new PdfWriter(doc, regular, bold, margin);
  }

  get contentWidth(): number {
    return A4.width - 2 * this.margin;
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  /** Splits text into lines that fit the width; a single word too wide for it is cut. */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    return wrapText(this.font(style), text, style.size ?? 11, width);
  }

  private ensureRoom(height: number): void {
    if (this.y - height < this.margin) {
      this.page = this.doc.addPage([A4.width, A4.height]);
      this.y = A4.height - this.margin;
    }
  }

  /** A wrapped paragraph at the cursor. */
  text(text: string, style: TextStyle = {}, x = this.margin, width = this.contentWidth): void {
    const size = style.size ?? 11;
    const lineHeight = size * 1.35;
    for (const line of this.wrap(text, width, style)) {
      this.ensureRoom(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x,
        y: this.y + (lineHeight - size) / 2,
        size,
        font: this.font(style),
        color: style.gray ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
      });
    }
  }

  /**
   * Label and value side by side, each wrapped in its own column (a long bilingual label such as "Geleistete
   * Stunden / Hours worked" breaks inside the label column instead of running into the value).
   */
  field(label: string, value: string, labelWidth = 170, style: TextStyle = {}): void {
    const gap = 8;
    void this.row(
      [
        { text: label, width: labelWidth - gap, bold: true },
        { text: value, width: this.contentWidth - labelWidth },
      ],
      style,
      gap,
    );
  }

  /**
   * One table row: each cell's text wrapped within its width (numbers may align right); the row is as tall as its
   * tallest cell and moves to a new page as a whole.
   */
  row(cells: TableCell[], style: TextStyle = {}, gap = 4): DrawnLine[] {
    const size = style.size ?? 11;
    const lineHeight = size * 1.35;
    const wrapped = cells.map((c) => this.wrap(c.text, c.width, { ...style, bold: c.bold ?? style.bold }));
    const height = lineHeight * Math.max(1, ...wrapped.map((l) => l.length));
    this.ensureRoom(height);
    const top = this.y;
    let x = this.margin;
    const drawn: DrawnLine[] = [];
    cells.forEach((c, i) => {
      const font = this.font({ bold: c.bold ?? style.bold });
      wrapped[i]!.forEach((line, n) => {
        const width = font.widthOfTextAtSize(line, size);
        const dx = c.align === 'right' ? c.width - width : 0;
        drawn.push({ cell: i, text: line, x: x + dx, width, cellLeft: x, cellRight: x + c.width });
        this.page.drawText(line, {
          x: x + dx,
          y: top - lineHeight * (n + 1) + (lineHeight - size) / 2,
          size,
          font,
          color: style.gray ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
        });
      });
      x += c.width + gap;
    });
    this.y = top - height;
    return drawn;
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A horizontal line from x over width (e.g. a signature line). */
  rule(x = this.margin, width = this.contentWidth): void {
    this.ensureRoom(2);
    this.page.drawLine({ start: { x, y: this.y }, end: { x: x + width, y: this.y }, thickness: 0.7, color: rgb(0, 0, 0) });
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false });
  }
}
