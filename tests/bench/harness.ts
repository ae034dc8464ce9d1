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
  /** When value is a median over rounds: the fastest and slowest round, and how many there were. */
  spread?: { min: number; max: number; rounds: number };
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

export interface Samples {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function summarise(times: number[]): Samples {
  return { median: quantile(times, 0.5), min: Math.min(...times), max: Math.max(...times), rounds: times.length };
}

/**
 * Runs each side once per round, alternating which goes first (so a slower stretch of the machine
 * does not fall on one side only), after one unmeasured warm-up of each; returns each side's times.
 */
export async function alternate<K extends string>(
  sides: Record<K, () => unknown | Promise<unknown>>,
  rounds = 5,
): Promise<Record<K, Samples>> {
  const names = Object.keys(sides) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (const name of names) await sides[name]();
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const start = performance.now();
      await sides[name]();
      times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(times[name])])) as Record<K, Samples>;
}

/** A median-over-rounds row, with its spread, against an optional "≤ target" in the same unit. */
export function medianRow(label: string, samples: Samples, unit = 'ms', max?: number): BenchRow {
  const row: BenchRow = {
    label,
    value: samples.median,
    unit,
    spread: { min: samples.min, max: samples.max, rounds: samples.rounds },
  };
  if (max !== undefined) {
    row.target = `≤ ${max} ${unit}`;
    row.met = samples.median <= max;
  }
  return row;
}
