import { formatHoursX100 } from '../../shared/rules/compensation.js';
import { PdfWriter } from './pdf.js';

/** What a Teilnehmerbescheinigung states (DOMAIN.md): who, what, where, when, how many hours. */
export interface CertificateData {
  operator: string | null;
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
}

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Label in German, with the English below it when the certificate is bilingual. */
function label(deText: string, enText: string, bilingual: boolean): string {
  return bilingual ? `${deText} / ${enText}` : deText;
}

/** Renders the certificate as a one-page A4 PDF. */
export async function renderCertificate(c: CertificateData): Promise<Uint8Array> {
  const b = c.bilingual;
  const w = await PdfWriter.create({ title: `Teilnehmerbescheinigung ${c.participantName}`, author: c.operator ?? 'Lotse' });
  if (c.operator) w.text(c.operator, { size: 10, gray: true });
  w.space(36);
  w.text('Teilnehmerbescheinigung', { size: 22, bold: true });
  if (b) w.text('Certificate of participation', { size: 14, gray: true });
  w.space(24);

  const period = c.endDate ? `${de(c.startDate)} – ${de(c.endDate)}` : `seit ${de(c.startDate)}${b ? ' / since' : ''}`;
  const hours = `${formatHoursX100(c.totalHoursX100)} Stunden${b ? ' / hours' : ''}`;
  const born = c.birthDate ? `, geboren am ${de(c.birthDate)}` : '';
  w.text(
    `Hiermit bestätigen wir, dass ${c.participantName}${born}, an einer Arbeitsgelegenheit (AGH) nach § 5 AsylbLG im Programm „${c.programName}“ teilgenommen hat.`,
    { size: 11 },
  );
  if (b) {
    const bornEn = c.birthDate ? `, born ${de(c.birthDate)}` : '';
    w.space(4);
    w.text(
      `We hereby confirm that ${c.participantName}${bornEn}, took part in a public-benefit work opportunity (AGH) in the program “${c.programName}”.`,
      { size: 10, gray: true },
    );
  }
  w.space(20);
  const labelWidth = b ? 200 : 150;
  w.field(label('Name', 'Name', b), c.participantName, labelWidth);
  if (c.birthDate) w.field(label('Geburtsdatum', 'Date of birth', b), de(c.birthDate), labelWidth);
  w.field(label('Programm', 'Program', b), c.programName, labelWidth);
  w.field(label('Tätigkeit', 'Activity', b), c.activity, labelWidth);
  w.field(label('Einsatzstelle', 'Site', b), c.site, labelWidth);
  w.field(label('Kommune', 'Municipality', b), c.commune, labelWidth);
  w.field(label('Zeitraum', 'Period', b), period, labelWidth);
  w.field(label('Geleistete Stunden', 'Hours worked', b), hours, labelWidth);
  if (c.operator) w.field(label('Träger', 'Organisation', b), c.operator, labelWidth);
  w.space(56);
  w.text(`${c.place}, ${de(c.issuedOn)}`);
  w.space(48);
  w.rule(w.margin, 240);
  w.space(4);
  w.text(label('Unterschrift und Stempel', 'Signature and stamp', b), { size: 9, gray: true });
  return w.save();
}
