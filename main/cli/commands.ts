import { anonymiseCommand } from './anonymise.command.js';
import { checkCommand } from './check.command.js';
import type { CliArgs } from './args.js';
import { importCommand } from './import.command.js';
import { migrateToCommand } from './migrate-to.command.js';
import { serverInitCommand, teamCommand } from './team.command.js';
import { participantsCommand } from './participants.command.js';
import { reportCommand } from './report-agh-statement.command.js';
import { tasksCommand } from './tasks.command.js';

/** A CLI command contributed by a feature (import, report, anonymise, participants ...). */
export interface Command {
  /** one usage line for `lotse --help` */
  usage: string;
  run(args: CliArgs, dbPath: string): Promise<number>;
}

/**
 * Feature commands, one entry each; the built-in ones (serve, migrate, backup, ...) live in index.ts.
 * Add `name: command` here and put the command in its own file next to this one.
 */
export const featureCommands: Record<string, Command> = {
  anonymise: anonymiseCommand,
  report: reportCommand,
  import: importCommand,
  participants: participantsCommand,
  check: checkCommand,
  'migrate-to': migrateToCommand,
  'server-init': serverInitCommand,
  team: teamCommand,
  tasks: tasksCommand,
};
