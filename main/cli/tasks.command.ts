import { isoDate } from '../../shared/domain/common.js';
import { AppError } from '../../shared/errors.js';
import { startApp } from '../app.js';
import { endOfWeek, listReminders } from '../features/reminders/reminders.service.js';
import type { Command } from './commands.js';

/**
 * `lotse tasks --db PATH [--date JJJJ-MM-TT] [--json]`: what Heute lists on that day (overdue and due up to the
 * end of its week), so the list can be checked from outside. The JSON carries ids, never names.
 */
export const tasksCommand: Command = {
  usage: 'lotse tasks       --db PATH [--date JJJJ-MM-TT] [--json]   Fällige Erinnerungen und Aufgaben (wie „Heute“)',
  async run(args, dbPath) {
    const given = args.values.date as string | undefined;
    if (given !== undefined && !isoDate.safeParse(given).success) {
      throw new AppError('validation', `--date: „${given}“ ist kein Datum im Format JJJJ-MM-TT.`, `--date: "${given}" is not a YYYY-MM-DD date.`);
    }
    const app = await startApp(dbPath, 'cli', { mustExist: true });
    try {
      const window = given ? { today: given, until: endOfWeek(given) } : {};
      const items = (await listReminders(app.ctx.reader, window)).map((r) => ({
        kind: r.kind,
        due: r.due,
        overdue: r.overdue,
        participantId: r.participantId,
        title: r.title,
      }));
      if (args.values.json) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
      else if (items.length === 0) process.stdout.write('Nichts fällig.\n');
      else for (const i of items) process.stdout.write(`${i.due}\t${i.kind}\t${i.participantId ?? '-'}\t${i.title}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
