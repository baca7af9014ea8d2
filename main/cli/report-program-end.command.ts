import { isoDate } from '../../shared/domain/common.js';
import type { ReportKind } from '../../shared/domain/reports.js';
import { AppError } from '../../shared/errors.js';
import { startApp } from '../app.js';
import { findProgramByName } from '../features/programs/programs.service.js';
import { reportData, reportJsonOf } from '../features/reports/reports.service.js';
import { writeProgramEndReport, reportFileName } from '../excel/export/program-end-report.js';
import type { CliArgs } from './args.js';
import { writeOutFile } from './out-file.js';
import { outputFile } from './output.js';

/** --program, --from, --to of the report and check commands, checked; the program is looked up by name later. */
export function periodArgs(args: CliArgs, command: string): { programName: string; from: string; to: string } {
  const programName = args.values.program as string | undefined;
  const from = args.values.from as string | undefined;
  const to = args.values.to as string | undefined;
  if (!programName || !from || !to) {
    throw new AppError('validation', `${command} braucht --program NAME --from JJJJ-MM-TT --to JJJJ-MM-TT.`, `${command} needs --program --from --to.`);
  }
  for (const [flag, value] of [['--from', from], ['--to', to]] as const) {
    if (!isoDate.safeParse(value).success) {
      throw new AppError('validation', `${flag} "${value}" ist kein gültiges Datum im Format JJJJ-MM-TT.`, `Invalid ${flag}.`);
    }
  }
  if (from > to) throw new AppError('validation', `--to (${to}) liegt vor --from (${from}).`, '--to is before --from.');
  return { programName, from, to };
}

function kindArg(args: CliArgs): ReportKind {
  const kind = (args.values.kind as string | undefined) ?? 'final';
  if (kind === 'final') return 'program_end';
  if (kind === 'interim') return 'interim';
  throw new AppError('validation', `--kind "${kind}" ist unbekannt: interim oder final.`, '--kind must be interim or final.');
}

/**
 * `lotse report program-end --db PATH --program NAME --from D --to D [--kind interim|final] [--confirm-running]
 * (--out FILE.xlsx | --json)`: the Verwendungsnachweis (final, default) or Zwischennachweis (interim) — the
 * workbook the Berichte page exports, or its figures as JSON with stable keys. Both come from one computation,
 * the one the dashboard shows.
 */
export async function runProgramEndReport(args: CliArgs, dbPath: string): Promise<number> {
  const { programName, from, to } = periodArgs(args, 'report program-end');
  const out = args.values.out as string | undefined;
  const json = args.values.json === true;
  if (!out && !json) {
    throw new AppError('validation', 'report program-end braucht --out DATEI.xlsx oder --json.', 'report program-end needs --out or --json.');
  }
  const kind = kindArg(args);
  const app = await startApp(dbPath, 'cli', { mustExist: true });
  try {
    const program = await findProgramByName(app.ctx.reader, programName);
    const frame = { programId: program.id, kind, from, to, confirmRunning: args.values['confirm-running'] === true };
    const data = await reportData(app.ctx.reader, frame, new Date());
    if (out) {
      // after every other check, so a wrong flag is named first; still before anything is written
      const file = outputFile(out, args.values.force === true);
      await writeOutFile(file, (partial) => writeProgramEndReport(partial, data));
      const line = `${reportFileName(kind, program.name, from, to).replace(/\.xlsx$/, '')} → ${file}\n`;
      (json ? process.stderr : process.stdout).write(line);
    }
    if (json) process.stdout.write(`${JSON.stringify(reportJsonOf(data, program.id), null, 2)}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

