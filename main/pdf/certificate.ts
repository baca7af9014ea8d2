import { formatHoursX100 } from '../../shared/rules/compensation.js';
import { PdfWriter } from './pdf.js';

/** What a Teilnehmerbescheinigung states (DOMAIN.md): who, what, where, when, how many hours. */
export interface CertificateData {
  operator: string | null;
  /** the Träger's address under its name (letterhead) */
  operatorAddress?: string | null;
  /** "Anna Müller" — given name first, as on a letter */
  participantName: string;
  birthDate: string | null;
  programName: string;
  activity: string;
  site: string;
  commune: string;
  startDate: string;
  /** null while the placement runs */
  endDate: string | null;
  totalHoursX100: number;
  place: string;
  issuedOn: string;
  bilingual: boolean;
  /** name "§ 5 AsylbLG" only when the program chose so: the paper is for job applications */
  namesLegalBasis?: boolean;
}

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The confirming sentence in German: present tense while the placement runs, perfect once it has ended. */
function sentenceDe(c: CertificateData): string {
  const born = c.birthDate ? `, geboren am ${de(c.birthDate)},` : '';
  const what = c.namesLegalBasis ? 'einer Arbeitsgelegenheit nach § 5 AsylbLG' : 'einer gemeinnützigen Tätigkeit';
  const where = `im Programm „${c.programName}“`;
  return c.endDate
    ? `${c.participantName}${born} hat vom ${de(c.startDate)} bis zum ${de(c.endDate)} an ${what} ${where} teilgenommen.`
    : `${c.participantName}${born} nimmt seit dem ${de(c.startDate)} an ${what} ${where} teil.`;
}

function sentenceEn(c: CertificateData): string {
  const born = c.birthDate ? `, born ${de(c.birthDate)},` : '';
  const what = c.namesLegalBasis ? 'a work opportunity under § 5 AsylbLG' : 'public-benefit work';
  const where = `in the program “${c.programName}”`;
  return c.endDate
    ? `${c.participantName}${born} took part in ${what} ${where} from ${de(c.startDate)} to ${de(c.endDate)}.`
    : `${c.participantName}${born} has been taking part in ${what} ${where} since ${de(c.startDate)}.`;
}

/** The period: from–to once ended; "seit" (and "since") the start while it runs. */
function period(c: CertificateData): string {
  if (c.endDate) return `${de(c.startDate)} – ${de(c.endDate)}`;
  return c.bilingual ? `seit / since ${de(c.startDate)}` : `seit ${de(c.startDate)}`;
}

/** Width of the label column in points: wide enough for the bilingual labels on two lines at most. */
export const certificateLabelWidth = (bilingual: boolean) => (bilingual ? 190 : 150);

/** Renders the certificate as a one-page A4 PDF. */
export async function renderCertificate(c: CertificateData): Promise<Uint8Array> {
  const b = c.bilingual;
  const w = await PdfWriter.create({ title: `Teilnehmerbescheinigung ${c.participantName}`, author: c.operator ?? 'Lotse' });
  if (c.operator) w.text(c.operator, { size: 11, bold: true });
  if (c.operatorAddress) w.text(c.operatorAddress, { size: 9, gray: true });
  w.space(36);
  w.text('Teilnehmerbescheinigung', { size: 22, bold: true });
  if (b) w.text('Certificate of participation', { size: 14, gray: true });
  w.space(24);
  w.text(sentenceDe(c), { size: 11 });
  if (b) {
    w.space(4);
    w.text(sentenceEn(c), { size: 10, gray: true });
  }
  w.space(20);
  const labelWidth = certificateLabelWidth(b);
  const hours = `${formatHoursX100(c.totalHoursX100)} Stunden${b ? ' / hours' : ''}`;
  // a bilingual label too long for its column breaks after the German, so the English stays in one piece
  const label = (deText: string, enText: string, bilingual: boolean) => {
    const one = bilingual ? `${deText} / ${enText}` : deText;
    return w.bold.widthOfTextAtSize(one, 11) <= labelWidth - 8 ? one : `${deText} /\n${enText}`;
  };
  w.field(label('Name', 'Name', b), c.participantName, labelWidth);
  if (c.birthDate) w.field(label('Geburtsdatum', 'Date of birth', b), de(c.birthDate), labelWidth);
  w.field(label('Programm', 'Program', b), c.programName, labelWidth);
  w.field(label('Tätigkeit', 'Activity', b), c.activity, labelWidth);
  w.field(label('Einsatzstelle', 'Site', b), c.site, labelWidth);
  w.field(label('Kommune', 'Municipality', b), c.commune, labelWidth);
  w.field(label('Zeitraum', 'Period', b), period(c), labelWidth);
  w.field(label('Geleistete Stunden', 'Hours worked', b), hours, labelWidth);
  if (c.operator) w.field(label('Träger', 'Organisation', b), c.operator, labelWidth);
  w.space(56);
  w.text(`${c.place}, ${de(c.issuedOn)}`);
  w.space(48);
  w.rule(w.margin, 240);
  w.space(4);
  w.text(b ? 'Unterschrift und Stempel / Signature and stamp' : 'Unterschrift und Stempel', { size: 9, gray: true });
  return w.save();
}
