import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index.js';
import { tempApp } from '../test/temp-db.js';
import { handlers } from './handlers.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(() => app.dispose());

describe('router', () => {
  it('has a handler for every procedure of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses an unknown procedure', async () => {
    const res = await app.router.call('participants.dropAll', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    const proto = await app.router.call('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  it('gives a validation error with field paths for invalid input and saves nothing', async () => {
    const res = await app.router.call('programs.create', { name: '', startDate: '2026-02-30', communes: [{ communeId: 1, slots: -1 }] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('validation');
    const paths = res.error.details?.fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'startDate', 'communes.0.slots']));
    expect(res.error.message).toMatch(/Eingabe ungültig/);
    const list = await app.router.call('programs.list', {});
    expect(list).toEqual({ ok: true, data: [] });
  });

  it('maps service errors to { code, message, details } in German', async () => {
    const res = await app.router.call('programs.get', { id: 4711 });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Programm 4711 nicht gefunden.' } });
  });

  it('creates a program with communes and slots and reads it back through the contract', async () => {
    const c1 = await app.router.call('communes.create', { name: 'Freiberg', district: 'Mittelsachsen', ags: '14522180' });
    const c2 = await app.router.call('communes.create', { name: 'Döbeln', district: 'Mittelsachsen' });
    expect(c1.ok && c2.ok).toBe(true);
    if (!c1.ok || !c2.ok) return;
    const ids = [(c1.data as { id: number }).id, (c2.data as { id: number }).id];
    const created = await app.router.call('programs.create', {
      name: 'AGH Test',
      startDate: '2026-01-01',
      communes: ids.map((communeId) => ({ communeId, slots: 3 })),
    });
    expect(created).toMatchObject({ ok: true, data: { name: 'AGH Test', hourlyRateCents: 80 } });
    const dup = await app.router.call('programs.create', { name: 'agh test', startDate: '2026-01-01' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', details: { fields: [{ path: 'name' }] } } });
    const list = await app.router.call('programs.list', {});
    expect(list.ok && (list.data as { communes: unknown[] }[])[0]?.communes).toHaveLength(2);
  });

  it('refuses a commune the program does not know about', async () => {
    const res = await app.router.call('programs.create', { name: 'X', startDate: '2026-01-01', communes: [{ communeId: 77, slots: 1 }] });
    expect(res).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'communes.0.communeId' }] } } });
  });

  it('writes an audit entry with before and after for each change', async () => {
    await app.router.call('communes.create', { name: 'Flöha', district: 'Mittelsachsen' });
    const rows = await app.ctx.db.selectFrom('audit_log').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', entity: 'commune' });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ name: 'Flöha' });
  });
});
