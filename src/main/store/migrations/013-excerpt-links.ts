// Links between excerpts: "the campaign page's count of 600 unions contradicts the State's reply".
// - `excerpt_link` replaces version 1's unused `link` table, whose vocabulary lacked "same fact as"
//   (SQLite cannot alter a CHECK): its rows, if any, are carried over, then it is dropped.
// - One link per pair of excerpts and kind, whichever way it was drawn (the unique index on the
//   ordered pair), never from an excerpt to itself.
// - Tombstoned like excerpts (`deleted_at`, note erased), so a deletion can travel between vaults;
//   the unique index covers live links only, so a deleted link can be drawn again.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

export const migration: Migration = {
  version: 13,
  name: 'excerpt-links',
  up(db: Db) {
    db.exec(`
      CREATE TABLE excerpt_link (
        id TEXT PRIMARY KEY NOT NULL,
        from_excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
        to_excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('contradicts', 'corroborates', 'responds_to', 'same_fact_as')),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
        created_at TEXT NOT NULL DEFAULT ${NOW},
        updated_at TEXT NOT NULL DEFAULT ${NOW},
        deleted_at TEXT,
        CHECK (from_excerpt_id <> to_excerpt_id)
      );
      CREATE UNIQUE INDEX excerpt_link_pair ON excerpt_link
        (min(from_excerpt_id, to_excerpt_id), max(from_excerpt_id, to_excerpt_id), kind) WHERE deleted_at IS NULL;
      CREATE INDEX excerpt_link_from ON excerpt_link (from_excerpt_id);
      CREATE INDEX excerpt_link_to ON excerpt_link (to_excerpt_id);

      INSERT OR IGNORE INTO excerpt_link (id, from_excerpt_id, to_excerpt_id, kind, note, created_at, updated_at, deleted_at)
        SELECT id, from_excerpt_id, to_excerpt_id, relation, substr(note, 1, 1000), created_at, updated_at, deleted_at
        FROM link ORDER BY created_at;
      DROP TABLE link;
    `);
  },
};
