#!/usr/bin/env node
// `npm start`: builds the renderer if it is missing or older than its sources, then starts the desktop app.
// Where Electron's binary is missing (an optional dependency; no download possible), it says so and serves
// web mode on 127.0.0.1 instead, which prints the URL with its token; the CLI bundle that web mode runs from
// (dist/main/lotse.mjs) is rebuilt first when the sources changed, so web mode starts without tsx.
// Arguments pass through: `npm start -- --db /pfad/lotse.sqlite`. `--web` forces web mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildMain, mainBundleIsFresh } from './build-main.mjs';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const rendererIndex = path.join(root, 'dist', 'renderer', 'index.html');
const rendererSources = [path.join(root, 'renderer', 'src'), path.join(root, 'shared'), path.join(root, 'renderer', 'index.html'), path.join(root, 'renderer', 'vite.config.ts')];

/** Newest modification time of a file or of any file below a folder (0 when absent). */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function rendererIsStale() {
  if (!fs.existsSync(rendererIndex)) return true;
  const built = fs.statSync(rendererIndex).mtimeMs;
  return rendererSources.some((s) => newestMtime(s) > built);
}

function buildRenderer() {
  process.stdout.write('Baue die Oberfläche (vite build) … / Building the UI …\n');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    process.stderr.write('Die Oberfläche konnte nicht gebaut werden (siehe oben). / Building the UI failed.\n');
    process.exit(r.status ?? 1);
  }
}

/** Runs a child with the terminal attached, forwards Ctrl+C / termination, and exits with its code. */
function runAttached(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  child.on('error', (err) => {
    process.stderr.write(`Start fehlgeschlagen: ${err.message}\n`);
    process.exit(1);
  });
}

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');

if (rendererIsStale()) buildRenderer();

const binary = forceWeb ? null : electronBinary().binary;
if (binary) {
  const { buildElectron } = await import('./build-electron.mjs');
  await buildElectron();
  const env = { ...process.env };
  // would turn Electron into plain Node
  delete env.ELECTRON_RUN_AS_NODE;
  runAttached(binary, ['.', ...passThrough], env);
} else {
  if (!forceWeb) {
    process.stdout.write(
      'Electron ist auf diesem Rechner nicht installiert – starte im Web-Modus.\n' +
        'Electron is not installed on this machine – starting in web mode.\n' +
        'Die Adresse unten im Browser öffnen (nur auf diesem Rechner erreichbar). / Open the address below in a browser.\n\n',
    );
  }
  if (!mainBundleIsFresh()) {
    try {
      await buildMain();
    } catch (err) {
      // bin/lotse.mjs then runs the sources through tsx: slower to start, same behaviour
      process.stderr.write(`Hinweis: CLI-Bundle nicht gebaut (${err instanceof Error ? err.message : String(err)}); starte aus den Quellen.\n`);
    }
  }
  runAttached(process.execPath, [path.join(root, 'bin', 'lotse.mjs'), 'serve', ...passThrough]);
}
