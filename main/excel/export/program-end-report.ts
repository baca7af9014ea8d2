import type ExcelJS from 'exceljs';
import type { FinanceReport } from './finance-data.js';
import { addFinanceSheets } from './finance-sheets.js';
import { columnLetter, createWorkbook, excelDate, formats, setText as setTextCell } from './workbook.js';
import type { EsfPlusIndicator, Figures, Finding, ReportKind, ReportSection, ReportText } from '../../../shared/domain/reports.js';
import { germanDate } from '../../../shared/domain/dates.js';

/**
 * The program-end report (Verwendungsnachweis, zahlenmäßiger Teil + Sachbericht) and the interim report
 * (Zwischennachweis: the same workbook for one budget year). Pure: it gets the figures the dashboard shows and
 * writes them; it never queries, so the report and the dashboard cannot disagree.
 * Formats, dates and safe text cells come from the shared workbook helper (workbook.ts); the sheets here are laid
 * out by hand because they hold several small tables with sum rows rather than one list.
 */

export interface SuccessStory {
  /** first name only: the report carries no surnames */
  firstName: string;
  title: string;
  text: string;
}

export interface ProgramEndReportData {
  kind: ReportKind;
  program: {
    name: string;
    operator: string | null;
    funder: string | null;
    fundingGuideline: string | null;
    grantReference: string | null;
    startDate: string;
    endDate: string | null;
  };
  figures: Figures;
  /** checks before export; when any exist the workbook carries the sheet "Prüfhinweise" */
  findings: Finding[];
  /** date of the data ("Stand"), YYYY-MM-DD */
  stand: string;
  texts: ReportText[];
  stories: SuccessStory[];
  /** the ESF Plus common output indicators; null for a program not funded by ESF Plus (no sheet) */
  esfPlus: EsfPlusIndicator[] | null;
  /** creation time written into the document properties; fixed by callers that compare workbooks */
  created: Date;
  /** the zahlenmäßiger Nachweis; null for a program without a financing plan (then no money sheets) */
  finance: FinanceReport | null;
}

export const sheetNames = {
  title: 'Deckblatt',
  overview: 'Übersicht',
  targets: 'Ziele',
  findings: 'Prüfhinweise',
  people: 'Teilnehmende nach Merkmalen',
  esfPlus: 'ESF Plus Indikatoren',
  communes: 'Kommunen und AGH',
  activities: 'Aktivitäten',
  fairs: 'Firmenkontaktbörsen',
  outcomes: 'Ergebnisse',
  network: 'Netzwerk',
  narrative: 'Sachbericht',
} as const;

export const sectionTitles: Record<ReportSection, string> = {
  ausgangslage: 'Ausgangslage und Ziele',
  umsetzung: 'Umsetzung und Aktivitäten',
  ergebnisse: 'Ergebnisse und Wirkung',
  netzwerk: 'Zusammenarbeit im Netzwerk',
  abweichungen: 'Abweichungen und Schwierigkeiten',
  ausblick: 'Ausblick',
};

const FMT = {
  int: formats.integer,
  hours: formats.hours,
  euro: formats.euro,
  date: formats.date,
  month: 'mm.yyyy',
  percent: formats.percent,
  text: formats.text,
};

// ---------- private helpers (German formats, safe text, headers, sums) ----------


/** User text (program names, Sachbericht, stories) as a text cell that can never become a formula. */
function setText(cell: ExcelJS.Cell, text: string | null | undefined): void {
  setTextCell(cell, text ?? '');
}

function setNumber(cell: ExcelJS.Cell, n: number, fmt: string = FMT.int): void {
  cell.value = n;
  cell.numFmt = fmt;
}

interface Column {
  header: string;
  width: number;
  fmt?: string;
  /** header written bottom to top, so a count column can be narrower than its header */
  upright?: boolean;
}

/** Points: room for a header word of about 20 characters ("Ausbildungsvertrag" in bold), bottom to top. */
const uprightHeaderHeight = 130;

