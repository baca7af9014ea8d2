#!/usr/bin/env node
// `npm run build:main`: bundles the CLI and web mode (main/cli/index.ts with everything it imports) into one ESM
// file, dist/main/lotse.mjs, which bin/lotse.mjs runs instead of the TypeScript sources while it is newer than
// every source it was built from. Loading one prebuilt file takes about a third of the time tsx needs to resolve
// and transform the whole main/ tree on every start (measured: `lotse --help` 0.44 s vs 1.4 s).
// Usage: node scripts/build-main.mjs [--outdir DIR]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const defaultOutDir = path.join(root, 'dist', 'main');
// The bundle sits two folders below the root, as main/cli/index.ts does, so URLs the sources resolve relative to
// import.meta.url (the built renderer: '../../dist/renderer') point at the same place from either.
export const mainBundle = path.join(defaultOutDir, 'lotse.mjs');
// the thread that reads import files (main/excel/import/in-worker.ts starts it from next to the bundle)
const readerBundleName = 'import-worker.cjs';
const manifestName = 'lotse.inputs.json';
// npm rewrites this file on every install, so a changed dependency makes the bundle stale as well
const lockFile = path.join(root, 'node_modules', '.package-lock.json');

/** The files whose change makes a bundle stale: its own inputs, the installed dependencies, this build script. */
function watchedFiles(inputs) {
  return [...inputs, path.relative(root, lockFile), 'package.json', path.relative(root, import.meta.filename)];
}

/** size and modification time of a project file, or null when it is gone */
function stamp(file) {
  try {
    const st = fs.statSync(path.join(root, file));
    return [st.size, st.mtimeMs];
  } catch {
    return null;
  }
}

/**
 * True when `bundle` exists and every file it was built from still has the size and modification time it had
 * when the build read it (a checkout of an older version changes the time too, so "older than the bundle" would
 * not be enough). The manifest lists the project's own inputs from esbuild's metafile; a new source file can only
 * matter through an import in one of them, which changes that file. Costs a few milliseconds of stat calls.
 */
export function mainBundleIsFresh(bundle = mainBundle) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(bundle), manifestName), 'utf8'));
    if (!fs.existsSync(bundle) || !fs.existsSync(path.join(path.dirname(bundle), readerBundleName))) return false;
  } catch {
    return false;
  }
  if (typeof manifest.stamps !== 'object' || manifest.stamps === null) return false;
  const entries = Object.entries(manifest.stamps);
  if (entries.length === 0) return false;
  return entries.every(([file, recorded]) => {
    const now = stamp(file);
    return Array.isArray(recorded) && now !== null && now[0] === recorded[0] && now[1] === recorded[1];
  });
}

/** Writes a file next to its target and renames it over the target, so a starting CLI never reads half a file. */
function writeAtomic(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/**
 * Bundles the import reader's thread (main/excel/import/worker.ts) into one CommonJS file without imports of its
 * own, so it starts fast and can also be started from source text (inside Electron's asar archive). Not written:
 * the caller writes it with its other files. Also used by build-electron.mjs.
 */
export async function buildImportReader(build, outfile, target) {
  return build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'main/excel/import/worker.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    write: false,
  });
}

/** Builds dist/main/lotse.mjs (and its source map, the import reader and the input manifest); returns the bundle's path. */
export async function buildMain(outDir = defaultOutDir) {
  // esbuild is a development dependency: load it only when building, never on a normal CLI start
  const { build } = await import('esbuild');
  // taken before esbuild reads anything: a file saved during the build must make the result stale, not "fresh"
  const started = Date.now();
  const outfile = path.join(outDir, 'lotse.mjs');
  const reader = await buildImportReader(build, path.join(outDir, readerBundleName), 'node20');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'main/cli/index.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // a native module: it must stay a real file next to its compiled binding
    external: ['sqlite3'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    write: false,
    // Bundled CommonJS dependencies (exceljs and its zip libraries) call require() for Node built-ins; an ES module
    // has no require, so give the bundle one rooted at its own file.
    banner: { js: "import { createRequire as __lotseCreateRequire } from 'node:module';\nconst require = __lotseCreateRequire(import.meta.url);" },
  });
  fs.mkdirSync(outDir, { recursive: true });
  // the reader and the map first and the bundle last: a CLI that sees the new bundle also finds both
  for (const file of [...reader.outputFiles, ...[...result.outputFiles].sort((a) => (a.path === outfile ? 1 : -1))]) writeAtomic(file.path, file.contents);
  const allInputs = new Set([...Object.keys(result.metafile.inputs), ...Object.keys(reader.metafile.inputs)]);
  const inputs = [...allInputs].filter((f) => !f.startsWith('node_modules/')).sort();
  const stamps = {};
  for (const file of watchedFiles(inputs)) {
    const s = stamp(file);
    // changed while esbuild ran: what it read may be the older text, so record something that never matches
    stamps[file] = s && s[1] < started ? s : [-1, -1];
  }
  writeAtomic(path.join(outDir, manifestName), `${JSON.stringify({ stamps }, null, 1)}\n`);
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const out = await buildMain(values.outdir ? path.resolve(values.outdir) : undefined);
  process.stdout.write(`CLI-Bundle gebaut: ${path.relative(root, out)}\n`);
}
