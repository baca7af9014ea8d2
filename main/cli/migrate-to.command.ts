import { AppError } from '../../shared/errors.js';
import { isServerUrl, redactUrl } from '../db/engine/target.js';
import { openAndMigrate } from '../db/migrate.js';
import { resolveDbPath } from '../paths.js';
import { moveDatabase } from '../features/team/move.service.js';
import type { Command } from './commands.js';

const shown = (target: string) => (isServerUrl(target) ? redactUrl(target) : target);

/**
 * `lotse migrate-to --from lotse.sqlite --to postgres://…` (or back): moves a whole database into an empty one on
 * the other engine and proves it — rows per table and every program's report figures identical — before the
 * target commits. The source is only read.
 */
export const migrateToCommand: Command = {
  usage: 'lotse migrate-to  --from DB --to DB       Datenbank umziehen (Datei ↔ Teamserver), mit Nachweis',
  async run(args) {
    const fromArg = args.values.from as string | undefined;
    const toArg = args.values.to as string | undefined;
    if (!fromArg || !toArg) {
      throw new AppError('validation', 'migrate-to braucht --from DB und --to DB (Dateipfad oder postgres://…).', 'migrate-to needs --from DB and --to DB.');
    }
    const [fromTarget, toTarget] = [resolveDbPath(fromArg), resolveDbPath(toArg)];
    if (fromTarget === toTarget) throw new AppError('validation', 'Quelle und Ziel sind dieselbe Datenbank.', 'Source and target are the same database.');
    const from = await openAndMigrate(fromTarget, { mustExist: true });
    try {
      const to = await openAndMigrate(toTarget);
      try {
        const report = await moveDatabase(from, to, (table, n) => process.stderr.write(`${table}: +${n}\n`));
        const rows = Object.values(report.tables).reduce((a, b) => a + b, 0);
        if (args.values.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          process.stdout.write(
            `Umgezogen: ${shown(fromTarget)} → ${shown(toTarget)}\n` +
              `${Object.keys(report.tables).length} Tabellen, ${rows} Zeilen – in Quelle und Ziel gleich viele.\n` +
              `Berichtszahlen von ${report.programsCompared} Programmen in beiden Datenbanken identisch.\n`,
          );
        }
        return 0;
      } finally {
        await to.close();
      }
    } finally {
      await from.close();
    }
  },
};
