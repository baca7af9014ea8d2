import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { AccessExportData, Row } from '../features/privacy/access-export.service.js';

const require = createRequire(import.meta.url);

/** DejaVu covers Arabic, Cyrillic and every Latin diacritic, so any name a participant has prints correctly. */
function fontBytes(bold: boolean): Uint8Array {
  return fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${bold ? 'DejaVuSans-Bold' : 'DejaVuSans'}.ttf`));
}

const sectionTitles: Record<string, string> = {
  participants: 'Stammdaten',
  enrollments: 'Programmteilnahmen',
  placements: 'AGH-Einsätze',
  hours: 'Stundennachweise',
  attendance: 'Teilnahme an Seminaren, Coachings und Exkursionen',
  fair_registrations: 'Anmeldungen zu Firmenkontaktbörsen',
  fair_contacts: 'Kontakte auf Firmenkontaktbörsen',
  applications: 'Bewerbungen',
  outcomes: 'Verbleib / Anschluss',
  success_stories: 'Erfolgsgeschichten',
  documents: 'Ausgestellte Dokumente',
  person_documents: 'Dokumente der Person (Aufenthalt, Arbeitserlaubnis, Vereinbarungen …)',
  person_document_files: 'Gespeicherte Dateien zu diesen Dokumenten (verschlüsselt abgelegt)',
  notes: 'Kontaktnotizen',
  tasks: 'Aufgaben',
  reminder_states: 'Erledigte und zurückgestellte Erinnerungen',
  import_batches: 'Herkunft der Daten (Importe)',
  audit_log: 'Protokoll: Änderungen und Zugriffe',
};

const fieldLabels: Record<string, string> = {
  id: 'Nr.',
  last_name: 'Nachname',
  first_name: 'Vorname',
  birth_date: 'Geburtsdatum',
  birth_year: 'Geburtsjahr',
  gender: 'Geschlecht',
  nationality: 'Staatsangehörigkeit',
  commune_id: 'Kommune',
  commune_text: 'Wohnort (Text)',
  residence_status: 'Aufenthaltsstatus',
  arrival_in_saxony: 'In Sachsen seit',
  german_level: 'Deutschniveau',
  phone: 'Telefon',
  email: 'E-Mail',
  case_number: 'Aktenzeichen',
  case_manager: 'Fallmanager/-in',
  referred_by: 'Vermittelt durch',
  social_worker: 'Sozialarbeiter/-in',
  consent_date: 'Einwilligung am',
  consent_programs: 'Einwilligung für Programme',
  consent_success_story: 'Einwilligung Erfolgsgeschichte',
  consent_share_partners: 'Einwilligung Weitergabe an Partner',
  consent_expires_on: 'Einwilligung gültig bis',
  consent_withdrawn_on: 'Einwilligung widerrufen am',
  notes: 'Notizen',
  health_notes: 'Gesundheit',
  disability_notes: 'Behinderung',
  religion: 'Religion',
  program_id: 'Programm',
  organisation_id: 'Organisation',
  activity_id: 'Aktivität',
  fair_id: 'Börse',
  status: 'Status',
  start_date: 'Beginn',
  end_date: 'Ende',
  created_at: 'Angelegt',
  updated_at: 'Geändert',
  at: 'Zeitpunkt',
  actor: 'Bearbeitet von',
  action: 'Aktion',
  entity: 'Bereich',
  before: 'Vorher',
  after: 'Nachher',
  details: 'Details',
  file_name: 'Datei',
  sender: 'Absender',
  sheet: 'Tabellenblatt',
  import_batch_id: 'Import',
  // documents, notes, tasks and reminder decisions (issue 18)
  number: 'Nummer',
  issued_by: 'Ausgestellt von',
  valid_from: 'Gültig ab',
  valid_until: 'Gültig bis',
  document_id: 'Dokument',
  mime: 'Dateityp',
  size: 'Größe (Bytes)',
  text: 'Text',
  follow_up_on: 'Wiedervorlage am',
  due_on: 'Fällig am',
  state: 'Stand',
  snoozed_until: 'Zurückgestellt bis',
  reason: 'Grund',
  reminder_key: 'Erinnerung',
  rule: 'Regel',
  kind: 'Art',
  date: 'Datum',
  title: 'Titel',
};

// internal keys mean nothing to the person asking; leaving them out keeps the printout readable (the JSON has all)
const hiddenFields = new Set(['name_key', 'case_number_key', 'search_text', 'participant_id']);

const refColumns: Record<string, string> = {
  program_id: 'programs',
  commune_id: 'communes',
  organisation_id: 'organisations',
  activity_id: 'activities',
  fair_id: 'fairs',
};

function display(column: string, value: unknown, refs: AccessExportData['references']): string | null {
  if (value === null || value === undefined || value === '') return null;
  const refTable = refColumns[column];
  if (refTable && typeof value === 'number') {
    const name = refs[refTable]?.[String(value)];
    return name ? `${name} (Nr. ${value})` : String(value);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

class Writer {
  page!: PDFPage;
  y = 0;
  readonly margin = 50;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([595.28, 841.89]);
    this.y = this.page.getHeight() - this.margin;
  }
  get width() {
    return this.page.getWidth() - 2 * this.margin;
  }
  /** Wraps on spaces and, for very long words (JSON, e-mail addresses), inside the word. */
  wrap(text: string, size: number, font: PDFFont, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.replace(/\r/g, '').split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }
  text(text: string, opts: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}) {
    const size = opts.size ?? 9;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(text, size, font, this.width - indent)) {
      if (this.y < this.margin + size) this.newPage();
      this.page.drawText(line, { x: this.margin + indent, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.35;
    }
    this.y -= opts.gap ?? 0;
  }
  field(label: string, value: string) {
    const size = 9;
    const labelWidth = 150;
    const lines = this.wrap(value, size, this.font, this.width - labelWidth);
    if (this.y < this.margin + size * Math.min(lines.length, 3)) this.newPage();
    this.page.drawText(label, { x: this.margin, y: this.y - size, size, font: this.bold, color: rgb(0.25, 0.25, 0.25) });
    for (const line of lines) {
      if (this.y < this.margin + size) this.newPage();
      this.page.drawText(line, { x: this.margin + labelWidth, y: this.y - size, size, font: this.font });
      this.y -= size * 1.35;
    }
  }
}

function formatStamp(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })} ${d.toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin' })}`;
}

