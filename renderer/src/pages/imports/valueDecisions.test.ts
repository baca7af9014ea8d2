import { describe, expect, it } from 'vitest';
import type { ImportValueReport } from '../../../../shared/domain/imports.js';
import { choiceKey, missingCommuneName, valueChoices } from './valueDecisions.js';

const values: ImportValueReport[] = [
  {
    field: 'residenceStatus',
    recognised: [],
    unknown: [
      { value: 'Visum', count: 2, rows: [2, 3], remembered: { mapTo: 'ae_erwerb', label: 'Aufenthaltserlaubnis zur Erwerbstätigkeit' } },
      { value: 'Schutz unklar', count: 1, rows: [4], remembered: null },
    ],
  },
  { field: 'commune', recognised: [], unknown: [{ value: 'Hainichen', count: 1, rows: [5], remembered: null }] },
];

describe('value decisions of the import preview', () => {
  it('sends the remembered and the chosen decisions, never a default the person did not touch', () => {
    expect(valueChoices(values, {})).toEqual([{ field: 'residenceStatus', value: 'Visum', mapTo: 'ae_erwerb' }]);
  });

  it('sends a withdrawn remembered decision as "leave open", so it is forgotten', () => {
    expect(valueChoices(values, { [choiceKey('residenceStatus', 'Visum')]: { mapTo: null } })).toEqual([{ field: 'residenceStatus', value: 'Visum', mapTo: null }]);
  });

  it('sends a commune to create with its trimmed name and district, and names the one without a name', () => {
    const key = choiceKey('commune', 'Hainichen');
    expect(valueChoices(values, { [key]: { mapTo: null, create: { name: ' Hainichen ', district: ' ' } } })).toContainEqual({
      field: 'commune', value: 'Hainichen', mapTo: null, newCommune: { name: 'Hainichen', district: null },
    });
    expect(missingCommuneName(values, { [key]: { mapTo: null, create: { name: '  ', district: 'Mittelsachsen' } } })).toBe(key);
    expect(missingCommuneName(values, {})).toBeNull();
  });
});
