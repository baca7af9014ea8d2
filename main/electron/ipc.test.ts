import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../test/temp-db.js';
import { createIpcHandlers, type FileDialogs, type Sender } from './ipc.js';

const trusted: Sender = { url: 'app://lotse/index.html#/programme', isMainFrame: true };
const untrusted: Sender[] = [
  { url: 'app://lotse/index.html', isMainFrame: false },
  { url: 'https://evil.example/', isMainFrame: true },
  { url: null, isMainFrame: true },
];

let app: Awaited<ReturnType<typeof tempApp>>;
/** what the user "chooses" in the dialogs: real files in the test's data folder */
let chosen: { open: string | null; save: string | null; filters: unknown };
const dialogs: FileDialogs = {
  async open(filters) {
    chosen.filters = filters;
    return chosen.open;
  },
  async save() {
    return chosen.save;
  },
};

beforeEach(async () => {
  app = await tempApp();
  chosen = { open: null, save: null, filters: undefined };
});
afterEach(async () => {
  await app.dispose();
});

describe('lotse:invoke over the real router and database', () => {
  it('answers a trusted frame', async () => {
    const ipc = createIpcHandlers(app, dialogs);
    const r = await ipc.invoke(trusted, 'system.info', {}, {});
    expect(r.ok).toBe(true);
    expect(r.ok && (r.data as { dbPath: string }).dbPath).toBe(app.ctx.open.path);
    const created = await ipc.invoke(trusted, 'programs.list', {}, { jobId: 'j1' });
    expect(created.ok).toBe(true);
  });

  it('refuses iframes, foreign origins and vanished frames without running anything', async () => {
    const ipc = createIpcHandlers(app, dialogs);
    for (const sender of untrusted) {
      const r = await ipc.invoke(sender, 'system.info', {}, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses unknown procedures and non-string names', async () => {
    const ipc = createIpcHandlers(app, dialogs);
    expect(await ipc.invoke(trusted, 'fs.readFile', { path: '/etc/passwd' }, {})).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(await ipc.invoke(trusted, { toString: () => 'system.info' }, {}, {})).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  it('ignores a malformed meta instead of failing', async () => {
    const ipc = createIpcHandlers(app, dialogs);
    expect((await ipc.invoke(trusted, 'system.info', {}, { jobId: 42 })).ok).toBe(true);
    expect((await ipc.invoke(trusted, 'system.info', {}, 'x')).ok).toBe(true);
  });
});

describe('lotse:pickFile and lotse:saveFile', () => {
  it('registers the chosen file and hands out only a handle', async () => {
    const file = path.join(app.dir, 'Teilnehmende.xlsx');
    fs.writeFileSync(file, 'abc');
    chosen.open = file;
    const ipc = createIpcHandlers(app, dialogs);
    const picked = await ipc.pickFile(trusted, [{ name: 'Excel', extensions: ['xlsx'] }]);
    expect(picked).toMatchObject({ name: 'Teilnehmende.xlsx', size: 3 });
    expect(JSON.stringify(picked)).not.toContain(app.dir);
    expect(app.ctx.files.get(picked!.handle).path).toBe(file);
    expect(chosen.filters).toEqual([{ name: 'Excel', extensions: ['xlsx'] }]);
  });

  it('answers null when the dialog is cancelled and rejects bad filters', async () => {
    const ipc = createIpcHandlers(app, dialogs);
    expect(await ipc.pickFile(trusted, [])).toBeNull();
    await expect(ipc.pickFile(trusted, [{ name: 'x', extensions: ['../../exe'] }])).rejects.toMatchObject({ code: 'validation' });
    await expect(ipc.pickFile(trusted, 'all')).rejects.toMatchObject({ code: 'validation' });
  });

  it('copies a handle’s file to the chosen target, and only for known handles', async () => {
    const source = app.ctx.files.tempPath('Bericht.xlsx');
    fs.writeFileSync(source, 'report');
    const handle = app.ctx.files.register({ path: source, name: 'Bericht.xlsx', temporary: true });
    const ipc = createIpcHandlers(app, dialogs);
    expect(await ipc.saveFile(trusted, handle, 'Bericht.xlsx')).toBe(false);
    chosen.save = path.join(app.dir, 'gespeichert.xlsx');
    expect(await ipc.saveFile(trusted, handle, 'Bericht.xlsx')).toBe(true);
    expect(fs.readFileSync(chosen.save, 'utf8')).toBe('report');
    await expect(ipc.saveFile(trusted, '/etc/passwd', 'x')).rejects.toMatchObject({ code: 'not_found' });
    await expect(ipc.saveFile(trusted, 7, 'x')).rejects.toMatchObject({ code: 'validation' });
  });

  it('refuses untrusted senders before any dialog opens', async () => {
    chosen.open = app.dbPath;
    const ipc = createIpcHandlers(app, dialogs);
    for (const sender of untrusted) {
      await expect(ipc.pickFile(sender, [])).rejects.toMatchObject({ code: 'forbidden' });
      await expect(ipc.saveFile(sender, 'h', 'x')).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(chosen.filters).toBeUndefined();
  });
});