/**
 * Bold, frozen header row with autofilter; column widths that fit German headers and values. A column marked
 * `upright` keeps its own narrow width and its header runs bottom to top in a tall header row: a table of many
 * count columns then prints at a readable size when fitted to the page width.
 */
function table(ws: ExcelJS.Worksheet, columns: Column[], headerRow = 1): void {
  ws.columns = columns.map((c) => ({ width: c.upright ? c.width : Math.max(c.width, c.header.length + 2) }));
  if (columns.some((c) => c.upright)) ws.getRow(headerRow).height = uprightHeaderHeight;
  const row = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = c.upright ? { vertical: 'bottom', horizontal: 'center', wrapText: true, textRotation: 90 } : { vertical: 'middle', wrapText: true };
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
}

function finishSheet(ws: ExcelJS.Worksheet, lastColumn: number, lastRow: number, title: string, landscape = false): void {
  if (lastRow >= 1) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(lastRow, 1), column: lastColumn } };
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    printArea: `A1:${colLetter(lastColumn)}${Math.max(lastRow, 1)}`,
    margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: `&L${title.replace(/&/g, '&&')}`, oddFooter: '&LLotse&RSeite &P von &N' };
}

const colLetter = (n: number): string => columnLetter(n);

/** A SUM formula over rows [from, to] of a column, with its cached result (so viewers without recalculation agree). */
function setSum(cell: ExcelJS.Cell, column: number, from: number, to: number, result: number, fmt: string): void {
  cell.value = to >= from ? { formula: `SUM(${colLetter(column)}${from}:${colLetter(column)}${to})`, result } : 0;
  cell.numFmt = fmt;
  cell.font = { bold: true };
}

function boldRow(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { ...(c.font ?? {}), bold: true };
  });
}

const hours = (x100: number) => x100 / 100;
const euros = (cents: number) => cents / 100;
const monthDate = (month: string) => excelDate(`${month}-01`);

// ---------- the sheets ----------

/** The program has AGH work (places, placements or hours): only then the report shows AGH rows and sheets. */
export const hasAgh = (f: Figures) => f.agh.slots > 0 || f.agh.placements > 0 || f.agh.waiting > 0 || f.agh.hoursX100 > 0;
export const hasActivities = (f: Figures) => f.activities.some((a) => a.sessions > 0);
export const hasFairs = (f: Figures) => f.fairs.length > 0;

export const reportTitle = (kind: ReportKind) =>
  kind === 'program_end' ? 'Verwendungsnachweis (Programmende)' : 'Zwischennachweis';

type LabelRow = [string, string | number | Date | null, string?];

/** Label/value rows from row 2 on (row 1 is the header). */
function labelRows(ws: ExcelJS.Worksheet, rows: LabelRow[], first = 2): void {
  rows.forEach(([label, value, fmt], i) => {
    const r = ws.getRow(first + i);
    setText(r.getCell(1), label);
    const c = r.getCell(2);
    if (typeof value === 'string') setText(c, value);
    else if (value === null) c.value = null;
    else {
      c.value = value;
      if (fmt) c.numFmt = fmt;
    }
    c.alignment = { horizontal: 'left', wrapText: true };
  });
}

