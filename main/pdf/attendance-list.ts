import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { type AttendanceListData } from '../excel/export/attendance-list.js';
import { germanDate } from '../../shared/domain/dates.js';
import { wrapText } from './pdf.js';

const require = createRequire(import.meta.url);

/** DejaVu Sans covers every letter of the names we meet (Arabic transliterations, Turkish, Cyrillic). */
function fontBytes(): Buffer {
  return fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
}

const A4: [number, number] = [595.28, 841.89];
const margin = 40;
const rowHeight = 26;
const cols = [
  { title: 'Nr.', width: 32 },
  { title: 'Name', width: 140 },
  { title: 'Vorname', width: 120 },
  { title: 'Geburtsdatum', width: 80 },
  { title: 'Unterschrift', width: 143 },
];

function fit(font: PDFFont, text: string, size: number, width: number): string {
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(t, size) > width - 6) t = t.slice(0, -1);
  return t === text ? t : `${t.slice(0, -1)}…`;
}

/** Writes the attendance/signature list as an A4 PDF with a signature column; the header repeats per page. */
export async function writeAttendanceListPdf(data: AttendanceListData, file: string): Promise<void> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes(), { subset: true });
  doc.setTitle(`Teilnehmerliste ${data.title}`);
  doc.setCreator('Lotse');

  let page: PDFPage = doc.addPage(A4);
  let y = 0;
  // a long fair title wraps instead of being cut (the signed list must name the event in full); the rows per page
  // follow from the height the heading then takes
  const titleLines = wrapText(font, `Teilnehmerliste – ${data.kindLabel}: ${data.title}`, 14, A4[0] - 2 * margin);
  const programLines = wrapText(font, data.program, 10, A4[0] - 2 * margin);
  const headingHeight = 18 * titleLines.length + 16 + 14 * programLines.length + 20 + rowHeight;
  const perPage = Math.max(1, Math.floor((A4[1] - 2 * margin - headingHeight) / rowHeight));
  const total = Math.max(1, Math.ceil(data.rows.length / perPage));
  let pageNo = 0;

  const startPage = () => {
    if (pageNo > 0) page = doc.addPage(A4);
    pageNo++;
    y = A4[1] - margin;
    for (const line of titleLines) {
      page.drawText(line, { x: margin, y: y - 14, size: 14, font });
      y -= 18;
    }
    y -= 16;
    for (const line of programLines) {
      page.drawText(line, { x: margin, y, size: 10, font });
      y -= 14;
    }
    page.drawText(`Datum: ${germanDate(data.date)}${data.place ? `    Ort: ${data.place}` : ''}`, { x: margin, y, size: 10, font });
    page.drawText(`Seite ${pageNo} von ${total}`, { x: A4[0] - margin - 70, y, size: 9, font });
    y -= 20;
    drawRow(cols.map((c) => c.title), true);
  };

  const drawRow = (cells: string[], header = false) => {
    let x = margin;
    cells.forEach((text, i) => {
      const w = cols[i]!.width;
      page.drawRectangle({ x, y: y - rowHeight, width: w, height: rowHeight, borderColor: rgb(0, 0, 0), borderWidth: 0.6, color: header ? rgb(0.92, 0.92, 0.92) : undefined });
      page.drawText(fit(font, text, 10, w), { x: x + 3, y: y - rowHeight + 9, size: 10, font });
      x += w;
    });
    y -= rowHeight;
  };

  startPage();
  data.rows.forEach((r, i) => {
    if (i > 0 && i % perPage === 0) startPage();
    drawRow([String(i + 1), r.lastName, r.firstName, germanDate(r.birthDate), '']);
  });
  fs.writeFileSync(file, await doc.save());
}
