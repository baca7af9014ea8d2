import type { ImportField, ImportMapping } from '../../../shared/domain/imports.js';
import { headerKey } from './table.js';

/**
 * Mappings the user confirmed earlier, per sender (lower case) and per header layout: each header key → field.
 * Plain data, so the thread that reads the file can apply them to the headers it finds.
 */
export type SavedMappings = Record<string, Record<string, ImportField>>;

export const layoutKey = (headers: string[]) => `layout:${headers.map(headerKey).join('|')}`;
export const senderKey = (sender: string) => `sender:${sender.trim().toLowerCase()}`;

function applySaved(saved: Record<string, ImportField> | undefined, headers: string[]): ImportMapping | null {
  if (!saved) return null;
  const mapping = headers.map((h) => saved[headerKey(h)] ?? null);
  return mapping.some((f) => f !== null) ? mapping : null;
}

/** The sender's saved mapping if it fits the headers, else the one saved for this header layout, else null. */
export function savedMappingFor(all: SavedMappings, sender: string | null | undefined): (headers: string[]) => ImportMapping | null {
  return (headers) => (sender ? applySaved(all[senderKey(sender)], headers) : null) ?? applySaved(all[layoutKey(headers)], headers);
}