/** Title sheet: who reports what to whom, the period, the date of the data, and the signature block. */
function titleSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const ws = wb.addWorksheet(sheetNames.title);
  table(ws, [
    { header: reportTitle(d.kind), width: 34 },
    { header: '', width: 60 },
  ]);
  const rows: LabelRow[] = [
    ['Programm', d.program.name],
    ['Träger', d.program.operator ?? ''],
    ['Zuwendungsgeber', d.program.funder ?? ''],
    ['Förderrichtlinie', d.program.fundingGuideline ?? ''],
    ['Aktenzeichen', d.program.grantReference ?? ''],
    ['Berichtszeitraum', `${germanDate(d.figures.from)} – ${germanDate(d.figures.to)}`],
    ['Programmlaufzeit', `${germanDate(d.program.startDate)} – ${d.program.endDate ? germanDate(d.program.endDate) : 'offen'}`],
    ['Stand der Daten', excelDate(d.stand), FMT.date],
    // the UTC day of the export's instant, not the local one: a closed period gives the same cells in every time zone
    ['Erstellt am', excelDate(d.created.toISOString().slice(0, 10)), FMT.date],
    ['Prüfhinweise', d.findings.length === 0 ? 'keine' : `siehe Blatt „${sheetNames.findings}“ (${d.findings.length})`],
    ['', null],
    ['Ort', ''],
    ['Datum', ''],
    ['rechtsverbindliche Unterschrift', ''],
    ['Name, Funktion', ''],
  ];
  labelRows(ws, rows);
  // lines to sign on
  for (let i = rows.length - 3; i <= rows.length; i++) {
    const c = ws.getRow(i + 1).getCell(2);
    c.border = { bottom: { style: 'thin' } };
    ws.getRow(i + 1).height = 28;
  }
  finishSheet(ws, 2, 0, sheetNames.title);
}

function overviewSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const f = d.figures;
  const ws = wb.addWorksheet(sheetNames.overview);
  table(ws, [
    { header: 'Angabe', width: 52 },
    { header: 'Wert', width: 60 },
  ]);
  const rows: LabelRow[] = [
    ['Bericht', reportTitle(d.kind)],
    ['Programm', d.program.name],
    ['Berichtszeitraum von', excelDate(f.from), FMT.date],
    ['Berichtszeitraum bis', excelDate(f.to), FMT.date],
    ['Stand der Daten', excelDate(d.stand), FMT.date],
    ['Teilnehmende im Zeitraum', f.participants.total, FMT.int],
    ['davon eingetreten im Zeitraum', f.participants.entered, FMT.int],
    ['davon aktiv am Ende des Zeitraums', f.participants.active, FMT.int],
    ['abgeschlossen', f.participants.completed, FMT.int],
    ['abgebrochen', f.participants.dropped, FMT.int],
    ['ausgeschieden (abgeschlossen oder abgebrochen)', f.participants.exited, FMT.int],
    ['aufgenommen mit Ausnahme von der Fördervoraussetzung', f.participants.overrides, FMT.int],
  ];
  if (hasAgh(f)) {
    rows.push(
      ['AGH-Plätze (Kontingent)', f.agh.slots, FMT.int],
      ['AGH-Plätze belegt am Ende des Zeitraums', f.agh.filled, FMT.int],
      ['AGH-Einsätze im Zeitraum', f.agh.placements, FMT.int],
      ['Personen in AGH-Einsätzen', f.agh.people, FMT.int],
      ['AGH geleistete Stunden', hours(f.agh.hoursX100), FMT.hours],
      ['Aufwandsentschädigung', euros(f.agh.compensationCents), FMT.euro],
    );
  }
  if (hasActivities(f)) {
    rows.push(
      ['Veranstaltungen (Seminare, Coachings, Exkursionen)', f.activities.reduce((s, a) => s + a.sessions, 0), FMT.int],
      ['Anwesenheiten von Teilnehmenden', f.activities.reduce((s, a) => s + a.attendances, 0), FMT.int],
      ['Teilnehmendenstunden', f.activities.reduce((s, a) => s + a.participantMinutes, 0) / 60, FMT.hours],
    );
  }
  if (hasFairs(f)) {
    rows.push(
      ['Firmenkontaktbörsen', f.fairs.length, FMT.int],
      ['anwesende Teilnehmende (Summe über die Börsen)', f.fairs.reduce((s, x) => s + x.presentParticipants, 0), FMT.int],
      ['Besucher/-innen ohne Teilnahme (anwesend, Summe über die Börsen)', f.visitors.present, FMT.int],
      ['Kontakte auf Firmenkontaktbörsen', f.fairs.reduce((s, x) => s + x.contacts, 0), FMT.int],
    );
  }
  rows.push(
    ['Ausgeschiedene mit erfasstem Verbleib', f.outcomes.people, FMT.int],
    ['Ausgeschiedene mit Erfolg', f.outcomes.success.count, FMT.int],
    ['Erfolgsquote (Erfolg / Ausgeschiedene)', f.outcomes.success.rate, FMT.percent],
    ['Definition Erfolg', f.outcomes.success.definition],
    ['Netzwerk: Unternehmen', f.network.companies, FMT.int],
    ['Netzwerk: Kooperationspartner', f.network.partners, FMT.int],
    ['Arbeitgebende begleitet', f.network.employersSupported, FMT.int],
  );
  labelRows(ws, rows);
  finishSheet(ws, 2, rows.length + 1, sheetNames.overview);
}

