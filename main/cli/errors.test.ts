import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { cliError } from './errors.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('nothing thrown');
}

describe('cliError: what the command line prints', () => {
  it('system errors (EISDIR, ENOENT) give German words and the path when known', () => {
    const dir = os.tmpdir();
    const r = cliError(thrown(() => fs.readFileSync(dir)));
    expect(r.message).toBe('Das ist ein Ordner, keine Datei.');
    const missing = `${dir}/gibt-es-nicht.xlsx`;
    expect(cliError(thrown(() => fs.readFileSync(missing))).message).toBe(`Datei oder Ordner nicht gefunden: ${missing}`);
  });

  it('an unknown option is named in German', () => {
    const err = thrown(() => parseArgs({ args: ['--colour'], options: {}, strict: true }));
    expect(cliError(err).message).toBe('Unbekannte Option --colour. Alle Befehle und Optionen: lotse --help');
  });

  it('a bug (TypeError) is an internal error without its raw text; our own messages pass', () => {
    const bug = thrown(() => (({}) as { run: () => void }).run());
    expect(cliError(bug)).toEqual({ code: 'internal', message: 'Interner Fehler. Der Vorgang wurde nicht ausgeführt.' });
    expect(cliError(new Error('Ziel existiert bereits: /x')).message).toBe('Ziel existiert bereits: /x');
    expect(cliError(new AppError('not_a_file', '„x“ ist ein Ordner, keine Datei.')).code).toBe('not_a_file');
    expect(cliError(Object.assign(new Error('SQLITE_CORRUPT: database disk image is malformed'), { code: 'SQLITE_CORRUPT' })).message).toBe(
      'Die Datenbank meldet einen Fehler (SQLITE_CORRUPT). Der Vorgang wurde nicht ausgeführt.',
    );
  });
});
