import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;

beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

interface Commune {
  id: number;
  name: string;
  district: string | null;
  ags: string | null;
}

describe('communes from the catalogue of Saxony', () => {
  it('creates the picked municipalities with name, district and key, once, in one call', async () => {
    const first = await call<{ communes: Commune[]; created: number }>('communes.addFromCatalog', { ags: ['14522180', '14612000', '14522180'] });
    expect(first.created).toBe(2);
    expect(first.communes.map((c) => [c.name, c.district, c.ags])).toEqual([
      ['Freiberg', 'Mittelsachsen', '14522180'],
      ['Dresden', 'Kreisfreie Stadt Dresden', '14612000'],
    ]);
    const again = await call<{ communes: Commune[]; created: number }>('communes.addFromCatalog', { ags: ['14522180', '14522210'] });
    expect(again.created).toBe(1);
    expect(again.communes[0]!.id).toBe(first.communes[0]!.id);
    expect(again.communes[1]).toMatchObject({ name: 'Großschirma', ags: '14522210' });
    expect(await call<Commune[]>('communes.list', {})).toHaveLength(3);
  });

  it('gives a typed commune of the same name and district its key instead of a second one', async () => {
    const typed = await call<Commune>('communes.create', { name: 'Döbeln', district: 'Mittelsachsen' });
    const r = await call<{ communes: Commune[]; created: number }>('communes.addFromCatalog', { ags: ['14522080'] });
    expect(r).toEqual({ communes: [{ ...typed, ags: '14522080' }], created: 0 });
    const log = await call<{ entries: Array<{ action: string; entity: string }> }>('audit.list', {});
    expect(log.entries.filter((e) => e.entity === 'commune').map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('refuses a key outside the catalogue and creates nothing then', async () => {
    const r = await app.router.call('communes.addFromCatalog', { ags: ['14522180', '15003000'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('15003000');
    expect(await call<Commune[]>('communes.list', {})).toEqual([]);
  });
});
