// `npm run bench`: runs every benchmark case and prints its figures as ratios against a baseline
// measured in the same run. Targets are reported, never asserted: machines differ, ratios less so.
// `npm run bench -- vault` runs only the cases whose name contains "vault"; options after the name
// are the case's own (`npm run bench -- scale --sources 500`).
import { cases } from './cases/index.ts';
import type { BenchRow } from './harness.ts';

const filter = process.argv[2]?.toLowerCase();
const selected = filter ? cases.filter((c) => c.name.toLowerCase().includes(filter)) : cases;
if (selected.length === 0) {
  console.error(`No benchmark matches "${filter}". Known: ${cases.map((c) => c.name).join(', ')}`);
  process.exit(1);
}

function format(row: BenchRow): string {
  const value =
    row.unit === '×' ? `${row.value.toFixed(2)}×` : `${row.value.toFixed(row.value < 10 ? 2 : 0)} ${row.unit}`;
  const verdict = row.met === undefined ? '' : row.met ? '  ✓' : '  ✗ over target';
  const digits = (n: number) => n.toFixed(row.unit === '×' || n < 10 ? 2 : 0);
  const spread = row.spread
    ? `  (${digits(row.spread.min)}–${digits(row.spread.max)}, ${row.spread.rounds} rounds)`
    : '';
  return `  ${row.label.padEnd(64)} ${value.padStart(12)}${spread}${row.target ? `   target ${row.target}` : ''}${verdict}`;
}

console.log(`Upright benchmarks — Node ${process.versions.node}, ${process.platform}-${process.arch}\n`);
let missed = 0;
for (const bench of selected) {
  console.log(bench.name);
  const started = performance.now();
  const rows = await bench.run();
  for (const row of rows) {
    console.log(format(row));
    if (row.met === false) missed++;
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
console.log(missed === 0 ? 'All targets met.' : `${missed} figure(s) over target — see above.`);
