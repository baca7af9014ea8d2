import { nowIso } from '../../../shared/domain/dates.js';
import type { Selectable, Transaction } from 'kysely';
import type { ImportRecord } from '../../../shared/domain/imports.js';
import { fillRows } from '../../db/engine/bulk.js';
import { valuesOf } from '../../db/engine/sql-parts.js';
import type { Database, ParticipantsTable } from '../../db/schema.js';
import { derivedColumns } from '../participants/participants.service.js';
import type { CommuneOf } from './communes-of.js';

/** The participant columns of a record as the import stores it; keys and search text as every other write derives them. */
export function participantColumns(r: ImportRecord, communeOf: CommuneOf) {
  const commune = communeOf(r.commune);
  return {
    last_name: r.lastName,
    first_name: r.firstName,
    birth_date: r.birthDate,
    gender: r.gender,
    nationality: r.nationality,
    commune_id: commune?.id ?? null,
    commune_text: commune ? null : r.commune,
    residence_status: r.residenceStatus,
    arrival_in_saxony: r.arrivalDate,
    german_level: r.germanLevel,
    phone: r.phone,
    email: r.email,
    case_number: r.caseNumber,
    notes: r.notes,
    ...derivedColumns(r),
  };
}

type ParticipantRow = Selectable<ParticipantsTable>;

/** The columns an import may fill on a matched person; in this order in the JSON rows of fillExisting. */
const fillColumns = [
  'birth_date', 'birth_year', 'name_key', 'gender', 'nationality', 'commune_id', 'commune_text', 'residence_status',
  'arrival_in_saxony', 'german_level', 'phone', 'email', 'case_number', 'case_number_key', 'search_text', 'notes',
] as const;

/**
 * Fills only the fields that are empty in Lotse; never overwrites. Decides per person here, then writes all
 * changes in one statement (a value of null in the JSON means "leave as it is"). Returns what was filled.
 */
export async function fillExisting(
  trx: Transaction<Database>,
  people: { id: number; record: ImportRecord }[],
  communeOf: CommuneOf,
  usedCaseKeys: Set<string>,
): Promise<{ id: number; fields: string[] }[]> {
  const filled: { id: number; fields: string[] }[] = [];
  const updates: unknown[][] = [];
  for (let i = 0; i < people.length; i += 2000) {
    const chunk = people.slice(i, i + 2000);
    const current = await trx
      .selectFrom('participants')
      .selectAll()
      .where('id', 'in', valuesOf(trx, chunk.map((e) => e.id)))
      .execute();
    const byId = new Map(current.map((r) => [r.id, r]));
    for (const e of chunk) {
      const row = byId.get(e.id);
      if (!row) continue;
      const set = fillFor(row, e.record, communeOf, usedCaseKeys);
      if (!set) continue;
      filled.push({ id: row.id, fields: set.fields });
      updates.push([row.id, ...fillColumns.map((col) => set.values[col] ?? null)]);
    }
  }
  if (updates.length === 0) return filled;
  const now = nowIso();
  for (let i = 0; i < updates.length; i += 2000) {
    await fillRows(trx, 'participants', fillColumns, updates.slice(i, i + 2000), now);
  }
  return filled;
}

function fillFor(
  row: ParticipantRow,
  r: ImportRecord,
  communeOf: CommuneOf,
  usedCaseKeys: Set<string>,
): { fields: string[]; values: Partial<Record<(typeof fillColumns)[number], string | number>> } | null {
  const cols = participantColumns(r, communeOf);
  const set: Partial<Record<(typeof fillColumns)[number], string | number>> = {};
  const take = (col: (typeof fillColumns)[number] & keyof ParticipantRow) => {
    const v = cols[col];
    if (row[col] === null && v !== null) set[col] = v;
  };
  take('birth_date');
  take('gender');
  take('nationality');
  if (row.commune_id === null && row.commune_text === null) {
    take('commune_id');
    take('commune_text');
  }
  take('residence_status');
  take('arrival_in_saxony');
  take('german_level');
  take('phone');
  take('email');
  take('notes');
  if (row.case_number === null && cols.case_number && cols.case_number_key && !usedCaseKeys.has(cols.case_number_key)) {
    set.case_number = cols.case_number;
    set.case_number_key = cols.case_number_key;
    usedCaseKeys.add(cols.case_number_key);
  }
  const fields = Object.keys(set);
  if (fields.length === 0) return null;
  // the keys follow the person's stored name with what was filled in
  const derived = derivedColumns({
    lastName: row.last_name,
    firstName: row.first_name,
    birthDate: (set.birth_date as string | undefined) ?? row.birth_date,
    caseNumber: (set.case_number as string | undefined) ?? row.case_number,
  });
  if (set.birth_date) {
    set.birth_year = derived.birth_year!;
    if (derived.name_key) set.name_key = derived.name_key;
  }
  set.search_text = derived.search_text;
  return { fields, values: set };
}
