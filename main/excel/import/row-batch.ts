import type { ImportRecord, RowWarning } from '../../../shared/domain/imports.js';
import type { ParsedRow } from './table.js';

/**
 * Accepted rows packed for the trip from the reading thread: one flat array of plain values (row number, then the
 * record's fields in a fixed order) instead of an object per row, whose key names the structured clone would
 * write and read again for every row. Measured on the 50,000-row list: about half the CPU of sending the objects.
 */
const fields = [
  'lastName', 'firstName', 'birthDate', 'gender', 'nationality', 'commune', 'residenceStatus', 'arrivalDate', 'germanLevel', 'phone',
  'email', 'caseNumber', 'notes',
] as const satisfies readonly (keyof ImportRecord)[];
// a field added to the record but not to the list above is a compile error here, not a value lost on the way
type Missing = Exclude<keyof ImportRecord, (typeof fields)[number]>;
const complete: [Missing] extends [never] ? true : never = true;
void complete;

const width = fields.length + 1;

export interface PackedRows {
  values: (string | number | null)[];
  /** the few rows with warnings: their position in the batch and their warnings */
  warnings: [number, RowWarning[]][];
}

export function packRows(rows: ParsedRow[]): PackedRows {
  const values: PackedRows['values'] = [];
  const warnings: PackedRows['warnings'] = [];
  rows.forEach((p, i) => {
    values.push(p.row);
    for (const f of fields) values.push(p.record[f]);
    if (p.warnings.length > 0) warnings.push([i, p.warnings]);
  });
  return { values, warnings };
}

export function unpackRows(packed: PackedRows): ParsedRow[] {
  const rows: ParsedRow[] = [];
  const v = packed.values;
  for (let i = 0; i < v.length; i += width) {
    const record = {} as Record<(typeof fields)[number], unknown>;
    for (let j = 0; j < fields.length; j++) record[fields[j]!] = v[i + 1 + j];
    rows.push({ row: v[i] as number, record: record as ImportRecord, warnings: [] });
  }
  for (const [i, w] of packed.warnings) rows[i]!.warnings = w;
  return rows;
}
