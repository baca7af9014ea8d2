import { describe, expect, it } from 'vitest';
import { residenceGroupOf } from './residence-groups.js';
import { parseResidenceTitle } from './residence-title-parser.js';
import { residenceTitle, residenceTitles } from './residence-titles.js';

describe('parseResidenceTitle', () => {
  const cases: Array<[string, string | null]> = [
    // spellings of DOMAIN.md and issue 14
    ['Gestattung', 'gestattung'],
    ['AE § 25 Abs. 2', 'ae_25_2'],
    ['NE', 'ne'],
    ['Fiktion', 'fiktion'],
    ['Asylum seeker (Aufenthaltsgestattung)', 'gestattung'],
    ['Residence permit § 25(2) AufenthG', 'ae_25_2'],
    ['Duldung; Ausbildungsduldung beantragt', 'duldung'],
    // today's five values
    ['Aufenthaltsgestattung', 'gestattung'],
    ['Duldung', 'duldung'],
    ['Aufenthaltserlaubnis', 'ae_unbestimmt'],
    ['Niederlassungserlaubnis', 'ne'],
    ['EU', 'eu'],
    // paragraphs and variants
    ['§ 25 Abs. 1 AufenthG', 'ae_25_1'],
    ['AE §25 Absatz 3', 'ae_25_3'],
    ['Aufenthaltserlaubnis nach § 24 AufenthG', 'ae_24'],
    ['AE § 25 Abs. 4', 'ae_25_4'],
    ['§ 25 (5) AufenthG', 'ae_25_5'],
    ['AE § 25a', 'ae_25a'],
    ['§25b AufenthG', 'ae_25b'],
    ['Chancen-Aufenthaltsrecht', 'ae_104c'],
    ['AE § 16b (Studium)', 'ae_studium'],
    ['§ 18b AufenthG', 'ae_erwerb'],
    ['Familiennachzug § 30 AufenthG', 'ae_familie'],
    ['Ausbildungsduldung', 'ausbildungsduldung'],
    ['Beschäftigungsduldung § 60d', 'beschaeftigungsduldung'],
    ['geduldet', 'duldung'],
    ['Fiktionsbescheinigung § 81 Abs. 4', 'fiktion'],
    ['Daueraufenthalt-EU', 'daueraufenthalt_eu'],
    ['Niederlassungserlaubnis § 26 Abs. 3', 'ne_schutz'],
    ['Ankunftsnachweis', 'ankunftsnachweis'],
    ['EU-Bürger', 'eu'],
    ['deutsch', 'de'],
    // English wordings
    ['Temporary protection (Ukraine)', 'ae_24'],
    ['Tolerated stay (Duldung)', 'duldung'],
    ['Settlement permit', 'ne'],
    ['Permanent residence', 'ne'],
    ['Recognised refugee', 'ae_25_2'],
    ['Subsidiary protection', 'ae_25_2'],
    ['Residence permit', 'ae_unbestimmt'],
    ['Student visa residence permit', 'ae_studium'],
    ['EU citizen', 'eu'],
    ['German citizen', 'de'],
    // nothing
    ['', null],
    ['   ', null],
    ['Visum', null],
    ['k. A.', null],
  ];
  it.each(cases)('%j → %j', (text, code) => {
    expect(parseResidenceTitle(text)).toBe(code);
  });

  it('maps every catalogue label and code to its own title', () => {
    for (const title of residenceTitles) {
      expect(parseResidenceTitle(title.label)).toBe(title.code);
      expect(parseResidenceTitle(title.code)).toBe(title.code);
    }
  });
});

describe('catalogue', () => {
  it('derives the attributes DOMAIN.md gives each group', () => {
    expect(residenceTitle('gestattung')).toMatchObject({ group: 'asyl', asylblg: 'yes', labourMarket: 'permission', seekingProtection: true });
    expect(residenceTitle('ae_25_2')).toMatchObject({ group: 'schutz', asylblg: 'no', labourMarket: 'allowed', seekingProtection: true });
    expect(residenceTitle('ae_24')).toMatchObject({ group: 'temporaer', asylblg: 'no', seekingProtection: true });
    expect(residenceTitle('ae_25_5')).toMatchObject({ group: 'ae_sonstige', asylblg: 'yes' });
    expect(residenceTitle('ae_studium')).toMatchObject({ group: 'ae_sonstige', asylblg: 'no', seekingProtection: false });
    expect(residenceTitle('ankunftsnachweis')?.labourMarket).toBe('not_allowed');
    expect(residenceTitle('nope')).toBeUndefined();
  });

  it('has unique codes and labels', () => {
    expect(new Set(residenceTitles.map((x) => x.code)).size).toBe(residenceTitles.length);
    expect(new Set(residenceTitles.map((x) => x.label)).size).toBe(residenceTitles.length);
  });

  it('residenceGroupOf goes through the catalogue', () => {
    expect(residenceGroupOf('AE § 25 Abs. 3')).toBe('abschiebungsverbot');
    expect(residenceGroupOf('Fiktion')).toBe('fiktion');
    expect(residenceGroupOf('Visum')).toBe('');
    expect(residenceGroupOf(null)).toBe('');
  });
});
