import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/pg.js';
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

describe('backups in the running app', () => {
  // backups are files (a team server is backed up by its administrator): SQLite only
  it.skipIf(testEngine === 'postgres')('"Jetzt sichern" lists the backup; restore brings back its state in the live database, audit log kept', async () => {
    await call('programs.create', { name: 'Vorher', startDate: '2026-01-01' });
    const person = await app.ctx.db
      .insertInto('participants')
      .values({ last_name: 'Loeschwunsch', first_name: 'Erika', search_text: 'loeschwunsch erika' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const backup = await call<{ name: string; reason: string }>('backups.create', {});
    expect(backup.reason).toBe('manuell');
    expect((await call<Array<{ name: string }>>('backups.list', {})).map((b) => b.name)).toContain(backup.name);

    await call('programs.create', { name: 'Nachher', startDate: '2026-02-01' });
    await call('privacy.anonymise', { participantId: person.id });
    const logBefore = await call<{ total: number }>('audit.list', {});
    const refused = await app.router.call('backups.restore', { name: backup.name });
    expect(refused.ok).toBe(false);
    const traversal = await app.router.call('backups.restore', { name: '../lotse.sqlite', confirm: true });
    expect(traversal.ok).toBe(false);

    const res = await call<{ restoredFrom: string; safetyBackup: string; reanonymised: number }>('backups.restore', { name: backup.name, confirm: true });
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
    expect((await call<Array<{ name: string }>>('backups.list', {})).map((b) => b.name)).toContain(res.safetyBackup);
  });
});

describe('backups on a team server', () => {
  it.runIf(testEngine === 'postgres')('lists none and refuses to make one: the server is backed up by its administrator', async () => {
    expect(await call('backups.list', {})).toEqual([]);
    const made = await app.router.call('backups.create', {});
    expect(made).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
