import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from './row-batch.js';
import type { ParsedRow } from './table.js';

const record = (lastName: string, email: string | null) => ({
  lastName, firstName: 'Noor', birthDate: '1990-02-01', gender: 'w' as const, nationality: 'Syrien', commune: 'Döbeln', residenceStatus: null,
  arrivalDate: null, germanLevel: 'B1' as const, phone: '0351 1', email, caseNumber: 'AZ-1', notes: email ? null : 'kommt dienstags\nmit Kind',
});

describe('packed row batches', () => {
  it('arrive exactly as they were sent, warnings at their own rows', () => {
    const rows: ParsedRow[] = [
      { row: 2, record: record('Haddad', 'a@example.org'), warnings: [] },
      { row: 5, record: record('Nowak', 'kaputt'), warnings: [{ row: 5, field: 'email', reason: 'invalid_email', message: 'E-Mail-Adresse „kaputt“ sieht fehlerhaft aus' }] },
      { row: 6, record: record('Ali', null), warnings: [] },
    ];
    expect(unpackRows(structuredClone(packRows(rows)))).toEqual(rows);
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});
