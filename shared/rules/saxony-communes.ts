import { normaliseName } from './names.js';
import { saxonyCommuneRows } from './saxony-communes.data.js';

/**
 * The catalogue a coordinator picks communes from instead of typing them (issue 19, item 8): every municipality of
 * Saxony with its official key, its short name and its district.
 */
export interface CatalogCommune {
  /** Amtlicher Gemeindeschlüssel, 8 digits */
  ags: string;
  /** the short name a coordinator uses: "Freiberg" for "Freiberg, Stadt, Universitätsstadt" */
  name: string;
  /** the designation as the Gemeindeverzeichnis writes it */
  officialName: string;
  /** Landkreis, or "Kreisfreie Stadt …" for the three cities outside a district */
  district: string;
}

/**
 * Districts by the first five digits of the key (Land, Regierungsbezirk, Kreis), as since the district reform of
 * 1 August 2008. "Landkreis Leipzig" keeps the district apart from the city.
 */
const districts: Record<string, string> = {
  '14511': 'Kreisfreie Stadt Chemnitz',
  '14521': 'Erzgebirgskreis',
  '14522': 'Mittelsachsen',
  '14523': 'Vogtlandkreis',
  '14524': 'Zwickau',
  '14612': 'Kreisfreie Stadt Dresden',
  '14625': 'Bautzen',
  '14626': 'Görlitz',
  '14627': 'Meißen',
  '14628': 'Sächsische Schweiz-Osterzgebirge',
  '14713': 'Kreisfreie Stadt Leipzig',
  '14729': 'Landkreis Leipzig',
  '14730': 'Nordsachsen',
};

/** The district of a Saxon key, or null for a key outside Saxony's districts. */
export function districtOfAgs(ags: string): string | null {
  return districts[ags.slice(0, 5)] ?? null;
}

/** "Freiberg, Stadt, Universitätsstadt" → "Freiberg": the attributes after the first comma are no part of the name. */
export function shortCommuneName(officialName: string): string {
  return officialName.split(', ')[0]!.trim();
}

function parseRows(): CatalogCommune[] {
  return saxonyCommuneRows
    .trim()
    .split('\n')
    .map((line) => {
      const [ags, officialName] = line.split(';') as [string, string];
      return { ags, officialName, name: shortCommuneName(officialName), district: districtOfAgs(ags) ?? '' };
    });
}

let cache: CatalogCommune[] | null = null;

/** All of Saxony's municipalities, sorted by name (German collation). */
export function saxonyCommunes(): CatalogCommune[] {
  cache ??= parseRows().sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return cache;
}

/** One municipality by its key. */
export function saxonyCommuneByAgs(ags: string): CatalogCommune | undefined {
  return saxonyCommunes().find((c) => c.ags === ags);
}

/**
 * Municipalities whose name, district or key contains the query; umlaut- and case-insensitive ("dobeln" and
 * "Döbeln" find Döbeln), so a coordinator finds a place however they type it.
 */
export function searchSaxonyCommunes(query: string): CatalogCommune[] {
  const q = normaliseName(query).replace(/oe|ae|ue/g, (m) => m[0]!);
  if (!q) return saxonyCommunes();
  const fold = (s: string) => normaliseName(s).replace(/oe|ae|ue/g, (m) => m[0]!);
  return saxonyCommunes().filter((c) => c.ags.startsWith(q) || fold(c.officialName).includes(q) || fold(c.district).includes(q));
}
