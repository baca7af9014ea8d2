import type { ParticipantListColumn } from '../../../shared/contract/reports.contract.js';
import { germanDate, todayIso } from '../../../shared/domain/dates.js';
import { writeTableWorkbook, type ColumnKind, type ColumnSpec, type RowValues } from './workbook.js';

/** What the named participant list shows: chosen columns, one row per person, and how it was filtered. */
export interface ParticipantListData {
  columns: ParticipantListColumn[];
  /** dates as ISO text, everything else as display text; null leaves the cell empty */
  rows: RowValues<ParticipantListColumn>[];
  /** the filter in words ("Programm: AGH Mittelsachsen · Kommune: Döbeln"), for the title and the properties */
  filter: string;
  programName: string | null;
  created: Date;
}

/** Header and cell kind of each column; the headers are the field names of the participant form. */
export const participantListColumnSpecs: Record<ParticipantListColumn, { header: string; kind: ColumnKind }> = {
  lastName: { header: 'Nachname', kind: 'text' },
  firstName: { header: 'Vorname', kind: 'text' },
  birthDate: { header: 'Geburtsdatum', kind: 'date' },
  gender: { header: 'Geschlecht', kind: 'text' },
  nationality: { header: 'Staatsangehörigkeit', kind: 'text' },
  commune: { header: 'Wohnort/Kommune', kind: 'text' },
  residenceStatus: { header: 'Aufenthaltsstatus', kind: 'text' },
  arrivalInSaxony: { header: 'in Sachsen seit', kind: 'date' },
  germanLevel: { header: 'Sprachniveau', kind: 'text' },
  phone: { header: 'Telefon', kind: 'text' },
  email: { header: 'E-Mail', kind: 'text' },
  caseNumber: { header: 'Aktenzeichen', kind: 'text' },
  caseManager: { header: 'Fallmanager/in', kind: 'text' },
  socialWorker: { header: 'Sozialarbeiter/in', kind: 'text' },
  consent: { header: 'Einwilligung', kind: 'text' },
  consentDate: { header: 'Einwilligung am', kind: 'date' },
  programStatus: { header: 'Programmstatus', kind: 'text' },
  entryDate: { header: 'Eintritt', kind: 'date' },
  exitDate: { header: 'Austritt', kind: 'date' },
};

export const participantListSheetName = 'Teilnehmende';
export const confidentialNote = 'Enthält personenbezogene Daten – vertraulich behandeln, nicht weitergeben, nach Gebrauch löschen.';

// An A4 page in portrait holds about 90 characters of column width at the default font before fit-to-width
// shrinks the text noticeably; wider lists print landscape.
const PORTRAIT_MAX_WIDTH = 90;
const MIN_WIDTH = 8;
const MAX_WIDTH = 45;

/** A column as wide as its header or longest value (2 characters of padding, the filter button included). */
function fittedWidth(key: ParticipantListColumn, rows: RowValues<ParticipantListColumn>[]): number {
  const { header, kind } = participantListColumnSpecs[key];
  // dd.mm.yyyy is ten characters whatever the stored value
  let longest = header.length + 2;
  if (kind === 'date') longest = Math.max(longest, 10);
  else for (const r of rows) longest = Math.max(longest, String(r[key] ?? '').length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** File name users see, safe on Windows. */
export function participantListFileName(programName: string | null, created: Date): string {
  const iso = todayIso(created);
  const program = programName ? `_${programName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40)}` : '';
  return `Teilnehmendenliste${program}_${iso}.xlsx`;
}

/**
 * Writes the named participant list: title lines with the filter, the count and a confidentiality note, then a
 * bold frozen filterable header row and one row per person with real dates; portrait or landscape by width.
 * Streamed, since a list over the whole registry can hold 100,000 people.
 */
export async function writeParticipantList(data: ParticipantListData, file: string): Promise<void> {
  const title = `Teilnehmendenliste (namentlich)${data.programName ? ` – ${data.programName}` : ''}`;
  const columns: ColumnSpec<ParticipantListColumn>[] = data.columns.map((key) => ({
    key,
    ...participantListColumnSpecs[key],
    width: fittedWidth(key, data.rows),
  }));
  const totalWidth = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const people = data.rows.length === 1 ? '1 Person' : `${data.rows.length.toLocaleString('de-DE')} Personen`;
  await writeTableWorkbook(
    file,
    {
      title,
      subject: data.programName ?? 'Alle Programme',
      description: `Filter: ${data.filter}; Personen: ${data.rows.length}; ${confidentialNote}`,
      keywords: `Teilnehmendenliste; namentlich; ${data.programName ?? 'alle Programme'}`,
      category: 'Teilnehmendenliste (personenbezogen)',
      created: data.created,
    },
    participantListSheetName,
    columns,
    data.rows,
    {
      title: [title, `Filter: ${data.filter}`, `Stand: ${germanDate(todayIso(data.created))} · ${people} · ${confidentialNote}`],
      landscape: totalWidth > PORTRAIT_MAX_WIDTH,
      footer: '&LVertraulich – personenbezogene Daten&RSeite &P von &N',
    },
  );
}
