import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config.js';
import { mainBundleIsFresh } from '../scripts/build-main.mjs';

const root = path.resolve(import.meta.dirname, '..');

/** Starts `lotse serve` and resolves with the URL and the child once it printed its address. */
function serve(dbPath: string) {
  const child = spawn(process.execPath, [path.join(root, 'bin/lotse.mjs'), 'serve', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  // both pipes are read to the end: a full pipe would block the server's writes and so its exit
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((c) => reject(new Error(`serve exited ${c}: ${err.slice(-2000)}`)));
  });
  return { child, url, exited, stderr: () => err };
}

/**
 * Cold start of web mode to the first rendered dashboard: from spawning the server process to the dashboard's
 * first figure on screen in Chromium. Baseline in the same run: Chromium launch plus a blank page, and the bare
 * start of the CLI (`lotse --help`: loading its code, from the bundle like serve) — the parts Lotse cannot make
 * faster.
 */
export async function coldStart(dbPath: string, readySelector: string): Promise<{ lotse: number; baseline: number }> {
  // `npm start` and `npm run build` leave the CLI bundle that bin/lotse.mjs runs; without this step the figure
  // would measure the tsx fallback whenever any source changed since the last build (not timed, like the renderer)
  // (built in a child process: esbuild's service started inside this long-running tsx process has hung the bench)
  if (!mainBundleIsFresh()) {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-main.mjs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (built.status !== 0) throw new Error(`CLI-Bundle konnte nicht gebaut werden: ${built.stderr || built.error?.message}`);
  }
  const t0 = performance.now();
  const { child, url, exited, stderr } = serve(dbPath);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${await url}#/uebersicht`);
    await page.locator(readySelector).first().waitFor({ timeout: 60_000 });
    const lotse = performance.now() - t0;
    await browser.close();
    // the server may still take the day's backup on its way out; the baseline must not run beside that
    // (the exit promise was set up at spawn, so an early exit cannot be missed; a stuck server is an error)
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
    if (code === 'timeout') throw new Error(`serve did not exit within 60 s after SIGTERM: ${stderr().slice(-2000)}`);

    const b0 = performance.now();
    const help = spawn(process.execPath, [path.join(root, 'bin/lotse.mjs'), '--help'], { stdio: 'ignore' });
    // listen at spawn: `--help` may be done before the browser is, and a missed 'exit' would wait for ever
    const helpDone = new Promise((r) => help.once('exit', r));
    const b2 = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
    const p2 = await b2.newPage();
    await p2.goto('about:blank');
    await helpDone;
    const baseline = performance.now() - b0;
    await b2.close();
    return { lotse, baseline };
  } finally {
    if (browser.isConnected()) await browser.close();
    if (child.exitCode === null) child.kill('SIGTERM');
  }
}
