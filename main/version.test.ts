import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDbPath } from './paths.js';
import { version } from './version.js';

describe('version and paths', () => {
  it('version matches package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
    expect(version).toBe(pkg.version);
  });

  it('puts the database in the user data folder Electron uses, overridable by --db and LOTSE_DB', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\k\\AppData\\Roaming', 'Lotse'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/k/.config' }, 'linux')).toBe('/home/k/.config/Lotse');
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/x' })).toBe(path.join(defaultDataDir({ XDG_CONFIG_HOME: '/x' }), 'lotse.sqlite'));
    expect(resolveDbPath(undefined, { LOTSE_DB: '/data/l.sqlite' })).toBe('/data/l.sqlite');
    expect(resolveDbPath('/tmp/a.sqlite', { LOTSE_DB: '/data/l.sqlite' })).toBe('/tmp/a.sqlite');
  });
});
