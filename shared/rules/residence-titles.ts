import type { ResidenceGroup } from './residence-groups.js';

/**
 * The catalogue of residence titles (issue 14, DOMAIN.md "Residence titles"). Every title has its legal basis,
 * its report group and the attributes rules test: entitlement under the AsylbLG, access to the labour market and
 * whether the holder seeks or has protection. 'depends' means the title alone does not decide: the Fiktions-
 * bescheinigung continues the earlier title, a residence permit without a named paragraph needs its paragraph.
 */
export type AsylblgEntitlement = 'yes' | 'no' | 'depends';
export type LabourMarketAccess = 'allowed' | 'permission' | 'not_allowed' | 'depends';

export interface ResidenceTitle {
  code: string;
  label: string;
  legalBasis: string;
  group: ResidenceGroup;
  asylblg: AsylblgEntitlement;
  labourMarket: LabourMarketAccess;
  seekingProtection: boolean;
}

const t = (
  code: string,
  label: string,
  legalBasis: string,
  group: ResidenceGroup,
  asylblg: AsylblgEntitlement,
  labourMarket: LabourMarketAccess,
  seekingProtection: boolean,
): ResidenceTitle => ({ code, label, legalBasis, group, asylblg, labourMarket, seekingProtection });

export const residenceTitles: readonly ResidenceTitle[] = [
  t('gestattung', 'Aufenthaltsgestattung', '§ 55 AsylG', 'asyl', 'yes', 'permission', true),
  t('ankunftsnachweis', 'Ankunftsnachweis', '§ 63a AsylG', 'asyl', 'yes', 'not_allowed', true),
  t('duldung', 'Duldung', '§ 60a AufenthG', 'duldung', 'yes', 'permission', true),
  t('ausbildungsduldung', 'Ausbildungsduldung', '§ 60c AufenthG', 'duldung', 'yes', 'permission', true),
  t('beschaeftigungsduldung', 'Beschäftigungsduldung', '§ 60d AufenthG', 'duldung', 'yes', 'allowed', true),
  t('ae_25_1', 'Aufenthaltserlaubnis § 25 Abs. 1 AufenthG (Asylberechtigung)', '§ 25 Abs. 1 AufenthG', 'schutz', 'no', 'allowed', true),
  t('ae_25_2', 'Aufenthaltserlaubnis § 25 Abs. 2 AufenthG (Flüchtlingsschutz, subsidiärer Schutz)', '§ 25 Abs. 2 AufenthG', 'schutz', 'no', 'allowed', true),
  t('ae_25_3', 'Aufenthaltserlaubnis § 25 Abs. 3 AufenthG (Abschiebungsverbot)', '§ 25 Abs. 3 AufenthG', 'abschiebungsverbot', 'no', 'allowed', true),
  t('ae_24', 'Aufenthaltserlaubnis § 24 AufenthG (vorübergehender Schutz)', '§ 24 AufenthG', 'temporaer', 'no', 'allowed', true),
  t('ae_25_4', 'Aufenthaltserlaubnis § 25 Abs. 4 AufenthG (vorübergehender Aufenthalt)', '§ 25 Abs. 4 AufenthG', 'ae_sonstige', 'yes', 'allowed', false),
  t('ae_25_5', 'Aufenthaltserlaubnis § 25 Abs. 5 AufenthG (Ausreise unmöglich)', '§ 25 Abs. 5 AufenthG', 'ae_sonstige', 'yes', 'allowed', false),
  t('ae_25a', 'Aufenthaltserlaubnis § 25a AufenthG (gut integrierte Jugendliche)', '§ 25a AufenthG', 'ae_sonstige', 'no', 'allowed', false),
  t('ae_25b', 'Aufenthaltserlaubnis § 25b AufenthG (nachhaltige Integration)', '§ 25b AufenthG', 'ae_sonstige', 'no', 'allowed', false),
  t('ae_104c', 'Chancen-Aufenthaltsrecht § 104c AufenthG', '§ 104c AufenthG', 'ae_sonstige', 'yes', 'allowed', false),
  t('ae_studium', 'Aufenthaltserlaubnis § 16b AufenthG (Studium)', '§ 16b AufenthG', 'ae_sonstige', 'no', 'permission', false),
  t('ae_ausbildung', 'Aufenthaltserlaubnis § 16a AufenthG (Berufsausbildung)', '§ 16a AufenthG', 'ae_sonstige', 'no', 'permission', false),
  t('ae_erwerb', 'Aufenthaltserlaubnis zur Erwerbstätigkeit (§§ 18a–21 AufenthG)', '§§ 18a–21 AufenthG', 'ae_sonstige', 'no', 'allowed', false),
  t('ae_familie', 'Aufenthaltserlaubnis aus familiären Gründen (§§ 27–36 AufenthG)', '§§ 27–36 AufenthG', 'ae_sonstige', 'no', 'allowed', false),
  t('ae_unbestimmt', 'Aufenthaltserlaubnis (Rechtsgrundlage nicht angegeben)', 'AufenthG', 'ae_sonstige', 'depends', 'depends', false),
  t('ne', 'Niederlassungserlaubnis', '§ 9 AufenthG', 'niederlassung', 'no', 'allowed', false),
  t('ne_schutz', 'Niederlassungserlaubnis § 26 Abs. 3 AufenthG (nach Schutzstatus)', '§ 26 Abs. 3 AufenthG', 'niederlassung', 'no', 'allowed', true),
  t('daueraufenthalt_eu', 'Erlaubnis zum Daueraufenthalt-EU', '§ 9a AufenthG', 'niederlassung', 'no', 'allowed', false),
  t('fiktion', 'Fiktionsbescheinigung', '§ 81 Abs. 3/4 AufenthG', 'fiktion', 'depends', 'depends', false),
  t('eu', 'Freizügigkeit (EU/EWR/Schweiz)', 'FreizügG/EU', 'eu', 'no', 'allowed', false),
  t('de', 'Deutsche Staatsangehörigkeit', 'Art. 116 GG', 'de', 'no', 'allowed', false),
];

export const residenceTitleCodes = residenceTitles.map((x) => x.code) as [string, ...string[]];
const byCode = new Map(residenceTitles.map((x) => [x.code, x]));

/** The catalogue entry of a code, or undefined for a code this build does not know. */
export function residenceTitle(code: string | null | undefined): ResidenceTitle | undefined {
  return code ? byCode.get(code) : undefined;
}

export const labourMarketLabels: Record<LabourMarketAccess, string> = {
  allowed: 'erlaubt',
  permission: 'mit Erlaubnis der Ausländerbehörde',
  not_allowed: 'nicht erlaubt',
  depends: 'je nach Titel',
};
