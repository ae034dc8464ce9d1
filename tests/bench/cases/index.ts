// Every benchmark case, listed by hand (run.ts imports this list).
import type { BenchCase } from '../harness.ts';
import { importBench } from './import.ts';
import { vaultBench } from './vault.ts';

export const cases: BenchCase[] = [vaultBench, importBench];
