import type { ImportRecord, ImportField, ImportMapping, RowRejection, RowWarning } from '../../../shared/domain/imports.js';
import type { Cell, RawRow, RawSheet } from './read.js';
import { isValidEmail, parseDate, parseGender, parseLevel, text } from './values.js';

/** "Geb.-Datum (TT.MM.JJJJ)" → "gebdatum": lower case, umlauts spelled out, bracketed hints and punctuation dropped. */
export function headerKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

const aliases: Record<ImportField, string[]> = {
  lastName: ['nachname', 'familienname', 'name', 'zuname', 'nachnamen', 'lastname', 'surname', 'familyname', 'nom', 'tnname', 'nachnametn'],
  firstName: ['vorname', 'vornamen', 'rufname', 'firstname', 'givenname', 'givennames', 'forename', 'prenom', 'vornametn'],
  fullName: [
    'nachnamevorname', 'namevorname', 'familiennamevorname', 'vornamenachname', 'vollstaendigername', 'fullname',
    'teilnehmer', 'teilnehmerin', 'teilnehmende', 'teilnehmerinnen', 'tn', 'nameteilnehmer', 'participant', 'participantname',
  ],
  birthDate: [
    'geburtsdatum', 'gebdatum', 'gebam', 'geborenam', 'geboren', 'geb', 'gebdat', 'geburtstag', 'dateofbirth', 'birthdate',
    'birthday', 'dob', 'geburtsdat', 'gebtag',
  ],
  gender: ['geschlecht', 'gender', 'sex', 'mw', 'mwd', 'wm', 'wmd', 'anrede', 'geschl'],
  nationality: [
    'staatsangehoerigkeit', 'staatsangehoerigkeiten', 'staatsang', 'nationalitaet', 'nationality', 'herkunftsland', 'herkunft',
    'citizenship', 'countryoforigin', 'staatsbuergerschaft', 'sta', 'nation',
  ],
  commune: [
    'wohnort', 'kommune', 'gemeinde', 'stadt', 'ort', 'wohnortgemeinde', 'wohnortkommune', 'stadtgemeinde', 'city', 'municipality',
    'town', 'placeofresidence', 'residence', 'wohnhaftin', 'wohngemeinde', 'commune',
  ],
  residenceStatus: [
    'aufenthaltsstatus', 'aufenthaltstitel', 'status', 'aufenthalt', 'residencestatus', 'legalstatus', 'aufenthaltsrecht',
    'rechtsstatus', 'aufenthstatus', 'residencepermit',
  ],
  arrivalDate: [
    'insachsenseit', 'sachsenseit', 'einreise', 'einreisedatum', 'zuzug', 'zuzugsdatum', 'ankunft', 'ankunftsdatum',
    'indeutschlandseit', 'indeseit', 'arrival', 'arrivaldate', 'dateofarrival', 'arrivalinsaxony', 'insaxonysince', 'seit',
  ],
  germanLevel: [
    'sprachniveau', 'deutschniveau', 'deutschkenntnisse', 'deutsch', 'sprachkenntnisse', 'germanlevel', 'german', 'languagelevel',
    'niveau', 'sprachstand', 'gerlevel', 'deutschsprachniveau', 'germanskills',
  ],
  phone: [
    'telefon', 'tel', 'telefonnummer', 'telnr', 'handy', 'handynummer', 'mobil', 'mobilnummer', 'mobiltelefon', 'phone',
    'phonenumber', 'mobile', 'telephone', 'kontakttelefon', 'rufnummer',
  ],
  email: ['email', 'mail', 'emailadresse', 'mailadresse', 'emailaddress', 'mailaddress'],
  caseNumber: [
    'az', 'aktenzeichen', 'fallnummer', 'fallnr', 'kundennummer', 'kundennr', 'bgnummer', 'bgnr', 'casenumber', 'caseno',
    'casenr', 'filenumber', 'reference', 'kdnr', 'referenz', 'fallid', 'akz', 'geschaeftszeichen', 'id', 'tnnr', 'caseid',
  ],
  notes: ['bemerkung', 'bemerkungen', 'notiz', 'notizen', 'anmerkung', 'anmerkungen', 'hinweis', 'hinweise', 'kommentar', 'notes', 'note', 'remarks', 'comment', 'comments'],
};

