import { startApp } from '../app.js';
import { participantRecords } from '../features/participants/participant-records.js';
import type { Command } from './commands.js';

/** All participants as canonical records, so any import can be checked from outside. */
export const participantsCommand: Command = {
  usage: 'lotse participants --db PATH --json                       Alle Teilnehmenden als kanonische Datensätze',
  async run(args, dbPath) {
    const app = await startApp(dbPath, 'cli', { mustExist: true });
    try {
      const records = await participantRecords(app.ctx.reader);
      if (args.values.json) process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      else for (const r of records) process.stdout.write(`${r.lastName ?? ''}, ${r.firstName ?? ''}\t${r.birthDate ?? ''}\t${r.commune ?? ''}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
