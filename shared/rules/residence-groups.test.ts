import { describe, expect, it } from 'vitest';
import { residenceGroupOf } from './residence-groups.js';

describe('residence groups', () => {
  it("map today's five values and the spellings DOMAIN.md lists", () => {
    const cases: [string | null, string][] = [
      ['Aufenthaltsgestattung', 'asyl'],
      ['Duldung', 'duldung'],
      ['Aufenthaltserlaubnis', 'ae_sonstige'],
      ['Niederlassungserlaubnis', 'niederlassung'],
      ['EU', 'eu'],
      ['Gestattung', 'asyl'],
      ['AE § 25 Abs. 2', 'schutz'],
      ['NE', 'niederlassung'],
      ['Fiktion', 'fiktion'],
      ['Asylum seeker (Aufenthaltsgestattung)', 'asyl'],
      ['Residence permit § 25(2) AufenthG', 'schutz'],
      ['Duldung; Ausbildungsduldung beantragt', 'duldung'],
      ['Aufenthaltserlaubnis § 25 Abs. 3 AufenthG', 'abschiebungsverbot'],
      ['AE § 24 AufenthG', 'temporaer'],
      ['Aufenthaltserlaubnis § 25b', 'ae_sonstige'],
      ['  deutsch ', 'de'],
      ['Kein Eintrag bekannt', ''],
      [null, ''],
    ];
    expect(cases.map(([text]) => [text, residenceGroupOf(text)])).toEqual(cases);
  });
});
