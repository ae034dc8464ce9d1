import { listRows } from '/work/wt/paged-lists/tests/bench/cases/scale-lists.ts';
import { scaleSize, scaleStores } from '/work/wt/paged-lists/tests/bench/cases/scale.ts';
const t0 = performance.now();
const stores = await scaleStores(scaleSize(), (l) => console.log(l));
console.log(`opened (and migrated) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
try {
  for (const row of await listRows(stores)) {
    const spread = row.spread ? ` (${row.spread.min.toFixed(1)}–${row.spread.max.toFixed(1)})` : '';
    console.log(`${row.label.padEnd(90)} ${row.value.toFixed(row.unit === '×' ? 2 : 1)} ${row.unit}${spread} ${row.target ?? ''} ${row.met === undefined ? '' : row.met ? 'met' : 'NOT MET'}`);
  }
} finally {
  stores.close();
}
