// Benchmark harness: each case measures Upright against a baseline measured in the same run
// and reports ratios, so figures compare across machines. Targets are reported, never asserted.

export interface BenchRow {
  /** What was measured, e.g. "bulk insert 10k excerpts: encrypted / plain". */
  label: string;
  /** The figure (a ratio when unit is "×"). */
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 1.15×". */
  target?: string;
  /** Whether value meets the target (undefined when there is none). */
  met?: boolean;
}

export interface BenchCase {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Runs fn `runs` times after one warm-up and returns the median wall time in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return quantile(times, 0.5);
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[pos] as number;
}

export function ratioRow(label: string, value: number, baseline: number, max?: number, min?: number): BenchRow {
  const ratio = value / baseline;
  const row: BenchRow = { label, value: ratio, unit: '×' };
  if (max !== undefined) {
    row.target = `≤ ${max}×`;
    row.met = ratio <= max;
  } else if (min !== undefined) {
    row.target = `≥ ${min}×`;
    row.met = ratio >= min;
  }
  return row;
}
