import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../../shared/domain/imports.js';
import { savedMappingFor, senderKey, type SavedMappings } from './saved-mapping.js';
import { headerKey } from './table.js';

const headers = ['Familie', 'Vorname', 'Geburtsdatum', 'Wohnort', 'Notiz'];
const proposed: ImportMapping = [null, 'firstName', 'birthDate', 'commune', null];

const savedFor = (byHeader: Record<string, ImportMapping[number]>): SavedMappings => ({
  [senderKey('Jobcenter')]: Object.fromEntries(Object.entries(byHeader).map(([h, f]) => [headerKey(h), f])),
});

describe('saved column mapping', () => {
  it('applies what the sender saved and keeps the automatic match of a header it has not seen', () => {
    const apply = savedMappingFor(savedFor({ Familie: 'lastName', Vorname: 'firstName' }), 'Jobcenter');
    expect(apply(headers, proposed)).toEqual(['lastName', 'firstName', 'birthDate', 'commune', null]);
  });

  it('keeps a column the sender chose not to import ignored, even where the proposal would map it', () => {
    const apply = savedMappingFor(savedFor({ Familie: 'lastName', Wohnort: null }), 'Jobcenter');
    expect(apply(headers, proposed)).toEqual(['lastName', 'firstName', 'birthDate', null, null]);
  });

  it('never gives a field twice: a proposal for a field the saved mapping gave to another column is dropped', () => {
    const apply = savedMappingFor(savedFor({ Familie: 'lastName', Notiz: 'commune' }), 'Jobcenter');
    expect(apply(headers, proposed)).toEqual(['lastName', 'firstName', 'birthDate', null, 'commune']);
  });

  it('is no saved mapping when it maps none of the headers, or for another sender', () => {
    expect(savedMappingFor(savedFor({ Nachname: 'lastName' }), 'Jobcenter')(headers, proposed)).toBeNull();
    expect(savedMappingFor(savedFor({ Familie: 'lastName' }), 'Landratsamt')(headers, proposed)).toBeNull();
  });
});
