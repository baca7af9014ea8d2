import { isoDate } from '../../shared/domain/common.js';
import { AppError } from '../../shared/errors.js';
import { startApp } from '../app.js';
import { findProgramByName } from '../features/programs/programs.service.js';
import { exportReport } from '../features/reports/reports.service.js';
import type { CliArgs } from './args.js';
import { outputFile } from './output.js';

/**
 * `lotse report program-end --db PATH --program NAME --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx`: the
 * Verwendungsnachweis workbook, the same one the Berichte page exports (same figures as the dashboard).
 */
export async function runProgramEndReport(args: CliArgs, dbPath: string): Promise<number> {
  const programName = args.values.program as string | undefined;
  const from = args.values.from as string | undefined;
  const to = args.values.to as string | undefined;
  const out = args.values.out as string | undefined;
  if (!programName || !from || !to || !out) {
    throw new AppError(
      'validation',
      'report program-end braucht --program NAME --from JJJJ-MM-TT --to JJJJ-MM-TT --out DATEI.xlsx.',
      'report program-end needs --program --from --to --out.',
    );
  }
  for (const [flag, value] of [['--from', from], ['--to', to]] as const) {
    if (!isoDate.safeParse(value).success) {
      throw new AppError('validation', `${flag} "${value}" ist kein gültiges Datum im Format JJJJ-MM-TT.`, `Invalid ${flag}.`);
    }
  }
  if (from > to) throw new AppError('validation', `--to (${to}) liegt vor --from (${from}).`, '--to is before --from.');
  const app = await startApp(dbPath, 'cli', { mustExist: true });
  try {
    const program = await findProgramByName(app.ctx.reader, programName);
    // after every other check, so a wrong flag is named first; still before anything is written
    const file = outputFile(out, args.values.force === true);
    await exportReport(app.ctx.reader, { programId: program.id, kind: 'program_end', from, to }, file);
    process.stdout.write(`Verwendungsnachweis ${program.name} ${from} – ${to} → ${file}\n`);
    return 0;
  } finally {
    await app.close();
  }
}
