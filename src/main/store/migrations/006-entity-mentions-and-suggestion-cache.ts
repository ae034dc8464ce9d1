// Version 5: suggestions reviewed by value, without clutter.
// - entity_mention: where a source names an entity (offsets and the quote with its context, as an
//   excerpt is anchored), so accepting "Mr Baltabay" ×15 links the person to fifteen places without
//   fifteen two-word excerpts. Re-anchored like excerpts when the source is read again; a mention
//   whose words are gone is kept, marked orphaned. Rows are deleted outright with their entity or
//   source (they hold the name as written, which must not linger).
// - suggestion_cache: what the extractors found in a source, computed once in the background and
//   kept with a fingerprint of everything it was computed from (text, language, date, rules), so the
//   reader lists and accepts from it without running the extractors again.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

const SQL = `
CREATE TABLE entity_mention (
  id TEXT PRIMARY KEY NOT NULL,
  entity_id TEXT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
  page INTEGER CHECK (page IS NULL OR page >= 1),
  anchor_status TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor_status IN ('anchored', 'reanchored', 'orphaned')),
  created_at TEXT NOT NULL DEFAULT ${NOW},
  updated_at TEXT NOT NULL DEFAULT ${NOW},
  UNIQUE (entity_id, source_id, start_offset, end_offset)
);
CREATE INDEX entity_mention_source ON entity_mention (source_id, start_offset);
CREATE INDEX entity_mention_entity ON entity_mention (entity_id);

CREATE TABLE suggestion_cache (
  source_id TEXT PRIMARY KEY NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  suggestions TEXT NOT NULL CHECK (json_valid(suggestions)),
  computed_at TEXT NOT NULL DEFAULT ${NOW}
);
`;

export const migration: Migration = {
  version: 6,
  name: 'entity-mentions-and-suggestion-cache',
  up(db: Db) {
    db.exec(SQL);
  },
};
