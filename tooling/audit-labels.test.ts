import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every action and entity code main writes to the audit log has a German and an English name, so Protokoll and
 * Verlauf never show a raw code such as "update_contact (fair)". Codes are read from the source, so a new audit
 * call without a name fails here.
 */
const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

function codes(kind: 'action' | 'entity'): Set<string> {
  const found = new Set<string>();
  // the audit calls live in the features; main/electron and main/pdf use `action:` for other things
  for (const file of sources(path.join(root, 'main/features'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(new RegExp(`\\b${kind}: ([^,}\\n]+)`, 'g'))) {
      // a type such as `entity: DrilldownRow['entity']` names no code
      if (/^\w+\[/.test(m[1]!)) continue;
      for (const lit of m[1]!.matchAll(/'([a-z_]+)'/g)) found.add(lit[1]!);
    }
  }
  return found;
}

function labels(lang: string, group: 'actions' | 'entities'): Record<string, string> {
  const file = path.join(root, 'renderer/src/i18n', lang, 'settings.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { audit: Record<string, Record<string, string>> }).audit[group] ?? {};
}

describe('audit log labels', () => {
  it('finds the codes in the source (the scan itself works)', () => {
    expect(codes('action')).toContain('update_contact');
    expect(codes('entity')).toContain('fair');
  });

  for (const lang of ['de', 'en']) {
    it(`names every action and entity in ${lang}`, () => {
      const actions = labels(lang, 'actions');
      const entities = labels(lang, 'entities');
      expect([...codes('action')].filter((c) => !actions[c])).toEqual([]);
      expect([...codes('entity')].filter((c) => !entities[c])).toEqual([]);
    });
  }
});
