import { AppError } from '../../shared/errors.js';
import { month as monthSchema } from '../../shared/domain/placements.js';
import { startApp } from '../app.js';
import { writeAghStatement } from '../excel/export/agh-statement.js';
import { findProgramByName } from '../features/programs/programs.service.js';
import { monthlyStatement } from '../features/placements/statement.service.js';
import type { CliArgs } from './args.js';
import { outputFile } from './output.js';
import { runParticipantList } from './report-participant-list.command.js';
import { runProgramEndReport } from './report-program-end.command.js';
import type { Command } from './commands.js';

/**
 * `lotse report agh-statement --db PATH --program NAME --commune NAME --month YYYY-MM --out FILE.xlsx`:
 * the commune's monthly AGH statement as a workbook, the same one the AGH page exports.
 */
export async function runAghStatement(args: CliArgs, dbPath: string): Promise<number> {
  const programName = args.values.program as string | undefined;
  const communeName = args.values.commune as string | undefined;
  const month = args.values.month as string | undefined;
  const out = args.values.out as string | undefined;
  if (!programName || !communeName || !month || !out) {
    throw new AppError(
      'validation',
      'report agh-statement braucht --program NAME --commune NAME --month JJJJ-MM --out DATEI.xlsx.',
      'report agh-statement needs --program --commune --month --out.',
    );
  }
  if (!monthSchema.safeParse(month).success) {
    throw new AppError('validation', `--month "${month}" ist kein Monat im Format JJJJ-MM.`, 'Invalid --month.');
  }
  const app = await startApp(dbPath, 'cli', { mustExist: true });
  try {
    const program = await findProgramByName(app.ctx.reader, programName);
    const commune = program.communes.find((c) => c.communeName.toLowerCase() === communeName.trim().toLowerCase());
    if (!commune) {
      const known = program.communes.map((c) => `"${c.communeName}"`).join(', ') || 'keine';
      throw new AppError('not_found', `Kommune "${communeName}" gehört nicht zu "${program.name}". Vorhanden: ${known}.`, 'Commune not in program.');
    }
    const s = await monthlyStatement(app.ctx.reader, program.id, commune.communeId, month);
    // after every other check, so a wrong flag is named first; still before anything is written
    const file = outputFile(out, args.values.force === true);
    await writeAghStatement(s, file);
    const euros = (s.totalCents / 100).toFixed(2).replace('.', ',');
    process.stdout.write(`Abrechnung ${s.communeName} ${s.month}: ${s.rows.length} Einsätze, Summe ${euros} € → ${file}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

/**
 * The `report` command. Reports are dispatched by their name (first positional); other report engineers add
 * their case here.
 */
export const reportCommand: Command = {
  usage:
    'lotse report agh-statement --db PATH --program NAME --commune NAME --month JJJJ-MM --out DATEI.xlsx [--force]\n' +
    '  lotse report program-end --db PATH --program NAME --from JJJJ-MM-TT --to JJJJ-MM-TT [--kind interim|final]\n' +
    '      [--confirm-running] (--out DATEI.xlsx [--force] | --json)\n' +
    '  lotse report participant-list --db PATH [--program NAME] [--commune NAME] [--columns a,b,c] --out DATEI.xlsx [--force]\n' +
    '                    (eine vorhandene Datei überschreibt --out nur mit --force)',
  async run(args, dbPath) {
    const which = args.positionals[0];
    switch (which) {
      case 'agh-statement':
        return runAghStatement(args, dbPath);
      case 'program-end':
        return runProgramEndReport(args, dbPath);
      case 'participant-list':
        return runParticipantList(args, dbPath);
      default:
        process.stderr.write(`Fehler: unbekannter Bericht "${which ?? ''}". Bekannt: agh-statement, program-end, participant-list.\n`);
        return 1;
    }
  },
};
