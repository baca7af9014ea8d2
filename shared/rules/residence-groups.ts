import { parseResidenceTitle } from './residence-title-parser.js';
import { residenceTitle } from './residence-titles.js';

/**
 * Groups of residence titles as DOMAIN.md "Residence titles" defines them; reports break down by group. Every
 * title of the catalogue (residence-titles.ts) belongs to one; texts are mapped through the catalogue's parser.
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

/** The group of a residence status text (via the title catalogue), or '' when the text names no title. */
export function residenceGroupOf(text: string | null | undefined): ResidenceGroup | '' {
  return residenceTitle(parseResidenceTitle(text))?.group ?? '';
}
