import type { CanonicalParticipant, ImportValueReport } from '../../../shared/domain/imports.js';
import { parseNationality } from '../../../shared/rules/countries.js';
import { parseResidenceTitle } from '../../../shared/rules/residence-title-parser.js';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';

/** What a value maps to in a catalogue, or undefined when it maps to nothing. */
type Resolve = (value: string) => { mappedTo: string; label: string } | undefined;

export type CommuneResolver = (name: string | null) => { id: number; name: string } | undefined;

const resolvers = (communeOf: CommuneResolver): Record<ImportValueReport['field'], Resolve> => ({
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

/**
 * Per mapped column of the catalogues (residence status, nationality, commune): the distinct values of the file
 * with what they map to, and the values that map to nothing with their rows — so the preview shows every value and
 * nothing is dropped unseen (issue 14 item 5). Unknown values are still imported as text and listed for a decision.
 */
export function valueReport(rows: ReadonlyArray<{ row: number; record: CanonicalParticipant }>, communeOf: CommuneResolver): ImportValueReport[] {
  const resolve = resolvers(communeOf);
  return (Object.keys(resolve) as ImportValueReport['field'][]).flatMap((field) => {
    const seen = new Map<string, number[]>();
    for (const { row, record } of rows) {
      const value = record[field];
      if (value === null || value.trim() === '') continue;
      seen.set(value, [...(seen.get(value) ?? []), row]);
    }
    if (seen.size === 0) return [];
    const recognised: ImportValueReport['recognised'] = [];
    const unknown: ImportValueReport['unknown'] = [];
    for (const [value, at] of seen) {
      const hit = resolve[field](value);
      if (hit) recognised.push({ value, ...hit, count: at.length });
      else unknown.push({ value, count: at.length, rows: at.slice(0, 50) });
    }
    const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) => b.count - a.count || a.value.localeCompare(b.value, 'de');
    return [{ field, recognised: recognised.sort(byCount), unknown: unknown.sort(byCount) }];
  });
}
