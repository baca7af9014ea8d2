/** One row of the bench table: Lotse's figure next to a raw baseline measured in the same run. */
export interface BenchRow {
  figure: string;
  /** milliseconds, or bytes when unit is 'bytes' */
  lotse: number;
  baseline: number | null;
  baselineLabel: string;
  unit: 'ms' | 'bytes';
  goal: string;
  /** whether the goal holds; null when there is no numeric goal */
  goalMet: boolean | null;
  peakMb: number | null;
}

const fmt = (n: number, unit: 'ms' | 'bytes') =>
  unit === 'bytes' ? `${(n / 1024).toFixed(0)} KiB` : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`;

export function formatTable(rows: BenchRow[]): string {
  const header = ['Figure', 'Lotse', 'Baseline (same run)', 'Ratio', 'Goal', 'Met', 'Peak MB'];
  const lines = rows.map((r) => [
    r.figure,
    fmt(r.lotse, r.unit),
    r.baseline === null ? '—' : `${fmt(r.baseline, r.unit)} (${r.baselineLabel})`,
    r.baseline ? `${(r.lotse / r.baseline).toFixed(2)}x` : '—',
    r.goal,
    r.goalMet === null ? '—' : r.goalMet ? 'yes' : 'NO',
    r.peakMb === null ? '—' : r.peakMb.toFixed(0),
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((l) => l[i]!.length)));
  const row = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

/** Median of n timed runs after one warm-up, so one GC pause does not decide a figure. */
export async function timeMedian(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
