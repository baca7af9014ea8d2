import { residenceTitles } from './residence-titles.js';

/**
 * Maps the spellings found in lists and forms ("Gestattung", "AE § 25 Abs. 2", "NE", "Fiktion", "Asylum seeker
 * (Aufenthaltsgestattung)", "Residence permit § 25(2) AufenthG", "Duldung; Ausbildungsduldung beantragt") to a
 * title code of the catalogue, or to null when the text names no title: the caller shows it for a decision.
 */

/** Lower case, German umlauts folded, "Abs." / "Absatz" / "(2)" written one way, whitespace collapsed. */
export function normaliseTitleText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/§+/g, ' § ')
    .replace(/\babsatz\b|\babs\b\.?/g, ' abs ')
    .replace(/\(\s*(\d)\s*\)/g, ' abs $1 ')
    .replace(/[.,:]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whole normalised values: abbreviations, the old five values, and every catalogue label and code. */
const exact = new Map<string, string>([
  ['ne', 'ne'],
  ['ae', 'ae_unbestimmt'],
  ['aufenthaltserlaubnis', 'ae_unbestimmt'],
  ['residence permit', 'ae_unbestimmt'],
  ['eu', 'eu'],
  ['ewr', 'eu'],
  ['eu/ewr', 'eu'],
  ['de', 'de'],
  ['deutsch', 'de'],
  ['deutsche', 'de'],
  ['deutscher', 'de'],
  ['deutschland', 'de'],
  ['german', 'de'],
  ['fiktion', 'fiktion'],
  ['gestattung', 'gestattung'],
  ...residenceTitles.flatMap((x) => [
    [normaliseTitleText(x.label), x.code] as [string, string],
    [x.code, x.code] as [string, string],
  ]),
]);

/** Keywords, tested in this order; the first hit decides. */
const keywords: ReadonlyArray<readonly [string, RegExp]> = [
  ['fiktion', /fiktion|§ 81\b|fictional certificate/],
  ['ausbildungsduldung', /ausbildungsduldung|§ 60c\b/],
  ['beschaeftigungsduldung', /beschaeftigungsduldung|§ 60d\b/],
  ['duldung', /duldung|geduldet|tolerat|§ 60a\b|exceptional leave/],
  ['ankunftsnachweis', /ankunftsnachweis|§ 63a\b|arrival certificate/],
  ['gestattung', /gestattung|asylum seeker|asylbewerber|asylsuchend|asylverfahren|§ 55\b|asylum procedure/],
  ['daueraufenthalt_eu', /daueraufenthalt|long[- ]term resident|§ 9a\b/],
  ['ne_schutz', /§ 26 abs [34]\b/],
  ['ne', /niederlassung|settlement permit|permanent residen|§ 9\b/],
  ['ae_104c', /chancen|§ 104c\b/],
  ['ae_24', /voruebergehende[nr]? schutz|temporary protection|§ 24\b/],
  ['eu', /freizuegig|unionsbuerger|eu[- ]buerger|eu citizen|^(eu|ewr)[- /]/],
  ['de', /deutsche staatsangehoerigkeit|german citizen/],
];

/** § 25 and the other paragraphs of a residence permit, by paragraph and subsection. */
function byParagraph(t: string): string | null {
  const m = /§ (\d+[a-z]?) ?(?:abs ?(\d))?/.exec(t);
  if (!m) return null;
  const [, para, sub] = m;
  if (para === '25') return sub ? ({ '1': 'ae_25_1', '2': 'ae_25_2', '3': 'ae_25_3', '4': 'ae_25_4', '5': 'ae_25_5' }[sub] ?? null) : null;
  if (para === '25a') return 'ae_25a';
  if (para === '25b') return 'ae_25b';
  if (para === '16b') return 'ae_studium';
  if (para === '16a') return 'ae_ausbildung';
  if (/^(18[a-g]?|19[a-e]?|20|21)$/.test(para!)) return 'ae_erwerb';
  const n = Number.parseInt(para!, 10);
  if (n >= 27 && n <= 36) return 'ae_familie';
  return null;
}

/** Words that name a kind of protection or permit without a paragraph. */
const wordings: ReadonlyArray<readonly [string, RegExp]> = [
  ['ae_25_1', /asylberechtig|entitled to asylum/],
  ['ae_25_2', /fluechtlingseigenschaft|anerkannte[rn]? fluechtling|recognised refugee|recognized refugee|refugee status|subsidiaer|subsidiary protection|gfk/],
  ['ae_25_3', /abschiebungsverbot|deportation ban/],
  ['ae_studium', /studium|student/],
];

const isPermit = (t: string) => /aufenthaltserlaubnis|residence permit|(^|[^a-z])ae([^a-z]|$)/.test(t);

function parseOne(text: string): string | null {
  const t = normaliseTitleText(text);
  if (t === '') return null;
  const whole = exact.get(t);
  if (whole) return whole;
  for (const [code, re] of keywords) if (re.test(t)) return code;
  const para = byParagraph(t);
  if (para) return para;
  for (const [code, re] of wordings) if (re.test(t)) return code;
  if (isPermit(t)) return 'ae_unbestimmt';
  return null;
}

/**
 * The title code a text names, or null. A list of several ("Duldung; Ausbildungsduldung beantragt") is decided by
 * its first part — the title held now; what is applied for comes after it.
 */
export function parseResidenceTitle(text: string | null | undefined): string | null {
  const raw = (text ?? '').trim();
  if (raw === '') return null;
  const first = raw.split(/[;\n]/)[0]!;
  return parseOne(first) ?? parseOne(raw);
}
