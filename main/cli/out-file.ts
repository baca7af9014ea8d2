import fs from 'node:fs';
import { renameRetrying } from '../db/rename.js';

/**
 * Writes a command's output file under a temporary name (`<name>.partial`, which no spreadsheet program opens as a
 * workbook) and renames it when complete: a process killed while writing never leaves a cut-off file under the
 * name the user chose, which would look like a finished report.
 */
export async function writeOutFile(file: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await write(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  await renameRetrying(partial, file);
}
