import { describe, expect, it } from 'vitest';
import { countryRows } from './countries.data.js';
import { isThirdCountry, nationality, nationalityOptions, parseNationality } from './countries.js';

describe('parseNationality', () => {
  const cases: Array<[string, string | null]> = [
    ['syrisch', 'SY'],
    ['Syrien', 'SY'],
    ['SYR', 'SY'],
    ['Syria', 'SY'],
    ['SY', 'SY'],
    ['Syrian', 'SY'],
    ['syrische', 'SY'],
    ['Staatsangehörigkeit: syrisch', 'SY'],
    ['afghanisch', 'AF'],
    ['Afghanistan', 'AF'],
    ['AFG', 'AF'],
    ['ukrainisch', 'UA'],
    ['Ukraine', 'UA'],
    ['eritreisch', 'ER'],
    ['Türkei', 'TR'],
    ['türkisch', 'TR'],
    ['Turkey', 'TR'],
    ['russisch', 'RU'],
    ['Russische Föderation', 'RU'],
    ['Irak', 'IQ'],
    ['Iraqi', 'IQ'],
    ['Kosovo', 'XK'],
    ['kosovarisch', 'XK'],
    ['Côte d’Ivoire', 'CI'],
    ['Elfenbeinküste', 'CI'],
    ['DR Kongo', 'CD'],
    ['Nordmazedonien', 'MK'],
    ['deutsch', 'DE'],
    ['Deutschland', 'DE'],
    ['DEU', 'DE'],
    ['polnisch', 'PL'],
    ['Vereinigtes Königreich', 'GB'],
    ['staatenlos', 'XS'],
    ['Stateless', 'XS'],
    ['XXA', 'XS'],
    ['ungeklärt', 'XX'],
    ['ungeklärte Staatsangehörigkeit', 'XX'],
    ['', null],
    ['kurdisch', null],
    ['Arabisch', null],
  ];
  it.each(cases)('%j → %j', (text, code) => {
    expect(parseNationality(text)?.code ?? null).toBe(code);
  });

  it('recognises every country by both codes and both names', () => {
    for (const [a2, a3, de, en] of countryRows) {
      for (const spelling of [a2, a3, de, en]) expect(parseNationality(spelling)?.code, spelling).toBe(a2);
    }
  });

  it('names the country in German', () => {
    expect(parseNationality('SYR')?.name).toBe('Syrien');
    expect(nationality('XS')?.name).toBe('staatenlos');
    expect(nationality('QQ')).toBeNull();
  });
});

describe('third country', () => {
  it('derives EU/EEA/CH and third country', () => {
    expect(nationality('PL')?.euEeaCh).toBe(true);
    expect(nationality('NO')?.euEeaCh).toBe(true);
    expect(nationality('CH')?.euEeaCh).toBe(true);
    expect(isThirdCountry('PL')).toBe(false);
    expect(isThirdCountry('DE')).toBe(false);
    expect(isThirdCountry('SY')).toBe(true);
    expect(isThirdCountry('GB')).toBe(true);
    expect(isThirdCountry('XS')).toBe(true);
    expect(isThirdCountry('XX')).toBeNull();
    expect(isThirdCountry(null)).toBeNull();
  });

  it('offers every country once, staatenlos and ungeklärt last', () => {
    const options = nationalityOptions();
    expect(options).toHaveLength(countryRows.length + 2);
    expect(options.at(-2)?.code).toBe('XS');
    expect(options.at(-1)?.code).toBe('XX');
  });
});
