import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { tempDir } from '../test/temp-db.js';
import { renameRetrying } from './rename.js';

let dir: { dir: string; cleanup: () => void };
let from: string;
let to: string;
beforeEach(() => {
  dir = tempDir();
  from = path.join(dir.dir, 'bericht.xlsx.partial');
  to = path.join(dir.dir, 'bericht.xlsx');
  fs.writeFileSync(from, 'fertig');
});
afterEach(() => dir.cleanup());

const locked = (code: string) => Object.assign(new Error(`${code}: operation not permitted, rename`), { code });

/** A real rename that fails with `code` the first `failures` times, as a virus scanner holding the file would. */
function lockedFor(failures: number, code = 'EBUSY') {
  const calls: string[] = [];
  const rename = (a: string, b: string) => {
    calls.push(code);
    if (calls.length <= failures) throw locked(code);
    fs.renameSync(a, b);
  };
  return { rename, calls };
}

describe('renames a locked file on Windows after a short wait', () => {
  it('retries EPERM, EBUSY and EACCES with a growing back-off, then the file is in place', async () => {
    for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
      fs.writeFileSync(from, code);
      const waits: number[] = [];
      const { rename, calls } = lockedFor(3, code);
      await renameRetrying(from, to, { rename, platform: 'win32', wait: async (ms) => void waits.push(ms) });
      expect(calls).toHaveLength(4);
      expect(waits).toEqual([100, 300, 600]);
      expect(fs.readFileSync(to, 'utf8')).toBe(code);
      expect(fs.existsSync(from)).toBe(false);
    }
  });

  it('gives up after five tries and about two seconds with a German message naming only the file', async () => {
    const waits: number[] = [];
    const { rename, calls } = lockedFor(99, 'EPERM');
    const err = await renameRetrying(from, to, { rename, platform: 'win32', wait: async (ms) => void waits.push(ms) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/„bericht\.xlsx“ konnte nicht gespeichert werden: .*Virenscanner/);
    expect((err as AppError).message).not.toContain(dir.dir);
    expect(calls).toHaveLength(5);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(2000);
    // nothing lost: the finished file is still there under its temporary name
    expect(fs.readFileSync(from, 'utf8')).toBe('fertig');
  });

  it('does not retry other errors, nor on other systems, where these codes mean missing rights', async () => {
    const other = lockedFor(1, 'ENOENT');
    await expect(renameRetrying(from, to, { ...other, platform: 'win32', wait: async () => {} })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(other.calls).toHaveLength(1);
    const linux = lockedFor(1, 'EACCES');
    await expect(renameRetrying(from, to, { ...linux, platform: 'linux', wait: async () => {} })).rejects.toMatchObject({ code: 'EACCES' });
    expect(linux.calls).toHaveLength(1);
  });

  it('renames at once when nothing holds the file', async () => {
    await renameRetrying(from, to);
    expect(fs.readFileSync(to, 'utf8')).toBe('fertig');
  });
});
