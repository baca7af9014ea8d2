import { countryRows } from './countries.data.js';

/**
 * Nationality as a country of ISO 3166-1 (issue 14): "syrisch", "Syrien", "SYR" and "Syria" are one nationality.
 * Two values are no country: staatenlos (XS) and ungeklärt (XX), from the user-assigned range of ISO 3166-1, like
 * the ICAO codes XXA/XXX on German documents.
 */
export const STATELESS = 'XS';
export const UNRESOLVED = 'XX';

export interface Nationality {
  code: string;
  /** German name of the country (or "staatenlos" / "ungeklärt"), as forms and reports show it */
  name: string;
  /** EU, EEA or Switzerland: free movement, not a third country */
  euEeaCh: boolean;
}

const euEeaCh = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH'.split(' '),
);

/** German adjectives of nationality (stem; "syrische", "syrischer" are read as "syrisch"). */
const adjectives: Record<string, string> = {
  syrisch: 'SY', afghanisch: 'AF', irakisch: 'IQ', iranisch: 'IR', eritreisch: 'ER', somalisch: 'SO',
  ukrainisch: 'UA', russisch: 'RU', tuerkisch: 'TR', georgisch: 'GE', venezolanisch: 'VE', kolumbianisch: 'CO',
  nigerianisch: 'NG', pakistanisch: 'PK', libysch: 'LY', libanesisch: 'LB', palaestinensisch: 'PS', jemenitisch: 'YE',
  aethiopisch: 'ET', sudanesisch: 'SD', suedsudanesisch: 'SS', tunesisch: 'TN', marokkanisch: 'MA', algerisch: 'DZ',
  aegyptisch: 'EG', jordanisch: 'JO', armenisch: 'AM', aserbaidschanisch: 'AZ', albanisch: 'AL', kosovarisch: 'XK',
  kosovo: 'XK', serbisch: 'RS', bosnisch: 'BA', mazedonisch: 'MK', nordmazedonisch: 'MK', moldauisch: 'MD',
  moldawisch: 'MD', belarussisch: 'BY', weissrussisch: 'BY', kasachisch: 'KZ', usbekisch: 'UZ', tadschikisch: 'TJ',
  kirgisisch: 'KG', turkmenisch: 'TM', indisch: 'IN', bangladeschisch: 'BD', srilankisch: 'LK', chinesisch: 'CN',
  vietnamesisch: 'VN', guineisch: 'GN', gambisch: 'GM', ghanaisch: 'GH', kamerunisch: 'CM', kongolesisch: 'CD',
  ivorisch: 'CI', senegalesisch: 'SN', malisch: 'ML', nigrisch: 'NE', tschadisch: 'TD', burundisch: 'BI',
  ruandisch: 'RW', kenianisch: 'KE', ugandisch: 'UG', tansanisch: 'TZ', simbabwisch: 'ZW', suedafrikanisch: 'ZA',
  brasilianisch: 'BR', peruanisch: 'PE', kubanisch: 'CU', mexikanisch: 'MX', amerikanisch: 'US', usamerikanisch: 'US',
  kanadisch: 'CA', britisch: 'GB', irisch: 'IE', franzoesisch: 'FR', italienisch: 'IT', spanisch: 'ES',
  portugiesisch: 'PT', niederlaendisch: 'NL', belgisch: 'BE', luxemburgisch: 'LU', oesterreichisch: 'AT',
  schweizerisch: 'CH', schweizer: 'CH', polnisch: 'PL', tschechisch: 'CZ', slowakisch: 'SK', ungarisch: 'HU',
  rumaenisch: 'RO', bulgarisch: 'BG', griechisch: 'GR', kroatisch: 'HR', slowenisch: 'SI', litauisch: 'LT',
  lettisch: 'LV', estnisch: 'EE', finnisch: 'FI', schwedisch: 'SE', daenisch: 'DK', norwegisch: 'NO',
  islaendisch: 'IS', zypriotisch: 'CY', maltesisch: 'MT', liechtensteinisch: 'LI', deutsch: 'DE', japanisch: 'JP',
  koreanisch: 'KR', suedkoreanisch: 'KR', thailaendisch: 'TH', philippinisch: 'PH', indonesisch: 'ID',
  mongolisch: 'MN', nepalesisch: 'NP', saudisch: 'SA', saudiarabisch: 'SA', kuwaitisch: 'KW', katarisch: 'QA',
  israelisch: 'IL', montenegrinisch: 'ME', angolanisch: 'AO', beninisch: 'BJ', togoisch: 'TG', liberianisch: 'LR',
  sierraleonisch: 'SL', mauretanisch: 'MR', dschibutisch: 'DJ', myanmarisch: 'MM', kambodschanisch: 'KH',
};

