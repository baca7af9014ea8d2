import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, type ProcedureName } from '../shared/contract/index.js';
import type { AppContext } from './api/context.js';
import { handlers } from './api/handlers.js';
import type { CallResult, Router } from './api/router.js';
import { gateDailyBackup, readsBeforeDailyBackup, startApp } from './app.js';
import { backupDir } from './db/backup.js';
import { demoSteps } from './features/demo/demo.steps.js';
import { seedDemo } from './features/demo/demo.seed.js';
import { tempDir } from './test/temp-db.js';

const ok: CallResult = { ok: true, data: null };

/** A router that records the order of calls, each taking 5 ms (of fake time). */
function recordingRouter(log: string[]): Router {
  return {
    async call(name) {
      log.push(`call:${name}`);
      await new Promise((r) => setTimeout(r, 5));
      return ok;
    },
  };
}

function backupThatLogs(log: string[], ms = 30) {
  return async () => {
    log.push('backup:start');
    await new Promise((r) => setTimeout(r, ms));
    log.push('backup:end');
    return '/tmp/x_start.sqlite.enc';
  };
}

const never = { idleMs: 60_000, latestMs: 60_000 };

/** Lets a call finish: advances fake time by `ms` (well below `never`) and awaits it. */
async function settle<T>(p: Promise<T>, ms = 100): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return p;
}

// Fake timers: every test decides exactly how much time passes, so none depends on how busy the machine is
describe('daily backup beside the first screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets the first screens read before it and makes any other call wait until it is done', async () => {
    const log: string[] = [];
    const gate = gateDailyBackup(recordingRouter(log), backupThatLogs(log), never);
    await settle(gate.router.call('programs.list', {}));
    await settle(gate.router.call('dashboard.figures', {}));
    expect(log).toEqual(['call:programs.list', 'call:dashboard.figures']);
    const write = gate.router.call('programs.update', {});
    await vi.advanceTimersByTimeAsync(29);
    // the backup takes 30 ms: the write has not started yet
    expect(log.slice(2)).toEqual(['backup:start']);
    await settle(write);
    expect(log.slice(2)).toEqual(['backup:start', 'backup:end', 'call:programs.update']);
    expect(await gate.done).toBe('/tmp/x_start.sqlite.enc');
  });

  it('a write arriving while the backup runs waits for its end, and the backup is taken only once', async () => {
    const log: string[] = [];
    const gate = gateDailyBackup(recordingRouter(log), backupThatLogs(log), never);
    await settle(Promise.all([gate.router.call('settings.update', {}), gate.router.call('participants.create', {}), gate.start()]));
    expect(log.filter((l) => l === 'backup:start')).toHaveLength(1);
    expect(log.indexOf('backup:end')).toBeLessThan(log.indexOf('call:settings.update'));
    expect(log.indexOf('backup:end')).toBeLessThan(log.indexOf('call:participants.create'));
  });

  it('starts by itself once the router has been idle for idleMs, not while reads keep coming', async () => {
    const log: string[] = [];
    const gate = gateDailyBackup(recordingRouter(log), backupThatLogs(log, 1), { idleMs: 40, latestMs: 60_000 });
    // a read every 25 ms (5 ms call, 20 ms pause): never 40 ms without a call
    for (let i = 0; i < 4; i++) {
      await settle(gate.router.call('programs.list', {}), 5);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(log).not.toContain('backup:start');
    // 20 ms of quiet have passed since the last read; 19 more are not enough, the 40th ms is
    await vi.advanceTimersByTimeAsync(19);
    expect(log).not.toContain('backup:start');
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toContain('backup:start');
    await settle(gate.done, 1);
    expect(log.at(-1)).toBe('backup:end');
  });

  it('starts at the latest after latestMs even while a read keeps the router busy all along', async () => {
    const log: string[] = [];
    let finishRead!: () => void;
    const slowRouter: Router = {
      async call(name) {
        log.push(`call:${name}`);
        await new Promise<void>((r) => (finishRead = r));
        return ok;
      },
    };
    const gate = gateDailyBackup(slowRouter, backupThatLogs(log, 1), { idleMs: 10, latestMs: 30 });
    const read = gate.router.call('dashboard.figures', {});
    await vi.advanceTimersByTimeAsync(29);
    expect(log).toEqual(['call:dashboard.figures']);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['call:dashboard.figures', 'backup:start']);
    finishRead();
    await read;
    await settle(gate.done, 1);
    expect(log).toEqual(['call:dashboard.figures', 'backup:start', 'backup:end']);
  });
});

describe('startApp in web mode', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('takes the day\'s backup at close when the session ended before it was due', async () => {
    const dir = tempDir();
    cleanup = dir.cleanup;
    const file = path.join(dir.dir, 'lotse.sqlite');
    const seeding = await startApp(file, 'cli');
    await seedDemo(seeding.ctx.db, 'small', demoSteps);
    await seeding.close();

    const app = await startApp(file, 'web', { backupTiming: never });
    const list = await app.router.call('programs.list', { includeArchived: false });
    expect(list.ok).toBe(true);
    expect(fs.existsSync(backupDir(file))).toBe(false);
    await app.close();
    const backups = fs.readdirSync(backupDir(file));
    expect(backups.filter((f) => f.endsWith('_start.sqlite.enc'))).toHaveLength(1);
    expect(await app.backup).toContain('_start.sqlite.enc');
  });

  it('the reads allowed before the backup never touch the writer connection', async () => {
    const dir = tempDir();
    cleanup = dir.cleanup;
    const app = await startApp(path.join(dir.dir, 'lotse.sqlite'), 'cli');
    try {
      await seedDemo(app.ctx.db, 'small', demoSteps);
      const program = await app.ctx.reader.selectFrom('programs').select('id').orderBy('id').executeTakeFirstOrThrow();
      const period = { programId: program.id, from: '2026-01-01', to: '2026-12-31' };
      const inputs: Record<string, unknown> = {
        'programs.list': { includeArchived: true },
        'programs.get': { id: program.id },
        'communes.list': {},
        'enrollments.quota': { programId: program.id },
        'dashboard.figures': period,
        'dashboard.drilldown': { ...period, figure: 'enrolled' },
        'dashboard.span': { programId: program.id },
        'reminders.list': {},
        'reminders.count': { today: '2026-12-03' },
      };
      expect(Object.keys(inputs).sort()).toEqual([...readsBeforeDailyBackup].sort());
      // any use of the writer, directly or through the open database, fails the call
      const forbidden = new Proxy({}, { get: () => { throw new Error('writer used before the daily backup'); } });
      const readOnly = { ...app.ctx, db: forbidden, open: { ...app.ctx.open, db: forbidden, exec: forbidden } } as unknown as AppContext;
      for (const [name, input] of Object.entries(inputs)) {
        const proc = name as ProcedureName;
        const handler = handlers[proc] as (i: unknown, c: AppContext, m: object) => Promise<unknown>;
        await expect(handler(contract[proc].input.parse(input), readOnly, {}), name).resolves.toBeDefined();
      }
    } finally {
      await app.close();
    }
  });
});
