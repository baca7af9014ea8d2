import crypto from 'node:crypto';
import { teamKinds, type TeamKind } from '../../shared/contract/team.contract.js';
import { AppError } from '../../shared/errors.js';
import { startApp } from '../app.js';
import { serverInitSql } from '../features/team/server-init.js';
import { createMember, listMembers, setMemberDisabled } from '../features/team/team.service.js';
import { findProgramByName } from '../features/programs/programs.service.js';
import type { CliArgs } from './args.js';
import type { Command } from './commands.js';

/** `lotse server-init --database lotse --owner lotse_owner`: prints the SQL that creates a team database. */
export const serverInitCommand: Command = {
  usage: 'lotse server-init --database NAME --owner NAME   SQL für eine Teamdatenbank ausgeben (als Superuser ausführen)',
  async run(args) {
    const database = (args.values.database as string | undefined) ?? 'lotse';
    const owner = (args.values.owner as string | undefined) ?? 'lotse_owner';
    try {
      process.stdout.write(serverInitSql({ database, owner }));
    } catch (err) {
      throw new AppError('validation', (err as Error).message, 'Invalid name.');
    }
    return 0;
  },
};

async function communeIdByName(app: Awaited<ReturnType<typeof startApp>>, name: string | undefined): Promise<number | null> {
  if (!name) return null;
  const c = await app.ctx.db.selectFrom('communes').select('id').where('name', '=', name).executeTakeFirst();
  if (!c) throw new AppError('not_found', `Kommune „${name}“ nicht gefunden.`, `Commune ${name} not found.`);
  return c.id;
}

async function add(args: CliArgs, app: Awaited<ReturnType<typeof startApp>>): Promise<void> {
  const roleName = args.values.role as string | undefined;
  const kind = args.values.kind as TeamKind | undefined;
  const displayName = args.values.name as string | undefined;
  if (!roleName || !kind || !displayName || !teamKinds.includes(kind)) {
    throw new AppError(
      'validation',
      `team add braucht --role NAME --kind ${teamKinds.join('|')} --name "Vor- und Nachname" [--commune NAME] [--program NAME].`,
      'team add needs --role, --kind and --name.',
    );
  }
  const programName = args.values.program as string | undefined;
  const programIds = programName ? [(await findProgramByName(app.ctx.db, programName)).id] : [];
  const password = crypto.randomBytes(18).toString('base64url');
  const m = await createMember(app.ctx.db, { roleName, displayName, kind, communeId: await communeIdByName(app, args.values.commune as string | undefined), programIds, password });
  process.stdout.write(`Login ${m.roleName} (${m.kind}) angelegt. Erstes Passwort (nur jetzt angezeigt, bitte sicher übergeben): ${password}\n`);
}

/** `lotse team add|list|disable --db postgres://…`: the team's logins, run by the owner or a Leitung login. */
export const teamCommand: Command = {
  usage: 'lotse team        add|list|disable --db URL [--role NAME --kind ART --name TEXT]  Logins im Teambetrieb',
  async run(args, dbPath) {
    const action = args.positionals[0];
    const app = await startApp(dbPath, 'cli', { mustExist: true });
    try {
      if (action === 'add') await add(args, app);
      else if (action === 'list') process.stdout.write(`${JSON.stringify(await listMembers(app.ctx.db), null, 2)}\n`);
      else if (action === 'disable') {
        const role = args.values.role as string | undefined;
        const m = (await listMembers(app.ctx.db)).find((x) => x.roleName === role);
        if (!m) throw new AppError('not_found', `Login „${role ?? ''}“ nicht gefunden.`, 'Login not found.');
        await setMemberDisabled(app.ctx.db, m.id, true);
        process.stdout.write(`Login ${m.roleName} gesperrt.\n`);
      } else throw new AppError('validation', 'team braucht add, list oder disable.', 'team needs add, list or disable.');
      return 0;
    } finally {
      await app.close();
    }
  },
};
