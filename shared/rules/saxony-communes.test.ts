import { describe, expect, it } from 'vitest';
import { districtOfAgs, saxonyCommuneByAgs, saxonyCommunes, searchSaxonyCommunes, shortCommuneName } from './saxony-communes.js';

describe('Saxony commune catalogue', () => {
  const all = saxonyCommunes();

  it('has every municipality once, each with an 8-digit Saxon key and a district', () => {
    expect(all).toHaveLength(419);
    for (const c of all) {
      expect(c.ags, c.officialName).toMatch(/^14\d{6}$/);
      expect(c.district, c.ags).not.toBe('');
      expect(c.name.length, c.ags).toBeGreaterThan(1);
    }
    expect(new Set(all.map((c) => c.ags)).size).toBe(all.length);
  });

  it('covers Landkreis Mittelsachsen (53 municipalities) and the three cities outside a district', () => {
    expect(all.filter((c) => c.district === 'Mittelsachsen')).toHaveLength(53);
    expect(saxonyCommuneByAgs('14522180')).toMatchObject({ name: 'Freiberg', district: 'Mittelsachsen' });
    expect(saxonyCommuneByAgs('14612000')).toMatchObject({ name: 'Dresden', district: 'Kreisfreie Stadt Dresden' });
    expect(saxonyCommuneByAgs('14713000')).toMatchObject({ name: 'Leipzig', district: 'Kreisfreie Stadt Leipzig' });
    expect(saxonyCommuneByAgs('14511000')).toMatchObject({ name: 'Chemnitz', district: 'Kreisfreie Stadt Chemnitz' });
    expect(saxonyCommuneByAgs('14729160')).toMatchObject({ name: 'Grimma', district: 'Landkreis Leipzig' });
  });

  it('derives short names and districts from the official designation and key', () => {
    expect(shortCommuneName('Mittweida, Stadt, Hochschulstadt')).toBe('Mittweida');
    expect(shortCommuneName('Großschirma, Stadt')).toBe('Großschirma');
    expect(shortCommuneName('Halsbrücke')).toBe('Halsbrücke');
    expect(districtOfAgs('14522080')).toBe('Mittelsachsen');
    expect(districtOfAgs('15003000')).toBeNull();
  });

  it('finds by name however umlauts are typed, by district and by key prefix', () => {
    expect(searchSaxonyCommunes('dobeln').map((c) => c.ags)).toEqual(['14522080']);
    expect(searchSaxonyCommunes('Döbeln').map((c) => c.ags)).toEqual(['14522080']);
    expect(searchSaxonyCommunes('doebeln').map((c) => c.ags)).toEqual(['14522080']);
    expect(searchSaxonyCommunes('GROSSSCHIRMA').map((c) => c.name)).toEqual(['Großschirma']);
    expect(searchSaxonyCommunes('14522')).toHaveLength(53);
    expect(searchSaxonyCommunes('mittelsachsen')).toHaveLength(53);
    expect(searchSaxonyCommunes('')).toHaveLength(419);
    expect(searchSaxonyCommunes('xyzq')).toEqual([]);
  });

  it('sorts by name in German order', () => {
    const names = all.map((c) => c.name);
    expect(names.indexOf('Döbeln')).toBeLessThan(names.indexOf('Dohma'));
  });
});
