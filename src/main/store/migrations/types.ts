import type { Db } from '../database.ts';

/** One forward-only schema step. `up` runs inside the transaction that covers every pending step. */
export interface Migration {
  version: number;
  name: string;
  /**
   * The step rebuilds a table (SQLite cannot alter a CHECK constraint): run it with foreign keys
   * off so dropping the old table does not cascade into rows that reference it, and check every
   * reference afterwards.
   */
  rebuildsTables?: boolean;
  up(db: Db): void;
}
