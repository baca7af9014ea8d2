import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../api/files.js';
import { tempDir } from '../test/temp-db.js';
import { checkPrivateAccess, removeStaleTempDirs } from './at-rest.js';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** The id of a process that has ended. */
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('temp folders of crashed Lotse processes', () => {
  it('are removed at start; folders of live processes and other programs stay', () => {
    const tmp = dir.dir;
    const make = (name: string) => {
      fs.mkdirSync(path.join(tmp, name));
      fs.writeFileSync(path.join(tmp, name, 'Auskunft_TN-7.json'), '{"name":"…"}');
      return name;
    };
    const crashed = make(`lotse-files-${deadPid()}-abc123`);
    const crashedRestore = make(`lotse-restore-${deadPid()}-def456`);
    const mine = make(`lotse-files-${process.pid}-ghi789`);
    const live = make(`lotse-files-${process.ppid}-jkl012`);
    const foreign = make('anderes-programm-123');
    const oldStyle = make('lotse-files-Xy12Zq');
    const day = 24 * 3600_000;
    const removed = removeStaleTempDirs(tmp, Date.now() + 2 * day).map((p) => path.basename(p)).sort();
    expect(removed).toEqual([crashed, oldStyle, crashedRestore].sort());
    expect(fs.readdirSync(tmp).sort()).toEqual([foreign, live, mine].sort());
  });

  it('the file store makes its folder 0700 with this process id, and uploads 0600', () => {
    const store = new FileStore();
    try {
      const handle = store.storeUpload('liste.xlsx', Buffer.from('x'));
      const file = store.get(handle).path;
      expect(path.basename(path.dirname(file))).toMatch(new RegExp(`^lotse-files-${process.pid}-`));
      if (process.platform !== 'win32') {
        expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      }
    } finally {
      store.dispose();
    }
  });
});

describe('checkPrivateAccess', () => {
  it.skipIf(process.platform === 'win32')('lists files others can read', () => {
    const open = path.join(dir.dir, 'offen.sqlite');
    const closed = path.join(dir.dir, 'privat.sqlite');
    fs.writeFileSync(open, '', { mode: 0o644 });
    fs.chmodSync(open, 0o644);
    fs.writeFileSync(closed, '', { mode: 0o600 });
    expect(checkPrivateAccess([open, closed, path.join(dir.dir, 'fehlt')])).toEqual({ open: [{ path: open, mode: '0644' }] });
  });

  it('on Windows checks nothing and says why: the profile folder ACL applies', () => {
    const res = checkPrivateAccess([dir.dir], 'win32');
    expect(res.open).toEqual([]);
    expect(res.skipped).toMatch(/ACL des Benutzerprofils/);
  });
});
