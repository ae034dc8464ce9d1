// Every benchmark case, listed by hand (run.ts imports this list).
import type { BenchCase } from '../harness.ts';
import { bundlesBench } from './bundles.ts';
import { draftChecksBench } from './draft-checks.ts';
import { exportBench } from './export.ts';
import { importBench } from './import.ts';
import { keystrokeBench } from './keystroke.ts';
import { mainLoopBench } from './mainloop.ts';
import { readerBench } from './reader.ts';
import { scaleBench } from './scale.ts';
import { searchBench } from './search.ts';
import { timelineBench } from './timeline.ts';
import { vaultBench } from './vault.ts';

export const cases: BenchCase[] = [
  vaultBench,
  importBench,
  readerBench,
  exportBench,
  scaleBench,
  searchBench,
  mainLoopBench,
  draftChecksBench,
  timelineBench,
  bundlesBench,
  keystrokeBench,
];
