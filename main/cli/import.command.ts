import path from 'node:path';
import type { RowRejection, RowWarning } from '../../shared/domain/imports.js';
import { AppError } from '../../shared/errors.js';
import { assertRegularFile } from '../api/files.js';
import { startApp } from '../app.js';
import { commitImport, programIdByName } from '../features/imports/imports.service.js';
import type { CliArgs } from './args.js';
import type { Command } from './commands.js';
import { cliError } from './errors.js';

/** The one JSON object `lotse import --json` prints; key order as in the issue. */
export interface ImportCliResult {
  status: 'ok' | 'error';
  error?: { code: string; message: string };
  rowsTotal: number;
  imported: number;
  existingMatched: number;
  duplicatesInFile: number;
  rejected: RowRejection[];
  warnings: RowWarning[];
  batchId: number | null;
}

async function runImport(args: CliArgs, dbPath: string): Promise<ImportCliResult> {
  const file = args.positionals[0];
  if (!file) throw new AppError('validation', 'import braucht eine Datei: lotse import DATEI --db PFAD', 'import needs a FILE.');
  // before the database is even opened: a folder or a device is no list, and reading it would fail raw or hang
  assertRegularFile(path.resolve(file));
  const app = await startApp(dbPath, 'cli', { mustExist: false });
  try {
    const programName = args.values.program as string | undefined;
    const programId = programName ? await programIdByName(app.ctx.reader, programName) : null;
    const r = await commitImport(app.ctx.open, path.resolve(file), path.basename(file), {
      sheet: (args.values.sheet as string | undefined) ?? null,
      programId,
    });
    return {
      status: 'ok',
      rowsTotal: r.rowsTotal,
      imported: r.imported,
      existingMatched: r.existingMatched,
      duplicatesInFile: r.duplicatesInFile,
      rejected: r.rejected,
      warnings: r.warnings,
      batchId: r.batchId,
    };
  } finally {
    await app.close();
  }
}

export const importCommand: Command = {
  usage: 'lotse import DATEI --db PATH [--program NAME] [--sheet NAME] [--json]   Teilnehmendenliste (.xlsx/.ods/.csv) importieren',
  async run(args, dbPath) {
    let result: ImportCliResult;
    try {
      result = await runImport(args, dbPath);
    } catch (err) {
      result = {
        status: 'error',
        error: cliError(err),
        rowsTotal: 0,
        imported: 0,
        existingMatched: 0,
        duplicatesInFile: 0,
        rejected: [],
        warnings: [],
        batchId: null,
      };
    }
    if (args.values.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else if (result.status === 'error') {
      process.stderr.write(`Fehler (${result.error?.code}): ${result.error?.message}\n`);
    } else {
      process.stdout.write(
        `Import ${result.batchId}: ${result.rowsTotal} Zeilen – ${result.imported} neu, ${result.existingMatched} bereits vorhanden, ` +
          `${result.duplicatesInFile} doppelt in der Datei, ${result.rejected.length} abgelehnt, ${result.warnings.length} Warnungen\n`,
      );
      for (const r of result.rejected) process.stdout.write(`  Zeile ${r.row}: ${r.message}\n`);
      for (const w of result.warnings) process.stdout.write(`  Zeile ${w.row} (Warnung): ${w.message}\n`);
    }
    return result.status === 'ok' ? 0 : 1;
  },
};
