import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorFor } from '../../test/pg.js';
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

describe('settings', () => {
  it('has safe import limits by default and stores the coordinator, who then signs audit entries', async () => {
    const initial = await call<{ coordinatorName: string | null; importLimits: Record<string, number> }>('settings.get', {});
    expect(initial.coordinatorName).toBeNull();
    expect(initial.importLimits).toEqual({ maxFileMb: 50, maxRows: 200_000, maxCellChars: 2_000 });
    const saved = await call('settings.update', {
      coordinatorName: '  Anke Koordinatorin ',
      operator: { name: 'ARBEIT UND LEBEN Sachsen e.V.', address: 'Löbtauer Str. 19, 01159 Dresden', place: 'Dresden' },
      importLimits: { maxFileMb: 20, maxRows: 5000, maxCellChars: 500 },
    });
    expect(saved).toMatchObject({ coordinatorName: 'Anke Koordinatorin', operator: { place: 'Dresden', contact: null }, importLimits: { maxRows: 5000 } });
    await call('programs.create', { name: 'P', startDate: '2026-01-01' });
    const log = await call<{ entries: Array<{ actor: string; entity: string }> }>('audit.list', {});
    expect(log.entries.map((e) => [e.entity, e.actor])).toEqual([
      ['program', actorFor('Anke Koordinatorin')],
      ['settings', actorFor('Anke Koordinatorin')],
    ]);
    const bad = await app.router.call('settings.update', { importLimits: { maxFileMb: 0, maxRows: 1, maxCellChars: 10 } });
    expect(bad.ok).toBe(false);
  });

  it('the first start stores only the name, keeps the other settings and signs the Protokoll with it', async () => {
    await call('settings.update', { operator: { name: 'Träger e.V.', place: 'Freiberg' }, importLimits: { maxFileMb: 20, maxRows: 5000, maxCellChars: 500 } });
    const empty = await app.router.call('settings.setCoordinatorName', { coordinatorName: '  ' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.details?.fields?.[0]?.path).toBe('coordinatorName');
    const saved = await call('settings.setCoordinatorName', { coordinatorName: ' Anke  Koordinatorin ' });
    expect(saved).toMatchObject({ coordinatorName: 'Anke Koordinatorin', operator: { name: 'Träger e.V.', place: 'Freiberg' }, importLimits: { maxRows: 5000 } });
    await call('communes.addFromCatalog', { ags: ['14522180'] });
    const log = await call<{ entries: Array<{ actor: string; entity: string }> }>('audit.list', {});
    expect(log.entries.slice(0, 2).map((e) => [e.entity, e.actor])).toEqual([
      ['commune', actorFor('Anke Koordinatorin')],
      ['settings', actorFor('Anke Koordinatorin')],
    ]);
  });
});

describe('lotse anonymise (CLI)', () => {
  it('dry run prints ids and counts as JSON, no names; a wrong call explains itself', async () => {
    const communes = await call<{ id: number }>('communes.create', { name: 'Dresden' });
    const p = await call<{ id: number }>('programs.create', { name: 'Alt', startDate: '2010-01-01', endDate: '2012-12-31', communes: [{ communeId: communes.id, slots: 1 }] });
    const person = await app.ctx.db.insertInto('participants').values({ last_name: 'Cliprobe', first_name: 'Name', search_text: '' }).returning('id').executeTakeFirstOrThrow();
    await app.ctx.db.insertInto('enrollments').values({ participant_id: person.id, program_id: p.id, status: 'abgeschlossen', eligible: 1 }).execute();
    await app.close();
    const cli = path.resolve(import.meta.dirname, '../../../bin/lotse.mjs');
    const dry = spawnSync(process.execPath, [cli, 'anonymise', '--db', app.dbPath, '--past-retention', '--dry-run', '--json'], { encoding: 'utf8' });
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, participantIds: [person.id] });
    expect(dry.stdout).not.toContain('Cliprobe');
    const real = spawnSync(process.execPath, [cli, 'anonymise', '--db', app.dbPath, '--participant', String(person.id)], { encoding: 'utf8' });
    expect(real.status).toBe(0);
    expect(real.stdout).toContain(`Anonymisiert: 1 Teilnehmende`);
    expect(real.stdout).not.toContain('Cliprobe');
    const wrong = spawnSync(process.execPath, [cli, 'anonymise', '--db', app.dbPath], { encoding: 'utf8' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('--past-retention oder --participant');
  }, 180_000);
});
