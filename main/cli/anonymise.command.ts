import { AppError } from '../../shared/errors.js';
import { startApp } from '../app.js';
import { anonymiseParticipants, listPastRetention } from '../features/privacy/anonymise.service.js';
import type { CliArgs } from './args.js';
import type { Command } from './commands.js';

/**
 * `lotse anonymise --db PATH --past-retention [--dry-run] [--json]` (the yearly clean-up an administrator may
 * schedule) and `lotse anonymise --db PATH --participant ID` (a deletion request). Prints ids and counts, never
 * names. No backup is taken first on purpose: a fresh copy would keep exactly the data that must go.
 */
export async function runAnonymise(args: CliArgs, dbPath: string): Promise<number> {
  const pastRetention = args.values['past-retention'] === true;
  const participant = args.values.participant as string | undefined;
  const dryRun = args.values['dry-run'] === true;
  if (pastRetention === (participant !== undefined)) {
    throw new AppError(
      'validation',
      'anonymise braucht entweder --past-retention oder --participant NR.',
      'anonymise needs either --past-retention or --participant ID.',
    );
  }
  let ids: number[];
  const app = await startApp(dbPath, 'cli', { mustExist: true });
  try {
    if (participant !== undefined) {
      const id = Number(participant);
      if (!Number.isSafeInteger(id) || id <= 0) {
        throw new AppError('validation', `--participant "${participant}" ist keine Teilnehmenden-Nummer.`, 'Invalid --participant.');
      }
      ids = [id];
    } else {
      ids = (await listPastRetention(app.ctx.db)).map((p) => p.participantId);
    }
    const result = await anonymiseParticipants(app.ctx.db, ids, {
      dryRun,
      reason: participant !== undefined ? 'request' : 'retention',
    });
    if (args.values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const verb = dryRun ? 'Würde anonymisieren' : 'Anonymisiert';
      process.stdout.write(`${verb}: ${result.participantIds.length} Teilnehmende\n`);
      if (result.participantIds.length > 0) process.stdout.write(`Nummern: ${result.participantIds.join(', ')}\n`);
      if (!dryRun) {
        for (const [key, n] of Object.entries(result.counts)) process.stdout.write(`  ${key}: ${n}\n`);
      }
    }
    return 0;
  } finally {
    await app.close();
  }
}

export const anonymiseCommand: Command = {
  usage:
    'lotse anonymise   --db PATH (--past-retention [--dry-run] | --participant NR) [--json]  Anonymisieren (Aufbewahrungsfrist / Löschantrag)',
  run: runAnonymise,
};
