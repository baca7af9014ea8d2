/**
 * `npm run bench`: builds the large data set in a temp folder and measures every figure the issues name, each
 * next to a raw baseline measured in the same run. Prints one table and writes bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { sql } from 'kysely';
import { openAndMigrate } from '../main/db/migrate.js';
import { openDatabase } from '../main/db/open.js';
import { computeFigures, readerFigures } from '../main/features/dashboard/figures.service.js';
import { fairFigures } from '../main/features/fairs/fairs.service.js';
import { listParticipants } from '../main/features/participants/participants.service.js';
import { monthlyStatement } from '../main/features/placements/statement.service.js';
import { exportReport } from '../main/features/reports/reports.service.js';
import { buildImportReader } from '../scripts/build-main.mjs';
import { coldStart } from './coldstart.js';
import { addReceipts } from './receipts.js';
import { fullSize, generate } from './generate.js';
import { writeImportFiles } from './import-files.js';
import { formatTable, timeMedian, type BenchRow } from './table.js';

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-'));
const dbPath = path.join(dir, 'bench.sqlite');
const rows: BenchRow[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);

function peakDuring<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return fn().then((value) => {
    clearInterval(timer);
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
  });
}

async function timed(figure: string, goalMs: number | null, goal: string, lotse: () => Promise<unknown>, baseline: () => Promise<unknown>, baselineLabel: string) {
  const { value: ms, peakMb } = await peakDuring(() => timeMedian(lotse));
  const base = await timeMedian(baseline);
  rows.push({ figure, lotse: ms, baseline: base, baselineLabel, unit: 'ms', goal, goalMet: goalMs === null ? null : ms <= goalMs, peakMb });
  log(`  ${figure}: ${ms.toFixed(1)} ms (baseline ${base.toFixed(1)} ms)`);
}

function task(args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; rows: number; peakMb: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/import-task.ts'), ...args], { encoding: 'utf8', cwd: root, env });
  if (r.status !== 0) throw new Error(`import task failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; rows: number; peakMb: number };
}

async function main() {
  log(`Building the data set in ${dir} ...`);
  const g0 = performance.now();
  const open = await openAndMigrate(dbPath);
  const { programId, aghProgramId } = await generate(open, fullSize);
  await open.close();
  log(`  ${(performance.now() - g0) / 1000} s`);
  const template = path.join(dir, 'template.sqlite');
  fs.copyFileSync(dbPath, template);

  const o = await openDatabase(dbPath);
  const reader = o.reader;

  log('Queries ...');
  await timed('Teilnehmendenliste: Suche + Filter + erste Seite (100.000 TN)', 100, '≤ 100 ms',
    () => listParticipants(reader, { search: 'mueller', limit: 100, offset: 0 }),
    () => sql`SELECT count(*) FROM participants WHERE search_text LIKE '%mueller%'`.execute(reader), 'SQL count LIKE');
  // exactly what the Teilnehmende page sends while the user types: every filter empty, name order, first page
  const pageCall = { communeId: null, programId: null, enrollmentStatus: null, residenceStatus: null, includeArchived: false, sort: 'name', direction: 'asc', limit: 100, offset: 0 } as const;
  for (const term of ['m', 'kovalenko', 'xyzq']) {
    await timed(`Teilnehmendenliste: Suche beim Tippen „${term}“, ohne Filter (Aufruf der Seite)`, 50, '≤ 50 ms',
      () => listParticipants(reader, { ...pageCall, search: term }),
      () => sql`SELECT count(*) FROM participants WHERE search_text LIKE ${`%${term}%`}`.execute(reader), 'SQL count LIKE');
  }
  const commune = await reader.selectFrom('placements').select(['commune_id']).where('program_id', '=', aghProgramId).groupBy('commune_id').orderBy(sql`count(*)`, 'desc').executeTakeFirstOrThrow();
  await timed('AGH-Monatsabrechnung einer Kommune (1 Mio. Stunden)', 500, '≤ 500 ms',
    () => monthlyStatement(reader, aghProgramId, commune.commune_id, '2026-06'),
    () => sql`SELECT h.placement_id, sum(h.hours_x100) FROM hours h JOIN placements p ON p.id = h.placement_id
      WHERE p.commune_id = ${commune.commune_id} AND h.work_date BETWEEN '2026-06-01' AND '2026-06-30' GROUP BY h.placement_id`.execute(reader),
    'SQL sum GROUP BY');
  const fair = await reader.selectFrom('fairs').select('id').orderBy('id').executeTakeFirstOrThrow();
  await timed('Kennzahlen einer Firmenkontaktbörse (1 Mio. Anwesenheiten)', 100, '≤ 100 ms',
    () => fairFigures(reader, fair.id),
    () => sql`SELECT (SELECT count(*) FROM fair_registrations WHERE fair_id = ${fair.id}), (SELECT count(*) FROM fair_contacts WHERE fair_id = ${fair.id})`.execute(reader),
    'SQL counts');
  const q = { programId, from: '2026-01-01', to: '2026-12-31' };
  const rawDashboard = () => sql`SELECT (SELECT count(*) FROM enrollments WHERE program_id = ${programId}),
      (SELECT sum(hours_x100) FROM hours), (SELECT count(*) FROM attendance WHERE status = 'anwesend'),
      (SELECT count(*) FROM outcomes WHERE program_id = ${programId})`.execute(reader);
  // uncached: every query of the page runs; cached: the page's result reused while the data is unchanged
  await timed('Übersicht aktualisieren, ohne Cache (alle Abfragen der Seite)', 150, '≤ 150 ms', () => computeFigures(reader, q, { reach: false }), rawDashboard, 'SQL aggregates');
  await timed('Übersicht erneut öffnen, Daten unverändert (Cache)', 150, '≤ 150 ms', () => readerFigures(reader, q), rawDashboard, 'SQL aggregates');
  const reportFile = () => path.join(dir, `bericht-${Math.random().toString(36).slice(2)}.xlsx`);
  await timed('Verwendungsnachweis exportieren (.xlsx)', 1000, '≤ 1 s',
    () => exportReport(o.db, { programId, kind: 'program_end', from: q.from, to: q.to, confirmRunning: true }, reportFile(), { created: new Date('2026-11-24T00:00:00Z') }),
    rawDashboard, 'SQL aggregates');
  // issue 16: the same report with a financing plan and 20,000 receipts (Nachweis and Belegliste sheets)
  await addReceipts(o.db, programId, 20_000);
  await timed('Verwendungsnachweis mit 20.000 Belegen exportieren (.xlsx)', null, 'keine Vorgabe (Issue 16)',
    () => exportReport(o.db, { programId, kind: 'program_end', from: q.from, to: q.to, confirmRunning: true }, reportFile(), { created: new Date('2026-11-24T00:00:00Z') }),
    () => sql`SELECT position_key, sum(amount_cents) FROM finance_receipts WHERE program_id = ${programId} GROUP BY position_key`.execute(reader), 'SQL sums per position');
  await o.close();

  log('Import (each run on a fresh copy of the 100.000-person database) ...');
  const files = await writeImportFiles(dir, 50_000);
  // the import reads on its reading thread as built for users (one bundle), not through tsx's loader
  const readerBundle = path.join(dir, 'import-worker.cjs');
  for (const f of (await buildImportReader(build, readerBundle, 'node20')).outputFiles) fs.writeFileSync(f.path, f.contents);
  const lotseEnv = { ...process.env, LOTSE_IMPORT_WORKER: readerBundle };
  for (const [label, file, baseMode, baseLabel, withGoal] of [
    ['Import 50.000 Zeilen .xlsx', files.xlsx, 'exceljs', 'exceljs streaming read', true],
    ['Import 50.000 Zeilen .csv', files.csv, 'exceljs-csv', 'exceljs CSV read', true],
    ['Import 50.000 Zeilen .csv (gegen bloßes Zeilenlesen)', files.csv, 'csv-raw', 'raw CSV line read', false],
  ] as const) {
    // three runs each, alternating, each import on a fresh copy; the median run counts (time and its peak memory)
    const runs: { lotse: ReturnType<typeof task>; base: ReturnType<typeof task> }[] = [];
    for (let i = 0; i < 3; i++) {
      const target = path.join(dir, 'import.sqlite');
      for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
      fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
      fs.copyFileSync(template, target);
      runs.push({ lotse: task(['lotse', file, target], lotseEnv), base: task([baseMode, file]) });
    }
    const median = <T extends { ms: number }>(xs: T[]): T => [...xs].sort((a, b) => a.ms - b.ms)[1]!;
    const lotse = median(runs.map((r) => r.lotse));
    const base = median(runs.map((r) => r.base));
    const goalMet = withGoal ? lotse.ms <= 1.3 * base.ms && lotse.peakMb < 300 : null;
    rows.push({ figure: label, lotse: lotse.ms, baseline: base.ms, baselineLabel: baseLabel, unit: 'ms', goal: withGoal ? '≤ 1,3x, < 300 MB' : '—', goalMet, peakMb: lotse.peakMb });
    log(`  ${label}: ${lotse.ms.toFixed(0)} ms, ${lotse.peakMb.toFixed(0)} MB (baseline ${base.ms.toFixed(0)} ms)`);
  }

  log('Cold start in Chromium ...');
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
    spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  const cs = await coldStart(dbPath, '[data-testid^="card-"]');
  rows.push({ figure: 'Kaltstart Web-Modus bis zur ersten Übersicht', lotse: cs.lotse, baseline: cs.baseline, baselineLabel: 'CLI start + Chromium blank page', unit: 'ms', goal: '≤ 5 s', goalMet: cs.lotse <= 5000, peakMb: null });

  const assets = path.join(root, 'dist/renderer/assets');
  const files2 = fs.readdirSync(assets).map((f) => fs.readFileSync(path.join(assets, f)));
  const raw = files2.reduce((s, b) => s + b.length, 0);
  const gz = files2.reduce((s, b) => s + zlib.gzipSync(b).length, 0);
  rows.push({ figure: 'Renderer-Bundle (gzip; Baseline: unkomprimiert)', lotse: gz, baseline: raw, baselineLabel: 'raw', unit: 'bytes', goal: '≤ 1 MiB gzip', goalMet: gz <= 1024 * 1024, peakMb: null });

  log('Fuzz: 1.000 byte-mutated and 1.000 XML-mutated files, and the hostile file classes ...');
  const f0 = performance.now();
  const fuzz = spawnSync('npx', ['vitest', 'run', 'main/excel/import/fuzz.test.ts', 'main/excel/import/hostile.test.ts'], {
    cwd: root,
    env: { ...process.env, FUZZ_CASES: '1000', FUZZ_XML_CASES: '1000' },
    encoding: 'utf8',
  });
  rows.push({
    figure: 'Fuzz: 1.000 beschädigte + 1.000 XML-mutierte .xlsx/.csv, feindliche Dateien (ZZZZZZ2, Riesenzeile, 16.385 Spalten, Texte, Anführungszeichen, Speicher)',
    lotse: performance.now() - f0, baseline: null, baselineLabel: '', unit: 'ms', goal: 'kein Absturz, kein Hängen', goalMet: fuzz.status === 0, peakMb: null,
  });

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
  const table = formatTable(rows);
  process.stdout.write(`\nLotse bench — ${new Date().toISOString().slice(0, 10)} — ${machine}\n\n${table}\n\nTotal time ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
