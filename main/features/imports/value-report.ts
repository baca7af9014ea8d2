import type { ImportRecord, ImportValueReport, RowWarning, ValueField } from '../../../shared/domain/imports.js';
import { parseNationality } from '../../../shared/rules/countries.js';
import { parseResidenceTitle } from '../../../shared/rules/residence-title-parser.js';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import { valueKey, type Decisions, type TargetText } from './value-choices.js';

/** What a value maps to in a catalogue, or undefined when it maps to nothing. */
type Resolve = (value: string) => { mappedTo: string; label: string } | undefined;

export type CommuneResolver = (name: string | null) => { id: number; name: string } | undefined;

const resolvers = (communeOf: CommuneResolver): Record<ValueField, Resolve> => ({
  residenceStatus: (v) => {
    const t = residenceTitle(parseResidenceTitle(v));
    return t ? { mappedTo: t.code, label: t.label } : undefined;
  },
  nationality: (v) => {
    const n = parseNationality(v);
    return n ? { mappedTo: n.code, label: n.name } : undefined;
  },
  commune: (v) => {
    const c = communeOf(v);
    return c ? { mappedTo: String(c.id), label: c.name } : undefined;
  },
});

/** Whether a catalogue recognises the value; each distinct value is looked up once. */
export function recognises(communeOf: CommuneResolver): (field: ValueField, value: string) => boolean {
  const resolve = resolvers(communeOf);
  const seen = new Map<string, boolean>();
  return (field, value) => {
    const key = `${field}\u0000${value}`;
    let hit = seen.get(key);
    if (hit === undefined) seen.set(key, (hit = resolve[field](value) !== undefined));
    return hit;
  };
}

type Rows = ReadonlyArray<{ row: number; record: ImportRecord }>;
type Unknown = { field: ValueField; value: string; rows: number[] };

const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) => b.count - a.count || a.value.localeCompare(b.value, 'de');

/** Per catalogue column: each distinct value of the file with all its rows, split into recognised and unknown. */
function sortValues(rows: Rows, communeOf: CommuneResolver) {
  const resolve = resolvers(communeOf);
  return (Object.keys(resolve) as ValueField[]).flatMap((field) => {
    const seen = new Map<string, number[]>();
    for (const { row, record } of rows) {
      const value = record[field];
      if (value === null || value.trim() === '') continue;
      const at = seen.get(value);
      if (at) at.push(row);
      else seen.set(value, [row]);
    }
    if (seen.size === 0) return [];
    const recognised: ImportValueReport['recognised'] = [];
    const unknown: Unknown[] = [];
    for (const [value, at] of seen) {
      const hit = resolve[field](value);
      if (hit) recognised.push({ value, ...hit, count: at.length });
      else unknown.push({ field, value, rows: at });
    }
    return [{ field, recognised, unknown }];
  });
}

/** The sender's remembered decision for a value, with its label ('' = left empty); null when none or stale. */
export type RememberedOf = (field: ValueField, value: string) => { mapTo: string; label: string } | null;

export function rememberedOf(decisions: Decisions, text: TargetText): RememberedOf {
  return (field, value) => {
    const target = decisions[field]?.get(valueKey(value));
    if (target === undefined) return null;
    const label = text(field, target);
    return label === undefined ? null : { mapTo: target, label: label ?? '' };
  };
}

/**
 * Per mapped column of the catalogues (residence status, nationality, commune): the distinct values of the file
 * with what they map to, and the values that map to nothing with their rows and the sender's earlier decision —
 * so the preview shows every value and nothing is dropped unseen (issue 14 item 5).
 */
export function valueReport(rows: Rows, communeOf: CommuneResolver, remembered: RememberedOf = () => null): ImportValueReport[] {
  return sortValues(rows, communeOf).map(({ field, recognised, unknown }) => ({
    field,
    recognised: recognised.sort(byCount),
    unknown: unknown
      .map((u) => ({ value: u.value, count: u.rows.length, rows: u.rows.slice(0, 50), remembered: remembered(field, u.value) }))
      .sort(byCount),
  }));
}

const fieldWords: Record<ValueField, string> = { residenceStatus: 'Aufenthaltsstatus', nationality: 'Staatsangehörigkeit', commune: 'Wohnort' };
const whatItMisses: Record<ValueField, string> = { residenceStatus: 'keinem Aufenthaltstitel', nationality: 'keinem Land', commune: 'keiner Kommune' };

/**
 * The values an import stores although no catalogue entry matches (issue 14 "Bad input"): one warning per row, and
 * per value its count with the first rows. The text is stored as it is and the person is listed for a decision.
 */
export function unknownValueWarnings(rows: Rows, communeOf: CommuneResolver): { warnings: RowWarning[]; unknownValues: Array<Unknown & { count: number }> } {
  const warnings: RowWarning[] = [];
  const unknownValues: Array<Unknown & { count: number }> = [];
  // field by field (status, nationality, commune), most frequent value first within a field
  for (const { unknown } of sortValues(rows, communeOf)) {
    for (const u of unknown.sort((a, b) => b.rows.length - a.rows.length || a.value.localeCompare(b.value, 'de'))) {
      const message = `${fieldWords[u.field]} „${u.value}“ gehört zu ${whatItMisses[u.field]}; als Text übernommen, bitte entscheiden`;
      for (const row of u.rows) warnings.push({ row, field: u.field, reason: 'unknown_value', message });
      unknownValues.push({ ...u, count: u.rows.length, rows: u.rows.slice(0, 50) });
    }
  }
  warnings.sort((a, b) => a.row - b.row);
  return { warnings, unknownValues };
}
