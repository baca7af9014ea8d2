import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors.js';
import { startApp, type App } from '../app.js';
import { backupNamed, backupTo } from '../db/backup.js';
import { keyFileFor } from '../db/backup-crypto.js';
import { openAndMigrate } from '../db/migrate.js';
import { demoSteps } from '../features/demo/demo.steps.js';
import { seedDemo, type DemoSize } from '../features/demo/demo.seed.js';
import { listPrograms } from '../features/programs/programs.service.js';
import { resolveDbPath } from '../paths.js';
import { isServerUrl, redactUrl } from '../db/engine/target.js';
import { startWebServer } from '../server/server.js';
import { parseCli } from './args.js';
import { featureCommands } from './commands.js';
import { restoreCommand } from './restore.command.js';
import { cliError } from './errors.js';

const usage = `Lotse – Kommandozeile

  lotse serve       [--db PATH] [--port N]       Web-Modus auf 127.0.0.1 (druckt die Adresse mit Schlüssel)
  lotse seed-demo   --db PATH [--size small|large]  Demodaten in eine neue Datenbank laden
  lotse migrate     --db PATH                    Datenbank anlegen bzw. auf den neuesten Stand bringen
  lotse backup      --db PATH [--out DATEI]      Sicherung (online, konsistent, verschlüsselt) schreiben
  lotse restore     --db PATH --from DATEI       Sicherung prüfen und wiederherstellen (Lotse muss beendet sein)
  lotse programs    --db PATH --json             Alle Programme mit Kommunen und Plätzen als JSON

${Object.values(featureCommands).map((c) => `  ${c.usage}`).join('\n')}

Ohne --db gilt LOTSE_DB oder die Datei lotse.sqlite im Datenordner des Benutzers. Statt eines Dateipfads
nimmt --db (und LOTSE_DB) auch einen Teamserver: postgres://benutzer@server:5432/lotse?sslmode=verify-full`;

const options = {
  db: { type: 'string' },
  port: { type: 'string' },
  size: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  program: { type: 'string' },
  commune: { type: 'string' },
  month: { type: 'string' },
  date: { type: 'string' },
  columns: { type: 'string' },
  sheet: { type: 'string' },
  participant: { type: 'string' },
  'past-retention': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  kind: { type: 'string' },
  database: { type: 'string' },
  owner: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  'confirm-running': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// LOTSE_RENDERER_DIR lets parallel test runs serve their own build
const rendererDir = process.env.LOTSE_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));

async function withApp<T>(dbPath: string, fn: (app: App) => Promise<T>, mustExist = true): Promise<T> {
  const app = await startApp(dbPath, 'cli', { mustExist });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parseCli(argv, options);
  if (args.values.help || !args.command) {
    process.stdout.write(`${usage}\n`);
    return args.command ? 0 : 1;
  }
  const dbPath = resolveDbPath(args.values.db as string | undefined);
  switch (args.command) {
    case 'serve': {
      const app = await startApp(dbPath, 'web', { mustExist: false });
      const port = args.values.port ? Number(args.values.port) : 0;
      const server = await startWebServer({ router: app.router, ctx: app.ctx, staticDir: rendererDir, port });
      for (const w of app.ctx.open.warnings) process.stderr.write(`Warnung: ${w}\n`);
      if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
        process.stderr.write('Hinweis: Oberfläche nicht gebaut – "npm run build:renderer" ausführen.\n');
      }
      process.stdout.write(`Lotse läuft im Web-Modus. Datenbank: ${app.ctx.open.path}\n`);
      process.stdout.write(`Im Browser öffnen: ${server.openUrl}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await app.close();
      return 0;
    }
    case 'migrate': {
      const open = await openAndMigrate(dbPath);
      process.stdout.write(`Datenbank ${open.path} ist auf dem neuesten Stand.\n`);
      await open.close();
      return 0;
    }
    case 'seed-demo': {
      const size = (args.values.size ?? 'small') as DemoSize;
      if (size !== 'small' && size !== 'large') throw new AppError('validation', '--size ist small oder large.', '--size must be small or large.');
      const result = await withApp(dbPath, (app) => seedDemo(app.ctx.db, size, demoSteps), false);
      process.stdout.write(`Demodaten geladen in ${isServerUrl(dbPath) ? redactUrl(dbPath) : dbPath}: ${JSON.stringify(result)}\n`);
      return 0;
    }
    case 'backup': {
      const file = await withApp(dbPath, (app) =>
        args.values.out ? backupTo(app.ctx.open, args.values.out as string) : backupNamed(app.ctx.open, 'manuell'),
      );
      process.stdout.write(`Sicherung geschrieben (verschlüsselt): ${file}\nSchlüssel: ${keyFileFor(dbPath)} – ohne ihn lässt sich die Sicherung nicht lesen.\n`);
      return 0;
    }
    case 'restore': {
      const from = args.values.from as string | undefined;
      if (!from) throw new AppError('validation', 'restore braucht --from DATEI.', 'restore needs --from FILE.');
      if (isServerUrl(dbPath)) {
        throw new AppError(
          'validation',
          'Ein Teamserver wird mit den Mitteln des Servers wiederhergestellt (pg_restore, Point-in-Time-Recovery), nicht mit lotse restore.',
          'A team server is restored with the server tools (pg_restore, point-in-time recovery), not with lotse restore.',
        );
      }
      const res = await restoreCommand(dbPath, from);
      if (res.setAside) process.stdout.write(`Die alte Datei ließ sich nicht öffnen und liegt jetzt unter ${res.setAside}.\n`);
      process.stdout.write(
        `Wiederhergestellt aus ${from}.${res.safetyBackup ? ` Vorheriger Stand gesichert: ${res.safetyBackup}.` : ''}` +
          `${res.reanonymised > 0 ? ` Erneut anonymisiert (gelöscht nach der Sicherung): ${res.reanonymised}.` : ''}\n`,
      );
      return 0;
    }
    case 'programs': {
      const programs = await withApp(dbPath, (app) => listPrograms(app.ctx.reader, true));
      if (args.values.json) process.stdout.write(`${JSON.stringify(programs, null, 2)}\n`);
      else for (const p of programs) process.stdout.write(`${p.id}\t${p.name}\t${p.communes.map((c) => `${c.communeName}:${c.slots}`).join(', ')}\n`);
      return 0;
    }
    default: {
      // own names only: "constructor" or "__proto__" are no commands, whatever Object.prototype holds
      const feature = Object.hasOwn(featureCommands, args.command) ? featureCommands[args.command] : undefined;
      if (feature) return feature.run(args, dbPath);
      process.stderr.write(`Unbekannter Befehl "${args.command}".\n\n${usage}\n`);
      return 1;
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    process.stderr.write(`Fehler: ${cliError(err).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
