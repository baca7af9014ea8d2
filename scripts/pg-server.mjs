// A throwaway PostgreSQL server for tests and the bench: initdb into a temp folder (as the `postgres` user when run
// as root, since initdb refuses root), a free port on 127.0.0.1, SCRAM passwords, stopped and removed at the end.
// Nothing here is used by the app itself; team mode connects to a server an administrator runs.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian keeps initdb and pg_ctl under /usr/lib/postgresql/<major>/bin; the newest major wins. */
export function findPgBin() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const majors = fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin, args) {
  const cmd = isRoot ? 'runuser' : bin;
  const full = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const r = spawnSync(cmd, full, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * Starts a server; returns its superuser URL and a stop function. `LOTSE_PG_BIN` may point to another bin folder.
 */
export async function startPgServer() {
  const bin = process.env.LOTSE_PG_BIN || findPgBin();
  if (!bin) throw new Error('PostgreSQL ist nicht installiert (apt-get install -y postgresql) / PostgreSQL is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-pg-'));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  const password = crypto.randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
  fs.rmSync(pwfile, { force: true });
  const port = await freePort();
  // a test server: durability is not needed, speed is (fsync off); sockets in its own folder, TCP on loopback only
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already gone: nothing to stop
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // an interrupted run (Ctrl+C, a CI timeout's SIGTERM) must not leave a server behind
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { url, port, dir, stop };
}
