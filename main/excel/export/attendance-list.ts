import ExcelJS from 'exceljs';
import { germanDate } from '../../../shared/domain/dates.js';

/** What a named attendance/signature list shows: the one place Lotse prints names. */
export interface AttendanceListData {
  /** e.g. "Firmenkontaktbörse" or "Seminar" */
  kindLabel: string;
  title: string;
  /** ISO date */
  date: string;
  place: string | null;
  program: string;
  rows: { lastName: string; firstName: string; birthDate: string | null }[];
}

/** A cell text starting with = + - @ would run as a formula in Excel; a leading apostrophe keeps it text. */
function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Writes the attendance/signature list as an .xlsx file, printable on A4 portrait with repeated header row. */
export async function writeAttendanceListXlsx(data: AttendanceListData, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lotse';
  const ws = wb.addWorksheet('Teilnehmerliste', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' },
  });
  ws.columns = [{ width: 6 }, { width: 26 }, { width: 22 }, { width: 14 }, { width: 34 }];
  ws.getCell('A1').value = safe(`Teilnehmerliste – ${data.kindLabel}: ${data.title}`);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = safe(`${data.program}`);
  ws.getCell('A3').value = safe(`Datum: ${germanDate(data.date)}${data.place ? `   Ort: ${data.place}` : ''}`);
  const header = ws.getRow(5);
  header.values = ['Nr.', 'Name', 'Vorname', 'Geburtsdatum', 'Unterschrift'];
  header.font = { bold: true };
  data.rows.forEach((r, i) => {
    const row = ws.getRow(6 + i);
    row.values = [i + 1, safe(r.lastName), safe(r.firstName), r.birthDate ? germanDate(r.birthDate) : '', ''];
    row.height = 26;
  });
  for (let r = 5; r < 6 + data.rows.length; r++) {
    for (let c = 1; c <= 5; c++) {
      ws.getRow(r).getCell(c).border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  await wb.xlsx.writeFile(file);
}