const exact = new Map<string, ImportField>();
for (const [field, keys] of Object.entries(aliases) as [ImportField, string[]][]) for (const k of keys) exact.set(k, field);

/** Longer words that identify a field even inside a longer header ("Geburtsdatum TN", "E-Mail privat"). */
const partial: [string, ImportField][] = [
  ['nachname', 'lastName'],
  ['familienname', 'lastName'],
  ['lastname', 'lastName'],
  ['surname', 'lastName'],
  ['vorname', 'firstName'],
  ['firstname', 'firstName'],
  ['geburtsdat', 'birthDate'],
  ['gebdat', 'birthDate'],
  ['geboren', 'birthDate'],
  ['birth', 'birthDate'],
  ['geschlecht', 'gender'],
  ['staatsang', 'nationality'],
  ['nationali', 'nationality'],
  ['wohnort', 'commune'],
  ['kommune', 'commune'],
  ['gemeinde', 'commune'],
  ['aufenthalt', 'residenceStatus'],
  ['sachsenseit', 'arrivalDate'],
  ['einreise', 'arrivalDate'],
  ['zuzug', 'arrivalDate'],
  ['sprachniveau', 'germanLevel'],
  ['deutschkennt', 'germanLevel'],
  ['deutschniveau', 'germanLevel'],
  ['telefon', 'phone'],
  ['handy', 'phone'],
  ['mobil', 'phone'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['aktenzeichen', 'caseNumber'],
  ['fallnummer', 'caseNumber'],
  ['kundennummer', 'caseNumber'],
  ['bemerkung', 'notes'],
  ['notiz', 'notes'],
  ['anmerkung', 'notes'],
];

/** The field a header names, or null. A header naming both parts ("Nachname, Vorname") is a full-name column. */
export function fieldForHeader(header: string): ImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  const hit = exact.get(key);
  if (hit) return hit;
  const hasLast = /nachname|familienname|^name|lastname|surname/.test(key);
  const hasFirst = /vorname|firstname/.test(key);
  if (hasLast && hasFirst) return 'fullName';
  for (const [part, field] of partial) if (key.includes(part)) return field;
  return null;
}

/** Proposes a mapping: each field at most once (first column wins). */
export function proposeMapping(headers: string[]): ImportMapping {
  const used = new Set<ImportField>();
  const mapping = headers.map((h) => {
    const f = fieldForHeader(h);
    if (!f || used.has(f)) return null;
    used.add(f);
    return f;
  });
  // "Name" next to "Vorname" is the last name; "Name" alone usually holds "Nachname, Vorname"
  if (used.has('lastName') && !used.has('firstName') && !used.has('fullName')) {
    const i = mapping.indexOf('lastName');
    if (headerKey(headers[i] ?? '') === 'name') mapping[i] = 'fullName';
  }
  return mapping;
}

function rowTexts(row: RawRow): string[] {
  return row.cells.map((c) => (typeof c === 'string' ? c : ''));
}

/** How much a row looks like a header: distinct fields its cells name. */
function headerScore(row: RawRow): number {
  const fields = new Set<ImportField>();
  for (const t of rowTexts(row)) {
    const f = t ? fieldForHeader(t) : null;
    if (f) fields.add(f);
  }
  let score = fields.size;
  if (fields.has('lastName') || fields.has('firstName') || fields.has('fullName')) score += 1;
  return score;
}

export interface TableLayout {
  headerIndex: number;
  headerRow: number;
  headers: string[];
  score: number;
}

/** The header is the best-scoring row among the first 30 (titles, blank and merged rows above it are skipped). */
export function findHeader(sheet: RawSheet): TableLayout {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(sheet.rows.length, 30);
  for (let i = 0; i < limit; i++) {
    const s = headerScore(sheet.rows[i]!);
    if (s > bestScore) [best, bestScore] = [i, s];
  }
  if (best < 0) best = 0;
  const row = sheet.rows[best];
  const headers = row ? row.cells.map((c) => text(c) ?? '') : [];
  return { headerIndex: best, headerRow: row?.rowNumber ?? 1, headers, score: bestScore };
}

