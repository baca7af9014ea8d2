import { startApp } from '../app.js';
import { findProgramByName } from '../features/programs/programs.service.js';
import { checkFigures } from '../features/reports/checks.service.js';
import type { Command } from './commands.js';
import { periodArgs } from './report-program-end.command.js';

/**
 * `lotse check --db PATH --program NAME --from D --to D [--json]`: the checks before export of a report period
 * (the findings the Berichte page lists and the workbook's "Prüfhinweise"). Exit code 0 either way: findings are
 * hints, not errors.
 */
export const checkCommand: Command = {
  usage: 'lotse check       --db PATH --program NAME --from JJJJ-MM-TT --to JJJJ-MM-TT [--json]  Prüfhinweise vor dem Bericht',
  async run(args, dbPath) {
    const { programName, from, to } = periodArgs(args, 'check');
    const app = await startApp(dbPath, 'cli', { mustExist: true });
    try {
      const program = await findProgramByName(app.ctx.reader, programName);
      const findings = await checkFigures(app.ctx.reader, { programId: program.id, from, to });
      if (args.values.json) {
        process.stdout.write(`${JSON.stringify({ findings: findings.map((f) => ({ code: f.code, count: f.count, message: f.message })) }, null, 2)}\n`);
      } else if (findings.length === 0) {
        process.stdout.write(`Keine Prüfhinweise für ${program.name} ${from} – ${to}.\n`);
      } else {
        for (const f of findings) process.stdout.write(`${f.code}\t${f.count}\t${f.message}\n`);
      }
      return 0;
    } finally {
      await app.close();
    }
  },
};
