/**
 * Group of a residence title as DOMAIN.md "Residence titles" defines them. Reports break down by group, so the
 * free-text status a person carries (today's five values, or a spelling from an imported list) is mapped here.
 * A first step of issue 14, which replaces the free text with a catalogue; until then this is the one mapping.
 */
export const residenceGroups = [
  'asyl',
  'duldung',
  'schutz',
  'abschiebungsverbot',
  'temporaer',
  'ae_sonstige',
  'niederlassung',
  'fiktion',
  'eu',
  'de',
] as const;
export type ResidenceGroup = (typeof residenceGroups)[number];

export const residenceGroupLabels: Record<ResidenceGroup, string> = {
  asyl: 'Aufenthaltsgestattung (Asylverfahren)',
  duldung: 'Duldung',
  schutz: 'Schutzstatus (§ 25 Abs. 1/2 AufenthG)',
  abschiebungsverbot: 'Abschiebungsverbot (§ 25 Abs. 3 AufenthG)',
  temporaer: 'Vorübergehender Schutz (§ 24 AufenthG)',
  ae_sonstige: 'Sonstige Aufenthaltserlaubnis',
  niederlassung: 'Niederlassungserlaubnis / Daueraufenthalt-EU',
  fiktion: 'Fiktionsbescheinigung',
  eu: 'EU/EWR/Schweiz',
  de: 'Deutsch',
};

/** Keywords tested in this order: the first hit decides ("Duldung; Ausbildungsduldung beantragt" is a Duldung). */
const keywordGroups: ReadonlyArray<readonly [ResidenceGroup, readonly string[]]> = [
  ['fiktion', ['fiktion', '§81', '§ 81']],
  ['asyl', ['gestattung', 'asylum seeker', 'asylbewerber', 'asylsuchend', '§55', '§ 55']],
  ['duldung', ['duldung', 'geduldet', 'tolerat', '§60a', '§ 60a', '§60c', '§ 60c', '§60d', '§ 60d']],
  ['niederlassung', ['niederlassung', 'daueraufenthalt', 'settlement permit', 'permanent residence']],
];

/** Whole values (after trimming and lower-casing) that are abbreviations. */
const exactGroups: Readonly<Record<string, ResidenceGroup>> = {
  ne: 'niederlassung',
  eu: 'eu',
  ewr: 'eu',
  'eu/ewr': 'eu',
  'eu-bürger': 'eu',
  'eu-buerger': 'eu',
  de: 'de',
  deutsch: 'de',
  deutschland: 'de',
  'deutsche staatsangehörigkeit': 'de',
  ae: 'ae_sonstige',
};

/** § 25 Abs. 1/2 → schutz, Abs. 3 → abschiebungsverbot, § 24 → temporaer, other paragraphs → ae_sonstige. */
function groupOfParagraph(text: string): ResidenceGroup | null {
  const m = /§\s*(\d+[a-z]?)\s*(?:abs\.?\s*|\(\s*)?(\d+)?/.exec(text);
  if (!m) return null;
  const [, paragraph, subsection] = m;
  if (paragraph === '24') return 'temporaer';
  if (paragraph === '25' && (subsection === '1' || subsection === '2')) return 'schutz';
  if (paragraph === '25' && subsection === '3') return 'abschiebungsverbot';
  return 'ae_sonstige';
}

const isResidencePermit = (t: string) =>
  t.includes('aufenthaltserlaubnis') || t.includes('residence permit') || /(^|[^a-zäöü])ae([^a-zäöü]|$)/.test(t);

/** The group of a residence status text, or '' when the text names no group this mapping knows. */
export function residenceGroupOf(text: string | null | undefined): ResidenceGroup | '' {
  const t = (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return '';
  const exact = exactGroups[t];
  if (exact) return exact;
  for (const [group, words] of keywordGroups) {
    if (words.some((w) => t.includes(w))) return group;
  }
  if (t.includes('§')) {
    const byParagraph = groupOfParagraph(t);
    if (byParagraph) return byParagraph;
  }
  if (isResidencePermit(t)) return 'ae_sonstige';
  if (/^(eu|ewr)[- ]/.test(t) || t.includes('unionsbürger')) return 'eu';
  return '';
}
