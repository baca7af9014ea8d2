import { z } from 'zod';
import deLocale from 'zod/v4/locales/de.js';
import enLocale from 'zod/v4/locales/en.js';

/**
 * Validation messages a user reads, in German and English. zod's own locales are the fallback, but for the issues
 * forms actually produce they read like program output ("Zu klein: erwartet, dass number >0 ist" keeps the type
 * name and the operator), so those few codes get plain sentences here. Texts a schema sets itself stay German in
 * the schema; `englishMessages` holds their English.
 */
export type Lang = 'de' | 'en';

/** The part of a zod issue the messages look at: the raw issue while parsing, or the finished one afterwards. */
interface IssueLike {
  code?: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  minimum?: number | bigint | Date;
  maximum?: number | bigint | Date;
  inclusive?: boolean;
  format?: string;
  divisor?: number | bigint;
  keys?: string[];
}

const sized: Record<string, { de: string; en: string }> = {
  string: { de: 'Zeichen', en: 'characters' },
  array: { de: 'Einträge', en: 'entries' },
  set: { de: 'Einträge', en: 'entries' },
  file: { de: 'Bytes', en: 'bytes' },
};

const expectedType: Record<string, { de: string; en: string }> = {
  number: { de: 'Bitte eine Zahl eingeben', en: 'Please enter a number' },
  int: { de: 'Bitte eine ganze Zahl eingeben', en: 'Please enter a whole number' },
  string: { de: 'Bitte einen Text eingeben', en: 'Please enter text' },
  boolean: { de: 'Ja oder Nein erwartet', en: 'Yes or no expected' },
  array: { de: 'Eine Liste erwartet', en: 'A list expected' },
};

function num(n: number | bigint | Date | undefined, lang: Lang): string {
  if (n instanceof Date) return n.toISOString().slice(0, 10);
  return n === undefined ? '' : n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
}

function tooSmall(i: IssueLike, lang: Lang): string | undefined {
  const n = num(i.minimum, lang);
  const unit = i.origin ? sized[i.origin] : undefined;
  if (unit) {
    if (Number(i.minimum) === 1 && i.inclusive !== false) {
      if (i.origin === 'string') return lang === 'de' ? 'Pflichtfeld' : 'Required';
      return lang === 'de' ? 'Bitte mindestens einen Eintrag wählen' : 'Please choose at least one entry';
    }
    return lang === 'de' ? `Mindestens ${n} ${unit.de}` : `At least ${n} ${unit.en}`;
  }
  if (i.inclusive === false) return lang === 'de' ? `Muss größer als ${n} sein` : `Must be greater than ${n}`;
  return lang === 'de' ? `Mindestens ${n}` : `At least ${n}`;
}

function tooBig(i: IssueLike, lang: Lang): string | undefined {
  const n = num(i.maximum, lang);
  const unit = i.origin ? sized[i.origin] : undefined;
  if (unit) return lang === 'de' ? `Höchstens ${n} ${unit.de}` : `At most ${n} ${unit.en}`;
  if (i.inclusive === false) return lang === 'de' ? `Muss kleiner als ${n} sein` : `Must be less than ${n}`;
  return lang === 'de' ? `Höchstens ${n}` : `At most ${n}`;
}

/** The message for the issue codes forms produce; undefined leaves the rest to zod's locale. */
export function issueMessage(i: IssueLike, lang: Lang): string | undefined {
  const de = lang === 'de';
  switch (i.code) {
    case 'invalid_type':
      if ('input' in i && (i.input === undefined || i.input === null)) return de ? 'Pflichtfeld' : 'Required';
      return expectedType[i.expected ?? '']?.[lang] ?? (de ? 'Ungültige Angabe' : 'Invalid value');
    case 'too_small':
      return tooSmall(i, lang);
    case 'too_big':
      return tooBig(i, lang);
    case 'invalid_value':
      return de ? 'Bitte einen der angebotenen Werte wählen' : 'Please choose one of the offered values';
    case 'invalid_format':
      if (i.format === 'email') return de ? 'Keine gültige E-Mail-Adresse' : 'Not a valid e-mail address';
      return de ? 'Ungültiges Format' : 'Invalid format';
    case 'not_multiple_of':
      return de ? `Muss ein Vielfaches von ${num(i.divisor, lang)} sein` : `Must be a multiple of ${num(i.divisor, lang)}`;
    case 'unrecognized_keys':
      return de ? `Unbekannte Angaben: ${(i.keys ?? []).join(', ')}` : `Unknown fields: ${(i.keys ?? []).join(', ')}`;
    case 'invalid_union':
      return de ? 'Ungültige Angabe' : 'Invalid value';
    default:
      return undefined;
  }
}