/** The readable half of an access export (Art. 15): every table's rows of the person, labelled in German. */
export async function renderAccessExportPdf(data: AccessExportData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes(false), { subset: true });
  const bold = await doc.embedFont(fontBytes(true), { subset: true });
  doc.setTitle(`Auskunft nach Art. 15 DSGVO – Teilnehmende Nr. ${data.participantId}`);
  doc.setCreator('Lotse');
  const w = new Writer(doc, font, bold);

  w.text('Auskunft nach Art. 15 DSGVO', { size: 16, bold: true, gap: 4 });
  w.text(`Erstellt am ${formatStamp(data.generatedAt)} von ${data.generatedBy}`, { gap: 2 });
  const op = data.operator;
  const opLine = [op.name, op.address, op.contact].filter(Boolean).join(', ');
  if (opLine) w.text(`Verantwortliche Stelle: ${opLine}`, { gap: 2 });
  w.text(
    'Diese Auskunft enthält alle Daten, die in Lotse zu der Person gespeichert sind, einschließlich des Protokolls ' +
      'der Änderungen und Zugriffe. Eine maschinenlesbare Fassung liegt als JSON-Datei bei.',
    { gap: 8 },
  );

  for (const [table, rows] of Object.entries(data.tables)) {
    w.text(`${sectionTitles[table] ?? table} (${rows.length})`, { size: 12, bold: true, gap: 3 });
    if (rows.length === 0) {
      w.text('Keine Einträge.', { gap: 6 });
      continue;
    }
    rows.forEach((row: Row, i) => {
      if (rows.length > 1) w.text(`Eintrag ${i + 1}`, { bold: true, size: 9 });
      for (const [column, value] of Object.entries(row)) {
        if (hiddenFields.has(column)) continue;
        const shown = display(column, value, data.references);
        if (shown !== null) w.field(fieldLabels[column] ?? column, shown);
      }
      w.y -= 4;
    });
    w.y -= 6;
  }
  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(`Seite ${i + 1} von ${pages.length}`, { x: p.getWidth() - 120, y: 25, size: 8, font, color: rgb(0.4, 0.4, 0.4) }),
  );
  return doc.save();
}
