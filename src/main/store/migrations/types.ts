import type { Db } from '../database.ts';

/** One forward-only schema step. `up` runs inside the transaction that covers every pending step. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
