import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorFor, testEngine } from '../../test/pg.js';
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

describe('backups in the running app', () => {
  // backups are files (a team server is backed up by its administrator): SQLite only
  it.skipIf(testEngine === 'postgres')('"Jetzt sichern" lists the backup; restore brings back its state in the live database, audit log kept', async () => {
    await call('programs.create', { name: 'Vorher', startDate: '2026-01-01' });
    const person = await app.ctx.db
      .insertInto('participants')
      .values({ last_name: 'Loeschwunsch', first_name: 'Erika', search_text: 'loeschwunsch erika' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const backup = await call<{ name: string; reason: string }>('settings.backupNow', {});
    expect(backup.reason).toBe('manuell');
    expect((await call<Array<{ name: string }>>('settings.backups', {})).map((b) => b.name)).toContain(backup.name);

    await call('programs.create', { name: 'Nachher', startDate: '2026-02-01' });
    await call('privacy.anonymise', { participantId: person.id });
    const logBefore = await call<{ total: number }>('audit.list', {});
    const refused = await app.router.call('settings.restore', { name: backup.name });
    expect(refused.ok).toBe(false);
    const traversal = await app.router.call('settings.restore', { name: '../lotse.sqlite', confirm: true });
    expect(traversal.ok).toBe(false);

    const res = await call<{ restoredFrom: string; safetyBackup: string; reanonymised: number }>('settings.restore', { name: backup.name, confirm: true });
    expect(res.safetyBackup).toMatch(/vor-wiederherstellung/);
    const names = (await call<Array<{ name: string }>>('programs.list', {})).map((p) => p.name);
    expect(names).toEqual(['Vorher']);
    // the reader connection sees the restored state too
    expect((await app.ctx.reader.selectFrom('programs').select('name').execute()).map((p) => p.name)).toEqual(['Vorher']);
    // a restore cannot bring back what a person had erased
    expect(res.reanonymised).toBe(1);
    const p = await app.ctx.db.selectFrom('participants').select(['last_name', 'anonymised_at']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(p.last_name).toBeNull();
    expect(p.anonymised_at).not.toBeNull();
    // the audit log is never rewritten: everything logged before the restore is still there, plus the restore
    const log = await call<{ total: number; entries: Array<{ action: string }> }>('audit.list', {});
    expect(log.total).toBe(logBefore.total + 2); // the restore, and the anonymisation applied again
    expect(log.entries.map((e) => e.action).slice(0, 2)).toEqual(['anonymise', 'restore']);
    await expect(app.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    // the safety backup holds the state before the restore
    expect((await call<Array<{ name: string }>>('settings.backups', {})).map((b) => b.name)).toContain(res.safetyBackup);
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