/** Other names lists use: English adjectives and names, older German names, the ICAO/passport spellings. */
const aliases: Record<string, string> = {
  syrian: 'SY', afghan: 'AF', iraqi: 'IQ', iranian: 'IR', persien: 'IR', eritrean: 'ER', somali: 'SO',
  ukrainian: 'UA', russian: 'RU', turkish: 'TR', tuerkei: 'TR', turkey: 'TR', georgian: 'GE', venezuelan: 'VE',
  nigerian: 'NG', pakistani: 'PK', libyan: 'LY', lebanese: 'LB', palestinian: 'PS', palaestina: 'PS', palestine: 'PS',
  yemeni: 'YE', ethiopian: 'ET', sudanese: 'SD', tunisian: 'TN', moroccan: 'MA', algerian: 'DZ', egyptian: 'EG',
  indian: 'IN', chinese: 'CN', vietnamese: 'VN', german: 'DE', polish: 'PL', romanian: 'RO', bulgarian: 'BG',
  albanian: 'AL', serbian: 'RS', kosovar: 'XK', bosnian: 'BA', moldovan: 'MD', belarusian: 'BY', armenian: 'AM',
  azerbaijani: 'AZ', guinean: 'GN', gambian: 'GM', cameroonian: 'CM', congolese: 'CD', kongo: 'CD',
  'dr kongo': 'CD', 'demokratische republik kongo': 'CD', 'republik kongo': 'CG', 'elfenbeinkueste': 'CI',
  'ivory coast': 'CI', 'cote d ivoire': 'CI', 'vereinigte staaten': 'US', usa: 'US', 'united states': 'US',
  'grossbritannien': 'GB', england: 'GB', uk: 'GB', 'united kingdom': 'GB', britain: 'GB', weissrussland: 'BY',
  moldawien: 'MD', mazedonien: 'MK', macedonia: 'MK', 'bosnien und herzegowina': 'BA', bosnien: 'BA',
  tschechische: 'CZ', 'tschechische republik': 'CZ', 'czech republic': 'CZ', birma: 'MM', burma: 'MM',
  russland: 'RU', 'russische foederation': 'RU', 'russian federation': 'RU', holland: 'NL', suedkorea: 'KR',
  korea: 'KR', nordkorea: 'KP', vietnam: 'VN', 'viet nam': 'VN', iran: 'IR', syria: 'SY', 'arabische republik syrien': 'SY',
  brd: 'DE', deutschland: 'DE', 'bundesrepublik deutschland': 'DE', kosovo: 'XK', 'sri lanka': 'LK',
};

const specials: Record<string, string> = {
  staatenlos: STATELESS, stateless: STATELESS, xxa: STATELESS, xs: STATELESS,
  ungeklaert: UNRESOLVED, 'ungeklaerte staatsangehoerigkeit': UNRESOLVED, unbekannt: UNRESOLVED, unknown: UNRESOLVED,
  unclear: UNRESOLVED, undetermined: UNRESOLVED, xxx: UNRESOLVED, xx: UNRESOLVED, 'ohne angabe': UNRESOLVED,
};

/** Lower case, umlauts and other diacritics folded, punctuation and hyphens to spaces, whitespace collapsed. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`.,:;()/_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const index = new Map<string, string>();
for (const [a2, a3, de, en] of countryRows) {
  index.set(a2.toLowerCase(), a2);
  index.set(a3.toLowerCase(), a2);
  index.set(normalise(de), a2);
  index.set(normalise(en), a2);
}
for (const [k, v] of Object.entries({ ...adjectives, ...aliases })) index.set(normalise(k), v);
for (const [k, v] of Object.entries(specials)) index.set(k, v);

const germanNames = new Map(countryRows.map(([a2, , de]) => [a2, de]));
germanNames.set(STATELESS, 'staatenlos');
germanNames.set(UNRESOLVED, 'ungeklärt');

/** Declined adjective forms ("syrische", "syrischer", "syrischen") read as their stem. */
function adjectiveStem(t: string): string {
  return t.replace(/(isch|sch)(e|er|es|en|em)$/, '$1');
}

/** The nationality a text names, or null when it names none (shown to the user for a decision, never dropped). */
export function parseNationality(text: string | null | undefined): Nationality | null {
  const t = normalise(text ?? '');
  if (t === '') return null;
  const stripped = t.replace(/^(staatsangehoerigkeit|nationalitaet|nationality) /, '');
  const code = index.get(stripped) ?? index.get(adjectiveStem(stripped)) ?? index.get(stripped.replace(/ /g, ''));
  return code ? nationality(code) : null;
}

/** The nationality of a code (alpha-2, XS, XX), or null for a code this build does not know. */
export function nationality(code: string | null | undefined): Nationality | null {
  const name = code ? germanNames.get(code) : undefined;
  if (!code || name === undefined) return null;
  return { code, name, euEeaCh: euEeaCh.has(code) };
}

/**
 * Third-country national (ESF Plus): not a citizen of the EU, the EEA or Switzerland; stateless people are third-
 * country nationals; null when the nationality is unresolved or unknown.
 */
export function isThirdCountry(code: string | null | undefined): boolean | null {
  if (!code || code === UNRESOLVED || !germanNames.has(code)) return null;
  return !euEeaCh.has(code);
}

/** Every nationality for pick lists: countries by German name, then staatenlos and ungeklärt. */
export function nationalityOptions(): Nationality[] {
  const countries = countryRows.map(([a2]) => nationality(a2)!).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return [...countries, nationality(STATELESS)!, nationality(UNRESOLVED)!];
}
