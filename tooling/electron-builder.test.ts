import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * electron-builder.yml through app-builder-lib's own loader and schema validation (what `electron-builder`
 * runs before packaging), offline: no Electron download needed.
 */
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-builder-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function load(file: string) {
  return getConfig(root, file, null);
}

async function validate(file: string): Promise<void> {
  await validateConfiguration(await load(file), new DebugLogger(false));
}

/** the real file with one edit, written to a temp file */
function variant(edit: (text: string) => string): string {
  const file = path.join(tmp, `variant-${Math.random().toString(36).slice(2)}.yml`);
  fs.writeFileSync(file, edit(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')));
  return file;
}

describe('electron-builder.yml', () => {
  it('passes app-builder-lib validation', async () => {
    await expect(validate('electron-builder.yml')).resolves.toBeUndefined();
  });

  it('packages the bundles, unpacks sqlite3 and sets the fuses', async () => {
    const config = await load('electron-builder.yml');
    expect(config.appId).toBe('de.lotse.app');
    expect(config.productName).toBe('Lotse');
    // the loader normalises `files` into [{ filter: [...] }]
    const files = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.asarUnpack).toContain('**/node_modules/sqlite3/**');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('targets a per-user NSIS installer without elevation, a portable exe and an AppImage', async () => {
    const config = await load('electron-builder.yml');
    const winTargets = (config.win?.target as { target: string }[]).map((t) => t.target);
    expect(winTargets).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    const linuxTargets = (config.linux?.target as { target: string }[]).map((t) => t.target);
    expect(linuxTargets).toEqual(['AppImage']);
  });

  it('rejects an unknown key (so the validation really runs)', async () => {
    const file = variant((t) => `${t}\nunknownOption: true\n`);
    await expect(validate(file)).rejects.toThrow(/unknownOption/);
  });

  it('rejects a misplaced or mistyped option', async () => {
    await expect(validate(variant((t) => t.replace('perMachine: false', 'perMachine: "nein"')))).rejects.toThrow(/perMachine/);
    await expect(validate(variant((t) => t.replace('  runAsNode: false', '  runAsNode: false\n  runAsNodeX: false')))).rejects.toThrow(
      /electronFuses/,
    );
  });
});
