#!/usr/bin/env node
// `npm run build:electron`: bundles the Electron main process and the preload into CommonJS files
// (dist/electron/main.cjs, dist/electron/preload.cjs). Electron loads CJS directly, and a single preload file
// is what a sandboxed renderer can load (its require() only serves 'electron').
// Usage: node scripts/build-electron.mjs [--outdir DIR]
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { build } from 'esbuild';
import { buildImportReader } from './build-main.mjs';

const root = path.resolve(import.meta.dirname, '..');

/** Builds both bundles into `outDir`; returns the two file paths. */
export async function buildElectron(outDir = path.join(root, 'dist', 'electron')) {
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  };
  await build({
    ...common,
    entryPoints: [path.join(root, 'main/electron/main.ts')],
    outfile: main,
    target: 'node22', // Electron 45 ships Node 22
    // electron is the runtime itself; sqlite3 is a native module that must stay a real file (asarUnpack)
    external: ['electron', 'sqlite3'],
    // The sources are ESM; in a CJS bundle import.meta is empty. Map it onto the bundle file, so code that
    // resolves files relative to itself (createRequire(import.meta.url), new URL(..., import.meta.url)) works.
    banner: { js: "const __lotseImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: {
      'import.meta.url': '__lotseImportMetaUrl',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
  });
  // the thread that reads import files; the main bundle starts it from next to itself
  const reader = await buildImportReader(build, path.join(outDir, 'import-worker.cjs'), 'node22');
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of reader.outputFiles) fs.writeFileSync(file.path, file.contents);
  await build({
    ...common,
    entryPoints: [path.join(root, 'main/electron/preload.ts')],
    outfile: preload,
    target: 'chrome140', // the preload runs in the renderer (Chromium of Electron 45)
    external: ['electron'],
  });
  return { main, preload };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const out = await buildElectron(values.outdir ? path.resolve(values.outdir) : undefined);
  process.stdout.write(`Electron-Bundles gebaut: ${path.relative(root, out.main)}, ${path.relative(root, out.preload)}\n`);
}
