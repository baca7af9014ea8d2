import type { ImportField, ImportMapping } from '../../../shared/domain/imports.js';
import { headerKey } from './table.js';

/**
 * Mappings the user confirmed earlier, per sender (lower case) and per header layout: each header key → field, or
 * null for a column the user chose not to import. Plain data, so the thread that reads the file can apply them to
 * the headers it finds.
 */
export type SavedMappings = Record<string, Record<string, ImportField | null>>;

export const layoutKey = (headers: string[]) => `layout:${headers.map(headerKey).join('|')}`;
export const senderKey = (sender: string) => `sender:${sender.trim().toLowerCase()}`;

/**
 * The saved mapping applied to the headers found. A header the saved mapping has not seen keeps the automatic
 * proposal (issue 14: a saved mapping never overrides a better automatic match), unless the saved mapping already
 * gives that field to another column. Null when the saved mapping maps none of these headers.
 */
function applySaved(saved: Record<string, ImportField | null> | undefined, headers: string[], proposed: ImportMapping): ImportMapping | null {
  if (!saved) return null;
  const known = headers.map((h) => {
    const key = headerKey(h);
    return Object.hasOwn(saved, key) ? saved[key]! : undefined;
  });
  if (!known.some((f) => f !== undefined && f !== null)) return null;
  const taken = new Set(known.filter((f) => f !== undefined && f !== null));
  return known.map((f, i) => {
    if (f !== undefined) return f;
    const p = proposed[i] ?? null;
    if (p === null || taken.has(p)) return null;
    taken.add(p);
    return p;
  });
}

/** The sender's saved mapping if it fits the headers, else the one saved for this header layout, else null. */
export function savedMappingFor(all: SavedMappings, sender: string | null | undefined): (headers: string[], proposed: ImportMapping) => ImportMapping | null {
  return (headers, proposed) =>
    (sender ? applySaved(all[senderKey(sender)], headers, proposed) : null) ?? applySaved(all[layoutKey(headers)], headers, proposed);
}
