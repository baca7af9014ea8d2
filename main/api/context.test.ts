import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/contract/index.js';
import { tempApp } from '../test/temp-db.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(() => app.dispose());

describe('long jobs', () => {
  it('emit progress events with jobId, phase, done and total', () => {
    const seen: ProgressEvent[] = [];
    app.ctx.events.on('progress', (e) => seen.push(e));
    app.ctx.progress('job-1', 'lesen', 10, 100);
    app.ctx.progress(undefined, 'ignoriert', 1, 1);
    expect(seen).toEqual([{ jobId: 'job-1', phase: 'lesen', done: 10, total: 100 }]);
  });

  it('stop at the next progress report once cancelled through the contract', async () => {
    const signal = app.ctx.jobSignal('job-2');
    app.ctx.progress('job-2', 'lesen', 1, 10);
    const res = await app.router.call('system.cancelJob', { jobId: 'job-2' });
    expect(res).toEqual({ ok: true, data: { cancelled: true } });
    expect(signal.aborted).toBe(true);
    expect(() => app.ctx.progress('job-2', 'lesen', 2, 10)).toThrow(/abgebrochen/);
  });

  it('report the system info with schema version and no warnings for a local path', async () => {
    const res = await app.router.call('system.info', {});
    expect(res).toMatchObject({ ok: true, data: { mode: 'cli', schemaVersion: expect.stringMatching(/^2026-/), warnings: [] } });
  });
});