/**
 * English of the German texts schemas and services set themselves (field messages). A test keeps this list
 * complete for every literal message in shared/domain and every literal field message in main/features.
 */
export const englishMessages: Readonly<Record<string, string>> = {
  "Nicht im Verzeichnis": "Not in the directory",
  "Nur Kleinbuchstaben, Ziffern und _ (z. B. personal_1)": "Only lower-case letters, digits and _ (e.g. personal_1)",
  "Mindestens eine Ausgabenposition": "At least one expenditure position",
  "Anteilfinanzierung braucht einen Fördersatz": "Share financing needs a funding rate",
  "Jeder Schlüssel nur einmal": "Each key only once",
  "Pauschale braucht einen Prozentsatz": "A flat rate needs a percentage",
  "Nur eine Position für Teilnehmendenkosten (dorthin fließt die AGH-Aufwandsentschädigung)": "Only one position for participant costs (the AGH compensation flows there)",
  "Jede Einnahmeart nur einmal": "Each kind of income only once",
  "Datum, Betrag und Position werden gebraucht": "Date, amount and position are needed",
  "Kommune wählen": "Choose the commune",
  "Schon vergeben": "Already taken",
  "Nur Kleinbuchstaben a–z, Ziffern und _; beginnt mit einem Buchstaben": "Only lower-case letters a–z, digits and _; starts with a letter",
  "Mindestens 12 Zeichen": "At least 12 characters",
  "Betrag größer als 0 erwartet": "An amount above 0 expected",
  "Noch auf der Warteliste": "Still on the waiting list",
  "Außerhalb des Einsatzzeitraums": "Outside the placement period",
  "Vor der Feststellung": "Before the statement was established",
  "Mindest- oder Höchstalter angeben": "Give a minimum or maximum age",
  "Jahr ab 1900": "A year from 1900",
  "Bitte einen Grund angeben (mindestens 3 Zeichen)": "Please give a reason (at least 3 characters)",
  "Höchstens 500 Zeichen": "At most 500 characters",
  "Unbekannter Aufenthaltstitel": "Unknown residence title",
  "Höchstens 100 Zeichen": "At most 100 characters",
  "„Gültig bis“ liegt vor „Gültig ab“": "'Valid until' is before 'valid from'",
  "Die Ankunft in Sachsen liegt vor der Einreise nach Deutschland": "The arrival in Saxony is before the entry to Germany",
  "Ganze Monate erwartet": "Whole months expected",
  "Höchstens 36 Monate": "At most 36 months",
  "Mindestens eine Art des Erfolgs wählen": "Choose at least one kind of success",
  "Ziel doppelt": "Target listed twice",
  "Art doppelt": "Kind listed twice",
  "AGH-Einsatz läuft noch": "AGH placement still running",
  "Liegt vor dem Austritt": "Lies before the exit",
  Pflichtfeld: 'Required',
  'Bitte auswählen': 'Please choose',
  'Enthält Zeilenumbrüche oder Steuerzeichen, die hier nicht erlaubt sind': 'Contains line breaks or control characters that are not allowed here',
  'Enthält Steuerzeichen, die hier nicht erlaubt sind': 'Contains control characters that are not allowed here',
  'Enthält ungültige Zeichen': 'Contains invalid characters',
  'Ein Name braucht mindestens einen Buchstaben': 'A name needs at least one letter',
  'Datum im Format JJJJ-MM-TT erwartet': 'Date in the format YYYY-MM-DD expected',
  'Kein gültiges Kalenderdatum': 'Not a valid calendar date',
  'Monat im Format JJJJ-MM erwartet': 'Month in the format YYYY-MM expected',
  'Keine gültige E-Mail-Adresse': 'Not a valid e-mail address',
  'w, m, d oder keine Angabe': 'f, m, d or not specified',
  'Unbekannter Aufenthaltsstatus': 'Unknown residence status',
  'Sprachniveau A1 bis C2': 'Language level A1 to C2',
  'Das Geburtsdatum liegt in der Zukunft': 'The birth date is in the future',
  'Das Geburtsdatum liegt vor 1900': 'The birth date is before 1900',
  'Das Datum liegt in der Zukunft': 'The date is in the future',
  'Das Datum liegt vor dem Geburtsdatum': 'The date is before the birth date',
  'Der Widerruf liegt vor der Einwilligung': 'The withdrawal is before the consent',
  'Das Ende liegt vor dem Beginn': 'The end is before the start',
  'Das geplante Ende liegt vor dem Beginn': 'The planned end is before the start',
  'Das Periodenende liegt vor dem Beginn': 'The end of the period is before its start',
  'Der Beginn liegt vor der Anmeldung': 'The start is before the application',
  'Für diesen Status ist ein Beginn nötig': 'This status needs a start date',
  'Für diesen Status ist ein Ende nötig': 'This status needs an end date',
  'Bitte den Grund des Abbruchs angeben': 'Please give the reason for dropping out',
  'Für besondere Kategorien (Art. 9 DSGVO) ist eine Begründung nötig': 'Special categories (Art. 9 GDPR) need a reason',
  'Kommune doppelt': 'Commune listed twice',
  'Ganze Zahl erwartet': 'Whole number expected',
  'Nicht negativ': 'Must not be negative',
  'Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern': 'The municipality key (AGS) has exactly 8 digits',
  'Ganze Hundertstel erwartet': 'Whole hundredths expected',
  'Höchstens 24 Stunden': 'At most 24 hours',
  'Ganze Minuten erwartet': 'Whole minutes expected',
  'Mindestens eine Spalte auswählen': 'Choose at least one column',
  'Jede Spalte nur einmal': 'Each column only once',
  'Programmstatus, Eintritt und Austritt brauchen ein Programm im Filter – bitte ein Programm wählen oder die Spalten abwählen':
    'Program status, entry and exit need a program in the filter – please choose a program or deselect these columns',
  'Unbekannte Kommune': 'Unknown commune',
  // the coordinator's day (issue 18): documents, notes, reminders
  'Gültig bis liegt vor gültig ab': 'Valid until lies before valid from',
  'Teilnehmende nicht gefunden': 'Participant not found',
  'Ein Dokument bleibt bei seiner Person': 'A document stays with its person',
  'Eine Notiz bleibt bei ihrer Person': 'A note stays with its person',
  'Unbekannte Erinnerung': 'Unknown reminder',
  'Unbekanntes Programm': 'Unknown program',
  'Fallnummer bereits vergeben': 'Case number already in use',
  'Begründung erforderlich': 'Reason required',
  'Begründung für die Ausnahme angeben': 'Give the reason for the exception',
  'Bereits angemeldet': 'Already registered',
  'Einschreibung abgeschlossen': 'Enrollment closed',
  'Gibt es bereits': 'Already exists',
  'Kommune nicht im Programm': 'Commune not in the program',
  'Nach dem Ende': 'After the end',
  'Name schon vergeben': 'Name already in use',
  'Nicht angemeldet': 'Not registered',
  'Nicht auf dieser Börse vertreten': 'Not present at this fair',
  'Schon eingesetzt': 'Already placed',
  'Schon vorhanden': 'Already present',
  'Stunden danach erfasst': 'Hours recorded after this date',
  'Stunden davor erfasst': 'Hours recorded before this date',
  'Unbekannte Einschreibung': 'Unknown enrollment',
  'Unbekannte Organisation': 'Unknown organisation',
  'Unbekanntes Unternehmen': 'Unknown company',
  'Vor dem Beginn': 'Before the start',
};

/** A German field message in the user's language; texts without an English entry stay German. */
export function translateMessage(message: string, lang: Lang): string {
  return lang === 'en' ? (englishMessages[message] ?? message) : message;
}

/** The English of a finished issue's German message: a fixed text, or the generic message computed again. */
export function englishOfIssue(issue: IssueLike & { message: string }): string {
  const fixed = englishMessages[issue.message];
  if (fixed !== undefined) return fixed;
  const { input: _ignored, ...withoutInput } = issue;
  if (issueMessage(withoutInput, 'de') === issue.message) return issueMessage(withoutInput, 'en') ?? issue.message;
  const zodDe = deLocale().localeError(issue as never);
  if (zodDe === issue.message) return String(enLocale().localeError(issue as never));
  return issue.message;
}

/** Makes every schema answer in `lang` (the renderer follows its UI language; main stays German). */
export function configureValidation(lang: Lang): void {
  const locale = lang === 'de' ? deLocale() : enLocale();
  z.config({ customError: (iss) => issueMessage(iss, lang), localeError: locale.localeError });
}

configureValidation('de');
