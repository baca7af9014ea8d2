import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { commitImport } from './imports.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(() => app.dispose());

/** A 50,000-row German CSV list, written directly (fast) so the test spends its time in the import. */
function writeList(file: string, rows: number) {
  const lines = ['Nachname;Vorname;Geburtsdatum;Wohnort'];
  for (let i = 0; i < rows; i++) lines.push(`Name${i};Vorname${i % 97};${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.19${60 + (i % 40)};Döbeln`);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

describe('concurrency (issue 8)', () => {
  it('keeps answering reads while a 50,000-row import transaction runs, and never shows half an import', async () => {
    await app.router.call('communes.create', { name: 'Döbeln', district: 'Mittelsachsen' });
    const file = path.join(app.dir, 'liste.csv');
    writeList(file, 50_000);

    let done = false;
    const importing = commitImport(app.ctx.open, file, 'liste.csv', {}).finally(() => (done = true));
    const latencies: number[] = [];
    const seen = new Set<number>();
    while (!done) {
      const t0 = performance.now();
      // what the screens call: a program list and the participant count, both on the read-only connection
      const [programs, people] = await Promise.all([
        app.router.call('programs.list', {}),
        app.router.call('participants.list', { limit: 1 }),
      ]);
      latencies.push(performance.now() - t0);
      expect(programs.ok && people.ok).toBe(true);
      if (people.ok) seen.add((people.data as { total: number }).total);
      await new Promise((r) => setTimeout(r, 10));
    }
    const result = await importing;
    expect(result.imported).toBe(50_000);
    // reads answered throughout, quickly, and saw either nothing or everything of the batch
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(2_000);
    for (const n of seen) expect([0, 50_000]).toContain(n);
    const after = await app.router.call('participants.list', { limit: 1 });
    expect(after.ok && (after.data as { total: number }).total).toBe(50_000);
  }, 180_000);
});