/** Planned values of the grant decision (whole program) next to the figures of the period. */
function targetsSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const ws = wb.addWorksheet(sheetNames.targets);
  table(ws, [
    { header: 'Ziel', width: 36 },
    { header: 'geplant (Programmlaufzeit)', width: 18 },
    { header: 'erreicht im Zeitraum', width: 18 },
    { header: 'Anteil', width: 10 },
  ]);
  d.figures.targets.forEach((t, i) => {
    const r = ws.getRow(i + 2);
    setText(r.getCell(1), t.label);
    setNumber(r.getCell(2), t.planned);
    setNumber(r.getCell(3), t.actual);
    r.getCell(4).value = { formula: `IF(B${r.number}=0,"",C${r.number}/B${r.number})`, result: t.share ?? '' };
    r.getCell(4).numFmt = FMT.percent;
  });
  finishSheet(ws, 4, d.figures.targets.length + 1, sheetNames.targets);
}

/** What makes the figures doubtful (checks before export), each with its count. */
function findingsSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const ws = wb.addWorksheet(sheetNames.findings);
  table(ws, [
    { header: 'Prüfhinweis', width: 90 },
    { header: 'Anzahl', width: 10 },
    { header: 'Art', width: 14 },
  ]);
  d.findings.forEach((x, i) => {
    const r = ws.getRow(i + 2);
    setText(r.getCell(1), x.message);
    r.getCell(1).alignment = { wrapText: true };
    setNumber(r.getCell(2), x.count);
    setText(r.getCell(3), x.severity === 'info' ? 'Information' : 'Prüfen');
  });
  finishSheet(ws, 3, d.findings.length + 1, sheetNames.findings);
}

function peopleSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const f = d.figures;
  const ws = wb.addWorksheet(sheetNames.people);
  table(ws, [
    { header: 'Merkmal', width: 22 },
    { header: 'Ausprägung', width: 36 },
    { header: 'Anzahl', width: 10 },
  ]);
  const groups: Array<[string, typeof f.byGender]> = [
    ['Geschlecht', f.byGender],
    ['Altersgruppe (bei Eintritt)', f.byAgeGroup],
    ['Staatsangehörigkeit', f.byNationality],
    ['Wohnort (Kommune, bei Eintritt)', f.byCommune],
    ['Aufenthaltsstatus (Gruppe)', f.byResidenceGroup],
    ['Aufenthaltsstatus (wie erfasst)', f.byResidenceStatus],
    ['Deutschkenntnisse', f.byGermanLevel],
  ];
  let r = 2;
  for (const [name, rows] of groups) {
    const first = r;
    for (const row of rows) {
      const x = ws.getRow(r++);
      setText(x.getCell(1), name);
      setText(x.getCell(2), row.label);
      setNumber(x.getCell(3), row.count);
    }
    const sumRow = ws.getRow(r++);
    setText(sumRow.getCell(1), name);
    setText(sumRow.getCell(2), 'Summe');
    setSum(sumRow.getCell(3), 3, first, r - 2, rows.reduce((s, x) => s + x.count, 0), FMT.int);
    boldRow(sumRow);
  }
  finishSheet(ws, 3, r - 1, sheetNames.people);
}

