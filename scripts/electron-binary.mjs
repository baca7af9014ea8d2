// Where Electron's executable is, or why there is none — without asking the electron package itself: since
// Electron 45 its main export downloads the binary when it is missing, which on an offline machine prints a
// failed download (and waits for it) instead of answering. The package records the executable's name in path.txt
// once its binary is installed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {{ binary: string | null, reason: string }} */
export function electronBinary() {
  let dir;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { binary: null, reason: 'Electron ist nicht installiert (optionale Abhängigkeit) / Electron is not installed (optional dependency)' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    if (fs.existsSync(binary)) return { binary, reason: '' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const binary = name ? path.join(dir, 'dist', name) : null;
  if (binary && fs.existsSync(binary)) return { binary, reason: '' };
  return { binary: null, reason: 'Electron-Binärdatei fehlt (kein Download möglich) / Electron binary missing (no download possible)' };
}