/** The sheet that looks most like a participant list. */
export function pickSheet(sheets: RawSheet[]): RawSheet {
  let best = sheets[0]!;
  let bestScore = -1;
  for (const s of sheets) {
    const score = findHeader(s).score * 1_000_000 + Math.min(s.rows.length, 999_999);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

/** Footer words followed by a number or colon ("Anzahl: 25", "Gesamt 25", "Stand: 01.11.2026"), or "25 Teilnehmer". */
const footerPattern =
  /^(anzahl|summe|gesamt|insgesamt|total|count|stand|erstellt|quelle|seite|page|druckdatum|gedruckt|teilnehmer ?zahl|tn gesamt|anz\.)\b.*[\d:]|^\s*\d+\s*(teilnehmer|personen|tn)\b/i;

export interface ParsedRow {
  row: number;
  record: ImportRecord;
  warnings: RowWarning[];
}

export interface ParsedTable {
  rowsTotal: number;
  /** the accepted rows, unless they were handed to an onAccepted consumer one by one */
  accepted: ParsedRow[];
  rejected: RowRejection[];
  /** raw cells of rejected rows, for the workbook to fix and re-import */
  rejectedRaw: { row: number; cells: Cell[]; message: string }[];
}

const nameFields: ImportField[] = ['lastName', 'firstName', 'fullName'];

/** "Nachname, Vorname" → both parts; without a comma the first word is the last name. */
export function splitFullName(value: string | null): { lastName: string | null; firstName: string | null } {
  if (!value) return { lastName: null, firstName: null };
  const comma = value.indexOf(',');
  if (comma >= 0) {
    const last = value.slice(0, comma).trim();
    const first = value.slice(comma + 1).trim();
    return { lastName: last || null, firstName: first || null };
  }
  const space = value.indexOf(' ');
  if (space < 0) return { lastName: value, firstName: null };
  return { lastName: value.slice(0, space), firstName: value.slice(space + 1).trim() || null };
}

const letter = /\p{L}/u;

const messages = {
  lastName: 'Nachname fehlt',
  firstName: 'Vorname fehlt',
  nameLetter: 'Ein Name braucht mindestens einen Buchstaben',
  invalidDate: (v: string) => `Geburtsdatum „${v}“ ist kein gültiges Datum`,
  outOfRange: (v: string) => `Geburtsdatum ${v} liegt in der Zukunft oder vor 1900`,
};

/**
 * Turns the rows below the header into participant records, rejecting rows the rules reject. Blank rows,
 * footers ("Anzahl: 25") and repeated header rows are not counted. `rowBase` re-bases row numbers (CSV: header = 1).
 */
export function parseRows(sheet: RawSheet, layout: TableLayout, mapping: ImportMapping, today: string, rowBase = 0): ParsedTable {
  const parser = rowParser(layout, mapping, today, rowBase);
  for (let i = layout.headerIndex + 1; i < sheet.rows.length; i++) parser.push(sheet.rows[i]!);
  return parser.out;
}

export interface RowParser {
  /** the next row below the header, in sheet order */
  push(row: RawRow): void;
  out: ParsedTable;
}

/** The row rules of parseRows one row at a time, so an import can work on rows while the file is still being read. */
export function rowParser(layout: TableLayout, mapping: ImportMapping, today: string, rowBase = 0, onAccepted?: (row: ParsedRow) => void): RowParser {
  const col = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f && !col.has(f)) col.set(f, i);
  });
  const nameCols = nameFields.map((f) => col.get(f)).filter((i): i is number => i !== undefined);
  const headerKeys = layout.headers.map(headerKey);
  const joinedHeaderKeys = headerKeys.join('|');
  const out: ParsedTable = { rowsTotal: 0, accepted: [], rejected: [], rejectedRaw: [] };
  let texts: (string | null)[] = [];
  let r: RawRow = { rowNumber: 0, cells: [] };
  const cell = (f: ImportField): Cell => {
    const i = col.get(f);
    return i === undefined ? null : (r.cells[i] ?? null);
  };
  const textOf = (f: ImportField): string | null => {
    const i = col.get(f);
    return i === undefined ? null : (texts[i] ?? null);
  };
  /** A header repeated inside the list (pasted twice, or one per page): its name cell holds the header's word. */
  const repeatsHeader = () => {
    const c = nameCols[0] ?? 0;
    if (headerKey(texts[c] ?? '') !== (headerKeys[c] ?? '')) return false;
    return r.cells.map((x) => headerKey(text(x) ?? '')).join('|') === joinedHeaderKeys;
  };
  const push = (row: RawRow): void => {
    r = row;
    const rowNo = r.rowNumber - rowBase;
    texts = r.cells.map(text);
    let filledCount = 0;
    for (const t of texts) if (t !== null) filledCount++;
    if (filledCount === 0) return;
    const hasName = nameCols.some((c) => texts[c] !== null && texts[c] !== undefined);
    if (filledCount <= 2) {
      const filled = texts.filter((t): t is string => t !== null);
      if (filled.some((t) => footerPattern.test(t))) return;
      if (!hasName) {
        if (filled.some((t) => /^[^:]{1,40}:\s*\S/.test(t))) return;
        if (filledCount === 1 && typeof r.cells.find((c) => c !== null && c !== '') === 'number') return;
      }
    }
    if (repeatsHeader()) return;
    out.rowsTotal++;

    let lastName = textOf('lastName');
    let firstName = textOf('firstName');
    if (col.has('fullName') && (!lastName || !firstName)) {
      const split = splitFullName(textOf('fullName'));
      lastName ??= split.lastName;
      firstName ??= split.firstName;
    }
    const cells = r.cells;
    const reject = (reason: RowRejection['reason'], message: string) => {
      out.rejected.push({ row: rowNo, reason, message });
      out.rejectedRaw.push({ row: rowNo, cells, message });
    };
    if (!lastName) {
      reject('missing_required', firstName ? messages.lastName : 'Nachname und Vorname fehlen');
      return;
    }
    if (!firstName) {
      reject('missing_required', messages.firstName);
      return;
    }
    // the same rule as the person form: a "name" of invisible characters or digits names nobody
    if (!letter.test(lastName) || !letter.test(firstName)) {
      reject('missing_required', messages.nameLetter);
      return;
    }
    const birthRaw = cell('birthDate');
    const birth = parseDate(birthRaw, 'birth', today);
    if (!birth.ok) {
      reject('invalid_date', messages.invalidDate(text(birthRaw) ?? ''));
      return;
    }
    if (birth.value && (birth.value > today || birth.value < '1900-01-01')) {
      reject('out_of_range', messages.outOfRange(birth.value.split('-').reverse().join('.')));
      return;
    }
    const warnings: RowWarning[] = [];
    const arrivalRaw = cell('arrivalDate');
    const arrival = parseDate(arrivalRaw, 'past', today);
    let arrivalDate: string | null = null;
    if (!arrival.ok || (arrival.value && (arrival.value > today || arrival.value < '1900-01-01'))) {
      warnings.push({
        row: rowNo,
        field: 'arrivalDate',
        reason: arrival.ok ? 'out_of_range' : 'invalid_date',
        message: `„In Sachsen seit“ (${text(arrivalRaw) ?? ''}) ist kein gültiges Datum und wurde nicht übernommen`,
      });
    } else arrivalDate = arrival.value;
    let email = textOf('email');
    if (email) {
      email = email.replace(/^mailto:/i, '');
      if (!isValidEmail(email)) {
        warnings.push({ row: rowNo, field: 'email', reason: 'invalid_email', message: `E-Mail-Adresse „${email}“ sieht fehlerhaft aus` });
      }
    }
    const parsed: ParsedRow = {
      row: rowNo,
      warnings,
      record: {
        lastName,
        firstName,
        birthDate: birth.value,
        gender: parseGender(textOf('gender')),
        nationality: textOf('nationality'),
        commune: textOf('commune'),
        residenceStatus: textOf('residenceStatus'),
        arrivalDate,
        germanLevel: parseLevel(textOf('germanLevel')),
        phone: textOf('phone'),
        email,
        caseNumber: textOf('caseNumber'),
        notes: textOf('notes'),
      },
    };
    // a consumer that takes each row as it comes keeps what it needs; holding every row twice would not pay
    if (onAccepted) onAccepted(parsed);
    else out.accepted.push(parsed);
  };
  return { push, out };
}