/** The ESF Plus common output indicators at entry; an indicator Lotse does not record has no number, only its note. */
function esfPlusSheet(wb: ExcelJS.Workbook, indicators: EsfPlusIndicator[]): void {
  const ws = wb.addWorksheet(sheetNames.esfPlus);
  table(ws, [
    { header: 'Gruppe', width: 28 },
    { header: 'Indikator', width: 52 },
    { header: 'Anzahl', width: 10 },
    { header: 'Hinweis', width: 56 },
  ]);
  let r = 2;
  for (const x of indicators) {
    const row = ws.getRow(r++);
    setText(row.getCell(1), x.group);
    setText(row.getCell(2), x.label);
    if (x.count !== null) setNumber(row.getCell(3), x.count);
    setText(row.getCell(4), x.note);
  }
  finishSheet(ws, 4, r - 1, sheetNames.esfPlus, true);
}

function communesSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const f = d.figures;
  const ws = wb.addWorksheet(sheetNames.communes);
  table(ws, [
    { header: 'Kommune', width: 24 },
    { header: 'Teilnehmende (Wohnort)', width: 14 },
    { header: 'AGH-Plätze', width: 12 },
    { header: 'belegt', width: 10 },
    { header: 'frei', width: 10 },
    { header: 'wartend', width: 10 },
    { header: 'Einsätze im Zeitraum', width: 14 },
    { header: 'Stunden', width: 12 },
    { header: 'Aufwandsentschädigung', width: 18 },
  ]);
  let r = 2;
  for (const c of f.communes) {
    const x = ws.getRow(r++);
    setText(x.getCell(1), c.name);
    setNumber(x.getCell(2), c.participants);
    setNumber(x.getCell(3), c.slots);
    setNumber(x.getCell(4), c.filled);
    setNumber(x.getCell(5), Math.max(c.slots - c.filled, 0));
    setNumber(x.getCell(6), c.waiting);
    setNumber(x.getCell(7), c.placements);
    setNumber(x.getCell(8), hours(c.hoursX100), FMT.hours);
    setNumber(x.getCell(9), euros(c.compensationCents), FMT.euro);
  }
  const last = r - 1;
  const sum = ws.getRow(r++);
  setText(sum.getCell(1), 'Summe');
  const totals = [
    f.communes.reduce((s, c) => s + c.participants, 0),
    f.agh.slots,
    f.agh.filled,
    f.communes.reduce((s, c) => s + Math.max(c.slots - c.filled, 0), 0),
    f.agh.waiting,
    f.agh.placements,
  ];
  totals.forEach((t, i) => setSum(sum.getCell(i + 2), i + 2, 2, last, t, FMT.int));
  setSum(sum.getCell(8), 8, 2, last, hours(f.agh.hoursX100), FMT.hours);
  setSum(sum.getCell(9), 9, 2, last, euros(f.agh.compensationCents), FMT.euro);
  boldRow(sum);
  const tableEnd = r - 1;

  // hours and compensation per commune and month, below the commune table
  r += 1;
  const head = ws.getRow(r++);
  ['Kommune', 'Monat', 'Stunden', 'Aufwandsentschädigung'].forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).font = { bold: true };
    head.getCell(i + 1).border = { bottom: { style: 'thin' } };
  });
  const first = r;
  for (const m of f.communeMonths) {
    const x = ws.getRow(r++);
    setText(x.getCell(1), m.name);
    x.getCell(2).value = monthDate(m.month);
    x.getCell(2).numFmt = FMT.month;
    x.getCell(2).alignment = { horizontal: 'left' };
    setNumber(x.getCell(3), hours(m.hoursX100), FMT.hours);
    setNumber(x.getCell(4), euros(m.compensationCents), FMT.euro);
  }
  const msum = ws.getRow(r++);
  setText(msum.getCell(1), 'Summe');
  setSum(msum.getCell(3), 3, first, r - 2, hours(f.communeMonths.reduce((s, m) => s + m.hoursX100, 0)), FMT.hours);
  setSum(msum.getCell(4), 4, first, r - 2, euros(f.communeMonths.reduce((s, m) => s + m.compensationCents, 0)), FMT.euro);
  boldRow(msum);
  finishSheet(ws, 9, tableEnd, sheetNames.communes, true);
}

function activitiesSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const f = d.figures;
  const ws = wb.addWorksheet(sheetNames.activities);
  const labels = { seminar: 'Seminar', coaching: 'Einzelcoaching', exkursion: 'Exkursion' } as const;
  table(ws, [
    { header: 'Art', width: 18 },
    { header: 'Veranstaltungen', width: 16 },
    { header: 'Anwesenheiten', width: 16 },
    { header: 'erreichte Personen', width: 18 },
    { header: 'Teilnehmendenstunden', width: 20 },
  ]);
  let r = 2;
  for (const a of f.activities) {
    const x = ws.getRow(r++);
    setText(x.getCell(1), labels[a.kind]);
    setNumber(x.getCell(2), a.sessions);
    setNumber(x.getCell(3), a.attendances);
    setNumber(x.getCell(4), a.people ?? 0);
    setNumber(x.getCell(5), a.participantMinutes / 60, FMT.hours);
  }
  const sum = ws.getRow(r++);
  setText(sum.getCell(1), 'Summe');
  setSum(sum.getCell(2), 2, 2, r - 2, f.activities.reduce((s, a) => s + a.sessions, 0), FMT.int);
  setSum(sum.getCell(3), 3, 2, r - 2, f.activities.reduce((s, a) => s + a.attendances, 0), FMT.int);
  // people are counted per kind; one person in two kinds would be counted twice, so no sum here
  setSum(sum.getCell(5), 5, 2, r - 2, f.activities.reduce((s, a) => s + a.participantMinutes, 0) / 60, FMT.hours);
  boldRow(sum);
  finishSheet(ws, 5, r - 1, sheetNames.activities);
}

const contactColumns = [
  ['gespraech', 'Gespräch'],
  ['einladung', 'Einladung'],
  ['probetag', 'Probetag'],
  ['praktikum', 'Praktikum'],
  ['ausbildungsvertrag', 'Ausbildungsvertrag'],
  ['arbeitsvertrag', 'Arbeitsvertrag'],
] as const;

function fairsSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const f = d.figures;
  const ws = wb.addWorksheet(sheetNames.fairs);
  // 15 columns: narrow count columns under upright headers, so the sheet fitted to an A4 landscape page stays
  // readable (with every column as wide as its header it printed at about 40 %)
  const count = (header: string): Column => ({ header, width: 7, upright: true });
  const titleWidth = 40;
  const cols: Column[] = [
    { header: 'Datum', width: 11 },
    { header: 'Firmenkontaktbörse', width: titleWidth },
    count('Unternehmen'),
    count('angemeldet'),
    count('anwesend'),
    count('davon Teilnehmende'),
    count('davon Besucher/-innen ohne Teilnahme'),
    count('Kontakte'),
    ...contactColumns.map(([, label]) => count(`davon ${label}`)),
    count('spätere Ergebnisse'),
  ];
  table(ws, cols);
  let r = 2;
  for (const fair of f.fairs) {
    const x = ws.getRow(r++);
    x.getCell(1).value = excelDate(fair.date);
    x.getCell(1).numFmt = FMT.date;
    setText(x.getCell(2), fair.title);
    // a long title wraps in its cell rather than being cut off at the column's edge in print; the row is made tall
    // enough here, as neither Excel nor LibreOffice grows a row of a written file by itself
    x.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    x.height = 15 * Math.ceil(fair.title.length / (titleWidth - 4));
    setNumber(x.getCell(3), fair.companies);
    setNumber(x.getCell(4), fair.registered);
    setNumber(x.getCell(5), fair.present);
    setNumber(x.getCell(6), fair.presentParticipants);
    setNumber(x.getCell(7), fair.presentVisitors);
    setNumber(x.getCell(8), fair.contacts);
    contactColumns.forEach(([k], i) => setNumber(x.getCell(9 + i), fair.contactsByResult[k]));
    setNumber(x.getCell(9 + contactColumns.length), fair.laterResults);
  }
  const sum = ws.getRow(r++);
  setText(sum.getCell(2), 'Summe');
  const totals = [
    f.fairs.reduce((s, x) => s + x.companies, 0),
    f.fairs.reduce((s, x) => s + x.registered, 0),
    f.fairs.reduce((s, x) => s + x.present, 0),
    f.fairs.reduce((s, x) => s + x.presentParticipants, 0),
    f.fairs.reduce((s, x) => s + x.presentVisitors, 0),
    f.fairs.reduce((s, x) => s + x.contacts, 0),
    ...contactColumns.map(([k]) => f.fairs.reduce((s, x) => s + x.contactsByResult[k], 0)),
    f.fairs.reduce((s, x) => s + x.laterResults, 0),
  ];
  totals.forEach((t, i) => setSum(sum.getCell(i + 3), i + 3, 2, r - 2, t, FMT.int));
  boldRow(sum);
  finishSheet(ws, cols.length, r - 1, sheetNames.fairs, true);
}

function outcomesSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const f = d.figures;
  const ws = wb.addWorksheet(sheetNames.outcomes);
  table(ws, [
    { header: 'Verbleib der Ausgeschiedenen (erstes Ergebnis in dieser Reihenfolge)', width: 60 },
    { header: 'Personen', width: 12, fmt: FMT.int },
  ]);
  let r = 2;
  for (const o of f.outcomes.byKind) {
    const x = ws.getRow(r++);
    setText(x.getCell(1), o.label);
    setNumber(x.getCell(2), o.count);
  }
  const sum = ws.getRow(r++);
  setText(sum.getCell(1), 'Summe: Ausgeschiedene mit erfasstem Verbleib');
  setSum(sum.getCell(2), 2, 2, r - 2, f.outcomes.people, FMT.int);
  boldRow(sum);
  const tableEnd = r - 1;
  r += 1;
  const exited = ws.getRow(r++);
  setText(exited.getCell(1), 'Ausgeschiedene im Zeitraum');
  setNumber(exited.getCell(2), f.participants.exited);
  const success = ws.getRow(r++);
  setText(success.getCell(1), 'davon mit Erfolg');
  setNumber(success.getCell(2), f.outcomes.success.count);
  const rate = ws.getRow(r++);
  setText(rate.getCell(1), 'Erfolgsquote');
  rate.getCell(2).value = {
    formula: `IF(B${exited.number}=0,"",B${success.number}/B${exited.number})`,
    result: f.outcomes.success.rate ?? '',
  };
  rate.getCell(2).numFmt = FMT.percent;
  setText(rate.getCell(3), f.outcomes.success.definition);
  finishSheet(ws, 2, tableEnd, sheetNames.outcomes);
}

function networkSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const f = d.figures;
  const ws = wb.addWorksheet(sheetNames.network);
  table(ws, [
    { header: 'Art', width: 22 },
    { header: 'Kategorie', width: 36 },
    { header: 'Anzahl', width: 10 },
  ]);
  let r = 2;
  const group = (name: string, rows: typeof f.network.bySector, total: number) => {
    const first = r;
    for (const row of rows) {
      const x = ws.getRow(r++);
      setText(x.getCell(1), name);
      setText(x.getCell(2), row.label);
      setNumber(x.getCell(3), row.count);
    }
    const sum = ws.getRow(r++);
    setText(sum.getCell(1), name);
    setText(sum.getCell(2), 'Summe');
    setSum(sum.getCell(3), 3, first, r - 2, total, FMT.int);
    boldRow(sum);
  };
  group('Unternehmen (Branche)', f.network.bySector, f.network.companies);
  group('Kooperationspartner (Art)', f.network.byPartnerType, f.network.partners);
  finishSheet(ws, 3, r - 1, sheetNames.network);
}

