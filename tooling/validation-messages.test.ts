import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishMessages } from '../shared/domain/validation-messages.js';

/** The English UI shows a schema's own German message through englishMessages; a new message without one fails here. */
describe('validation messages in English', () => {
  it('every literal German message in shared/domain and shared/contract has an English text', () => {
    const dirs = ['../shared/domain', '../shared/contract'].map((d) => path.resolve(import.meta.dirname, d));
    const literals = new Set<string>();
    for (const dir of dirs) {
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        for (const m of text.matchAll(/message: '([^']+)'/g)) literals.add(m[1]!);
        for (const m of text.matchAll(/return '([^']+)';/g)) if (/[äöüß]|Enthält/.test(m[1]!)) literals.add(m[1]!);
      }
    }
    expect(literals.size).toBeGreaterThan(25);
    expect([...literals].filter((m) => englishMessages[m] === undefined)).toEqual([]);
  });

  it('every literal field message a service sets (main/features) has an English text', () => {
    const root = path.resolve(import.meta.dirname, '../main/features');
    const literals = new Set<string>();
    for (const f of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      for (const m of text.matchAll(/path: [^,]+, message: '([^']+)'/g)) literals.add(m[1]!);
    }
    expect(literals.size).toBeGreaterThan(15);
    expect([...literals].filter((m) => englishMessages[m] === undefined)).toEqual([]);
  });
});
