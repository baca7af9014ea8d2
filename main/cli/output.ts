import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';

/**
 * The file a report is written to (`--out`), checked before any work: an existing file is kept unless `--force`
 * says to overwrite it, and a folder is never a target.
 */
export function outputFile(out: string, force: boolean): string {
  const file = path.resolve(out);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch {
    return file;
  }
  if (!stat.isFile()) {
    throw new AppError('not_a_file', `--out „${out}“ ist ein Ordner oder keine gewöhnliche Datei.`, `--out "${out}" is not a regular file.`);
  }
  if (!force) {
    throw new AppError(
      'conflict',
      `Die Datei „${out}“ gibt es schon. Mit --force wird sie überschrieben, sonst bitte einen anderen Namen wählen.`,
      `"${out}" exists; --force overwrites it.`,
    );
  }
  return file;
}