function narrativeSheet(wb: ExcelJS.Workbook, d: ProgramEndReportData): void {
  const ws = wb.addWorksheet(sheetNames.narrative);
  table(ws, [
    { header: 'Abschnitt', width: 30 },
    { header: 'Überschrift', width: 30 },
    { header: 'Text', width: 100 },
  ]);
  let r = 2;
  for (const [section, title] of Object.entries(sectionTitles) as Array<[ReportSection, string]>) {
    const x = ws.getRow(r++);
    setText(x.getCell(1), 'Sachbericht');
    setText(x.getCell(2), title);
    setText(x.getCell(3), d.texts.find((t) => t.section === section)?.text ?? '');
    x.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    x.getCell(2).alignment = { vertical: 'top' };
  }
  for (const s of d.stories) {
    const x = ws.getRow(r++);
    setText(x.getCell(1), 'Erfolgsgeschichte');
    setText(x.getCell(2), `${s.title} (${s.firstName})`);
    setText(x.getCell(3), s.text);
    x.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    x.getCell(2).alignment = { vertical: 'top', wrapText: true };
  }
  finishSheet(ws, 3, r - 1, sheetNames.narrative, true);
}

/** Builds the report workbook in memory. */
export function buildProgramEndReport(d: ProgramEndReportData): ExcelJS.Workbook {
  const wb = createWorkbook(d.created);
  const kindLabel = reportTitle(d.kind);
  const period = `${germanDate(d.figures.from)} – ${germanDate(d.figures.to)}`;
  wb.title = `${kindLabel} ${d.program.name} ${period}`;
  wb.subject = d.program.name;
  wb.description = `Programm: ${d.program.name}; Zeitraum: ${period}`;
  wb.keywords = `${kindLabel}; ${d.program.name}; ${d.figures.from}/${d.figures.to}`;
  wb.category = kindLabel;
  wb.company = d.program.operator ?? '';
  wb.creator = 'Lotse';
  wb.lastModifiedBy = 'Lotse';
  wb.created = d.created;
  wb.modified = d.created;
  titleSheet(wb, d);
  overviewSheet(wb, d);
  if (d.figures.targets.length > 0) targetsSheet(wb, d);
  if (d.findings.length > 0) findingsSheet(wb, d);
  peopleSheet(wb, d);
  if (d.esfPlus) esfPlusSheet(wb, d.esfPlus);
  if (hasAgh(d.figures)) communesSheet(wb, d);
  if (hasActivities(d.figures)) activitiesSheet(wb, d);
  if (hasFairs(d.figures)) fairsSheet(wb, d);
  outcomesSheet(wb, d);
  networkSheet(wb, d);
  narrativeSheet(wb, d);
  if (d.finance) addFinanceSheets(wb, d.finance, d.program.name);
  return wb;
}

/** Writes the report workbook to `file`. */
export async function writeProgramEndReport(file: string, d: ProgramEndReportData): Promise<void> {
  // the fastest deflate level: with a Belegliste of 20,000 receipts it writes a third faster for a file a third
  // larger (still about 1.5 MB); the content is the same
  await buildProgramEndReport(d).xlsx.writeFile(file, { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
}

/** The file name users see, e.g. "Verwendungsnachweis_AGH-Mittelsachsen_2026-01-01_2026-12-31.xlsx". */
export function reportFileName(kind: ReportKind, programName: string, from: string, to: string): string {
  const safe = programName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return `${kind === 'program_end' ? 'Verwendungsnachweis' : 'Zwischennachweis'}_${safe}_${from}_${to}.xlsx`;
}
